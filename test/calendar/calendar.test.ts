/**
 * The yearly calendar with hand-checkable values: the law's deadlines for 2013, an override,
 * each status for jobcenters with documents in various states on a fixed day, the board's
 * order, hand marks, council milestones, the .ics feeds (parsed with ical.js) and reminders.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRoutes, ensureOrganisations, installGuard } from '../../src/access/index.js';
import { calendarBoard, calendarReminders, calendarRoutes, deadlinesFor, hearingDeadline, statutoryDeadlines, type Board, type StepCell } from '../../src/calendar/index.js';
import type { Clock } from '../../src/clock.js';
import { ensureCouncils } from '../../src/councils/index.js';
import type { Db } from '../../src/db/index.js';
import { createMailer } from '../../src/mail/index.js';
import { Notifier } from '../../src/notifications/index.js';
import { call, loginAs, type Login } from '../access/helpers.js';
import { backends, createTestDb } from '../support/db.js';
import { cast, createMeeting, createUsers, seatCouncil } from '../support/factories.js';

const TODAY = '2013-06-20';
const clock: Clock = { now: () => new Date(`${TODAY}T10:00:00Z`) };
const at = (s: string) => new Date(s);

describe('statutory deadlines', () => {
  it('lists the steps falling in 2013: the 2013 plan published, the 2012 audit, the 2014 plan prepared', () => {
    expect(statutoryDeadlines(2013).map((d) => [d.due, d.step, d.document_year])).toEqual([
      ['2013-01-31', 'plan_publish', 2013],
      ['2013-05-01', 'audit_hearing', 2012],
      ['2013-05-21', 'audit_responses', 2012],
      ['2013-06-30', 'audit_approval', 2012],
      ['2013-06-30', 'plan_region_dialogue', 2014],
      ['2013-07-01', 'audit_publish', 2012],
      ['2013-07-01', 'plan_hearing', 2014],
      ['2013-08-31', 'plan_responses', 2014],
      ['2013-10-15', 'plan_approval', 2014],
      ['2013-10-31', 'plan_to_rbr', 2014],
    ]);
    expect(statutoryDeadlines(2013).every((d) => !d.overridden && d.note === null)).toBe(true);
  });
});

describe.each(backends)('the yearly calendar on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let admin: Login, editor: Login, region: Login, member: Login, reader: Login;
  const org: Record<string, number> = {};
  let auditHearing: number;

  const cellsOf = (b: Board, area: string) => Object.fromEntries(b.rows.find((r) => r.area === area)!.steps.map((c) => [c.step, c])) as Record<string, StepCell>;

  async function insertDocument(d: { kind: string; area: string; year: number; state: string; approval?: { date: string; decision: string }; published_at?: Date }) {
    const row = await db.db
      .insertInto('document')
      .values({ kind: d.kind, area: d.area, year: d.year, state: d.state, revision: 1, content: '{}', approval: d.approval ? JSON.stringify(d.approval) : null, updated_by: 'test', published_at: d.published_at ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function insertHearing(documentId: number, deadline: string, openedAt: Date, bodies: { org: string; state: string; adopted_at?: Date }[], closedAt: Date | null = null) {
    const h = await db.db.insertInto('hearing').values({ document_id: documentId, revision: 1, deadline, require_all: true, opened_at: openedAt, opened_by: 'test', closed_at: closedAt }).returning('id').executeTakeFirstOrThrow();
    await db.db
      .insertInto('hearing_body')
      .values(bodies.map((b) => ({ hearing_id: h.id, organisation_id: org[b.org]!, state: b.state, adopted_at: b.adopted_at ?? null, adopted_by: null, meeting_id: null, updated_at: null, updated_by: null })))
      .execute();
    return h.id;
  }
  async function approveVersion(documentId: number, createdAt: Date, date: string) {
    await db.db.insertInto('document_version').values({ document_id: documentId, revision: 2, event: 'approve', state: 'approved', content: '{}', approval: JSON.stringify({ date, decision: 'Godkendt' }), actor: 'test' }).execute();
    await sql`update document_version set created_at = ${createdAt} where document_id = ${documentId} and event = 'approve'`.execute(db.db);
  }

  beforeAll(async () => {
    db = await createTestDb(kind);
    await ensureOrganisations(db.db);
    await createUsers(db.db);
    await ensureCouncils(db.db);
    for (const o of await db.db.selectFrom('organisation').select(['id', 'code']).where('code', 'in', ['J101', 'B1', 'LBR-J101', 'RBR-B1']).execute()) org[o.code] = o.id;
    // The cast's council member holds a seat in LBR København.
    await seatCouncil(db.db, 'LBR-J101', [{ seat: 'DA', name: cast.member.name, email: cast.member.email }], { from: '2013-01-01' });

    // København: the 2013 plan approved 10 Oct 2012 (registered 20 Oct) and published 20 Jan 2013,
    // after a hearing opened 25 Jun 2012 and answered 5 Sep 2012 (late).
    const plan2013 = await insertDocument({ kind: 'employment_plan', area: 'J101', year: 2013, state: 'published', approval: { date: '2012-10-10', decision: 'Godkendt' }, published_at: at('2013-01-20T10:00:00Z') });
    await insertHearing(plan2013, '2012-08-31', at('2012-06-25T09:00:00Z'), [{ org: 'LBR-J101', state: 'adopted', adopted_at: at('2012-09-05T12:00:00Z') }], at('2012-10-10T12:00:00Z'));
    await approveVersion(plan2013, at('2012-10-20T09:00:00Z'), '2012-10-10');
    // The 2012 audit: in hearing since 5 May 2013 (late); the LBR has answered, the region not yet.
    const audit2012 = await insertDocument({ kind: 'results_audit', area: 'J101', year: 2012, state: 'in_hearing' });
    auditHearing = await insertHearing(audit2012, '2013-05-21', at('2013-05-05T08:00:00Z'), [
      { org: 'LBR-J101', state: 'adopted', adopted_at: at('2013-05-20T10:00:00Z') },
      { org: 'B1', state: 'draft' },
    ]);
    // Frederiksberg: the 2012 audit heard, answered, approved and published in time.
    const fbg = await insertDocument({ kind: 'results_audit', area: 'J147', year: 2012, state: 'published', approval: { date: '2013-06-01', decision: 'Godkendt' }, published_at: at('2013-06-02T10:00:00Z') });
    await insertHearing(fbg, '2013-05-21', at('2013-04-28T08:00:00Z'), [{ org: 'B1', state: 'adopted', adopted_at: at('2013-05-15T10:00:00Z') }], at('2013-06-01T10:00:00Z'));

    await createMeeting(db.db, 'LBR-J101', { title: 'Møde i LBR', startsAt: at('2013-09-03T15:00:00Z'), place: 'Rådhuset, lokale 1', items: [], agendaPublishedAt: at('2013-08-20T10:00:00Z') });
    await createMeeting(db.db, 'LBR-J101', { title: 'Temamøde', startsAt: at('2013-11-12T16:00:00Z'), place: 'Jobcentret', items: [] });

    app = Fastify();
    await installGuard(app, db.db);
    await app.register(accessRoutes, { prefix: '/api', db: db.db, secureCookies: false, baseUrl: 'https://styr.test', loginRateLimit: 1000 });
    await app.register(calendarRoutes, { prefix: '/api', db: db.db, clock, publicUrl: 'https://styr.test' });
    [admin, editor, region, member, reader] = (await Promise.all((['national_admin', 'jobcenter_editor', 'regional_monitor', 'council_member', 'jobcenter_reader'] as const).map((r) => loginAs(app, r)))) as [Login, Login, Login, Login, Login];
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('marks a step done by hand, for the jobcenter\'s own editors only', async () => {
    const mark = { area: 'J101', year: 2014, step: 'plan_region_dialogue', done_on: '2013-06-10' };
    expect((await call(app, 'POST', '/api/calendar/steps', region, mark)).statusCode).toBe(403);
    expect((await call(app, 'POST', '/api/calendar/steps', reader, mark)).statusCode).toBe(403);
    const future = await call(app, 'POST', '/api/calendar/steps', editor, { ...mark, done_on: '2013-06-21' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ field: 'done_on' });
    const unknown = await call(app, 'POST', '/api/calendar/steps', editor, { ...mark, step: 'plan_party' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/^Forespørgslen, feltet step: ukendt trin/);
    expect((await call(app, 'POST', '/api/calendar/steps', editor, mark)).json()).toEqual(mark);
    // Unmark (by query) and mark again.
    expect((await call(app, 'DELETE', '/api/calendar/steps?area=J101&year=2014&step=plan_region_dialogue', editor)).statusCode).toBe(200);
    expect((await call(app, 'DELETE', '/api/calendar/steps?area=J101&year=2014&step=plan_region_dialogue', editor)).statusCode).toBe(404);
    expect((await call(app, 'POST', '/api/calendar/steps', admin, mark)).statusCode).toBe(200);
    const log = await db.db.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'step_done').orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['calendar.step_mark', 'calendar.step_unmark', 'calendar.step_mark']);
  });

  it('gives each step its status on a fixed day', async () => {
    const board = await calendarBoard(db.db, { area: 'J101', year: 2013, today: TODAY });
    expect(board.rows.map((r) => r.area)).toEqual(['J101']);
    const c = cellsOf(board, 'J101');
    expect(Object.fromEntries(Object.values(c).map((x) => [x.step, [x.status, x.done_on]]))).toEqual({
      plan_publish: ['done', '2013-01-20'],
      audit_hearing: ['done_late', '2013-05-05'],
      audit_responses: ['overdue', null],
      audit_approval: ['due_soon', null],
      plan_region_dialogue: ['done', '2013-06-10'],
      audit_publish: ['due_soon', null],
      plan_hearing: ['due_soon', null],
      plan_responses: ['upcoming', null],
      plan_approval: ['upcoming', null],
      plan_to_rbr: ['upcoming', null],
    });
    expect(c.plan_region_dialogue).toMatchObject({ marked: true, document_id: null });
    expect(c.audit_responses).toMatchObject({ status_label: 'Overskredet', days_left: -30, document_state: 'in_hearing' });
    expect(c.audit_approval!.days_left).toBe(10);
    expect(board.counts).toEqual({ done: 2, done_late: 1, overdue: 1, due_soon: 3, upcoming: 3 });

    // 2012: the 2013 plan's steps, read from its hearing, approval and approval's version.
    const c2012 = cellsOf(await calendarBoard(db.db, { area: 'J101', year: 2012, today: TODAY }), 'J101');
    expect([c2012.plan_region_dialogue, c2012.plan_hearing, c2012.plan_responses, c2012.plan_approval, c2012.plan_to_rbr].map((x) => [x!.status, x!.done_on])).toEqual([
      ['overdue', null],
      ['done', '2012-06-25'],
      ['done_late', '2012-09-05'],
      ['done', '2012-10-10'],
      ['done', '2012-10-20'],
    ]);

    const f = cellsOf(await calendarBoard(db.db, { area: 'J147', year: 2013, today: TODAY }), 'J147');
    expect([f.audit_hearing, f.audit_responses, f.audit_approval, f.audit_publish].map((x) => [x!.status, x!.done_on])).toEqual([
      ['done', '2013-04-28'],
      ['done', '2013-05-15'],
      ['done', '2013-06-01'],
      ['done', '2013-06-02'],
    ]);
  });

  it('sorts the board most overdue first, then most due soon, then by name', async () => {
    const res = await call(app, 'GET', '/api/calendar?area=B1');
    expect(res.statusCode).toBe(200);
    const board = res.json() as Board;
    expect(board).toMatchObject({ year: 2013, area: 'B1', today: TODAY });
    expect(board.steps).toHaveLength(10);
    expect(board.rows).toHaveLength(44);
    // The rest (no documents) have 3 overdue steps; København 1 with 3 due soon; Frederiksberg 1 with 2.
    expect(board.rows.slice(0, 2).map((r) => [r.name, r.counts.overdue])).toEqual([['Jobcenter Albertslund', 3], ['Jobcenter Allerød', 3]]);
    expect(board.rows.slice(-2).map((r) => [r.area, r.counts.overdue, r.counts.due_soon])).toEqual([['J101', 1, 3], ['J147', 1, 2]]);
    expect(board.counts.overdue).toBe(42 * 3 + 2);
    expect((await call(app, 'GET', '/api/calendar?area=K101')).json().error).toMatchObject({ code: 'invalid_field', field: 'area' });
    const dk = (await call(app, 'GET', '/api/calendar?year=2012')).json() as Board;
    expect([dk.area, dk.year, dk.rows.length]).toEqual(['DK', 2012, 94]);
  });

  it('moves a deadline by a year\'s override and reports it', async () => {
    const body = [{ step: 'plan_responses', due: '2013-09-07', note: 'Forlænget ved lov' }];
    expect((await call(app, 'PUT', '/api/calendar/deadlines/2013', editor, body)).statusCode).toBe(403);
    const bad = await call(app, 'PUT', '/api/calendar/deadlines/2013', admin, [{ step: 'plan_party', due: '2013-09-07', note: 'x' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_field', field: '0.step' });
    expect(bad.json().error.message).toMatch(/^Fristerne, feltet 0\.step: ukendt trin/);
    const noNote = await call(app, 'PUT', '/api/calendar/deadlines/2013', admin, [{ step: 'plan_responses', due: '2013-09-07' }]);
    expect(noNote.json().error).toMatchObject({ field: '0.note' });
    expect((await call(app, 'PUT', '/api/calendar/deadlines/2013', admin, [{ ...body[0], due: '2014-01-07' }])).json().error).toMatchObject({ field: '0.due' });

    const ok = await call(app, 'PUT', '/api/calendar/deadlines/2013', admin, body);
    expect(ok.statusCode).toBe(200);
    const moved = (await deadlinesFor(db.db, 2013)).find((d) => d.step === 'plan_responses');
    expect(moved).toMatchObject({ due: '2013-09-07', document_year: 2014, overridden: true, note: 'Forlænget ved lov' });
    expect((await deadlinesFor(db.db, 2014)).find((d) => d.step === 'plan_responses')).toMatchObject({ due: '2014-08-31', overridden: false });
    expect(await hearingDeadline(db.db, 'employment_plan', 2014)).toBe('2013-09-07');
    expect(await hearingDeadline(db.db, 'results_audit', 2012)).toBe('2013-05-21');
    expect(await hearingDeadline(db.db, 'implementation_plan', 2013)).toBeNull();
    expect((await db.db.selectFrom('audit_log').select('action').where('entity', '=', 'deadline_override').execute()).map((a) => a.action)).toEqual(['calendar.deadlines']);
  });

  it('keeps a council\'s own milestones for its members and secretariat', async () => {
    const url = '/api/councils/LBR-J101/milestones';
    const created = await call(app, 'POST', url, member, { due: '2013-12-01', title: 'Temadrøftelse om unge', description: 'Oplæg fra jobcentret.' });
    expect(created.statusCode).toBe(201);
    expect((await call(app, 'POST', url, member, { due: '1. december', title: 'x' })).json().error.message).toBe('Milepælen, feltet due: skriv datoen som ÅÅÅÅ-MM-DD.');
    const refused = await call(app, 'GET', url, region);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/Kun medlemmer og sekretariatet/);
    expect((await call(app, 'GET', url, reader)).statusCode).toBe(403);
    expect((await call(app, 'GET', url)).statusCode).toBe(401);
    const list = (await call(app, 'GET', url, editor)).json();
    expect(list.milestones.map((m: { title: string; due: string }) => [m.title, m.due])).toEqual([['Temadrøftelse om unge', '2013-12-01']]);
    const extra = (await call(app, 'POST', url, editor, { due: '2013-10-01', title: 'Slettes' })).json();
    expect((await call(app, 'DELETE', `${url}/${extra.id}`, member)).statusCode).toBe(204);
    expect((await call(app, 'DELETE', `${url}/${extra.id}`, member)).statusCode).toBe(404);
    expect((await call(app, 'GET', '/api/councils/LBR-J999/milestones', admin)).statusCode).toBe(404);
  });

  const events = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => {
      const ev = new ICAL.Event(e);
      return { uid: ev.uid, start: ev.startDate.toString(), summary: ev.summary, url: String(e.getFirstPropertyValue('url')) };
    });
  /** A timed event's start and end as ical.js reads them (an all-day step has no end). */
  const times = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => {
      const ev = new ICAL.Event(e);
      return { uid: ev.uid, start: ev.startDate.toString(), end: e.hasProperty('dtend') ? ev.endDate.toString() : null, hours: ev.duration.toSeconds() / 3600 };
    });

  it('serves an organisation\'s steps (and a council\'s published meetings) as iCalendar', async () => {
    const res = await call(app, 'GET', '/api/calendar/feeds/organisations/J101.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ev = events(res.body);
    expect(ev).toHaveLength(20); // 10 steps in 2013 and 10 in 2014
    expect(ev.find((e) => e.uid === 'step-J101-2014-plan_hearing@styringshjulet.dk')).toEqual({
      uid: 'step-J101-2014-plan_hearing@styringshjulet.dk', start: '2013-07-01', summary: 'Beskæftigelsesplanen sendt i høring hos LBR', url: 'https://styr.test/aarshjul?omraade=J101',
    });
    expect(ev.find((e) => e.uid === 'step-J101-2012-audit_hearing@styringshjulet.dk')).toMatchObject({ start: '2013-05-01', summary: 'Resultatrevisionen sendt i høring hos LBR og regionen' });
    expect(ev.find((e) => e.uid === 'step-J101-2014-plan_responses@styringshjulet.dk')).toMatchObject({ start: '2013-09-07' }); // the override
    expect(ev.find((e) => e.uid === 'step-J101-2015-plan_publish@styringshjulet.dk')).toBeUndefined();
    expect(ev.find((e) => e.uid === 'step-J101-2014-plan_publish@styringshjulet.dk')).toMatchObject({ start: '2014-01-31' });
    expect(res.body).toContain('X-WR-TIMEZONE:Europe/Copenhagen');
    expect(res.body).toContain('DTSTART;VALUE=DATE:20130701');

    const region = events((await call(app, 'GET', '/api/calendar/feeds/organisations/B1.ics')).body);
    expect(region).toHaveLength(44 * 20);
    expect(region.find((e) => e.uid === 'step-J147-2012-audit_publish@styringshjulet.dk')).toMatchObject({ start: '2013-07-01', summary: 'Jobcenter Frederiksberg: Resultatrevisionen er sendt til RBR og offentliggjort' });

    const lbr = await call(app, 'GET', '/api/calendar/feeds/organisations/LBR-J101.ics');
    const meetings = events(lbr.body).filter((e) => e.uid.startsWith('meeting-'));
    expect(meetings.map((m) => [m.start, m.summary])).toEqual([['2013-09-03T17:00:00', 'Møde i LBR']]);
    expect(lbr.body).toContain('DTSTART;TZID=Europe/Copenhagen:20130903T170000');
    // Every meeting has an end: two hours after its start.
    expect(times(lbr.body).filter((e) => e.uid.startsWith('meeting-'))).toEqual([{ uid: expect.stringMatching(/^meeting-\d+@/), start: '2013-09-03T17:00:00', end: '2013-09-03T19:00:00', hours: 2 }]);
    expect(lbr.body).toContain('DTEND;TZID=Europe/Copenhagen:20130903T190000');
    expect(lbr.body).toContain('LOCATION:Rådhuset\\, lokale 1');
    expect(lbr.body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen');
    expect(lbr.body).toContain('DTSTAMP:20130620T100000Z');
    expect((await call(app, 'GET', '/api/calendar/feeds/organisations/NOPE.ics')).statusCode).toBe(404);
  });

  it('serves a user\'s own feed behind a secret token; an unknown token is 404', async () => {
    expect((await call(app, 'POST', '/api/calendar/feed-token')).statusCode).toBe(401);
    const first = (await call(app, 'POST', '/api/calendar/feed-token', member)).json().url as string;
    const { url } = (await call(app, 'POST', '/api/calendar/feed-token', member)).json() as { url: string };
    expect(url).toMatch(/^https:\/\/styr\.test\/api\/calendar\/feeds\/me\/[\w-]+\.ics$/);
    const path = (u: string) => u.replace('https://styr.test', '');
    expect((await call(app, 'GET', path(first))).statusCode).toBe(404); // replaced
    expect((await call(app, 'GET', '/api/calendar/feeds/me/ukendt.ics')).json().error.code).toBe('not_found');

    const res = await call(app, 'GET', path(url));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ev = events(res.body);
    expect(ev.filter((e) => e.uid.startsWith('step-J101-'))).toHaveLength(20);
    expect(ev.filter((e) => e.uid.startsWith('meeting-')).map((e) => [e.start, e.summary])).toEqual([
      ['2013-09-03T17:00:00', 'Møde i LBR (LBR København)'],
      ['2013-11-12T17:00:00', 'Temamøde (LBR København)'],
    ]);
    expect(ev.filter((e) => e.uid.startsWith('milestone-')).map((e) => [e.start, e.summary])).toEqual([['2013-12-01', 'Temadrøftelse om unge (LBR København)']]);
    expect(ev.find((e) => e.uid === `hearing-${auditHearing}-${org['LBR-J101']}@styringshjulet.dk`)).toMatchObject({ start: '2013-05-21', summary: 'Høringsfrist: Resultatrevision 2012, Jobcenter København' });
    expect(ev).toHaveLength(24);

    // The regional monitor: the region's jobcenters, the RBR's (none) meetings, the region's open hearing.
    const regionUrl = path((await call(app, 'POST', '/api/calendar/feed-token', region)).json().url);
    const rev = events((await call(app, 'GET', regionUrl)).body);
    expect(rev.filter((e) => e.uid.startsWith('hearing-')).map((e) => e.uid)).toEqual([`hearing-${auditHearing}-${org.B1}@styringshjulet.dk`]);
    expect(rev.filter((e) => e.uid.startsWith('step-'))).toHaveLength(44 * 20);
  });

  it('reminds the jobcenter\'s editors 7 days before a deadline, once', async () => {
    const notifier = new Notifier(db.db, createMailer({ from: 'test@styr.test' }), clock, 'https://styr.test');
    // 24 June: audit_publish and plan_hearing (1 July) are 7 days away; Frederiksberg has published its audit.
    expect(await calendarReminders(db.db, notifier, '2013-06-24')).toBe(94 * 2 - 1);
    const mine = () =>
      db.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select(['n.key', 'n.title', 'n.link']).where('u.email', '=', cast.editor.email).orderBy('n.key').execute();
    expect(await mine()).toEqual([
      { key: 'reminder:step:J101:2012:audit_publish:7', title: 'Frist om 7 dage: Resultatrevisionen er sendt til RBR og offentliggjort', link: '/aarshjul?omraade=J101' },
      { key: 'reminder:step:J101:2014:plan_hearing:7', title: 'Frist om 7 dage: Beskæftigelsesplanen sendt i høring hos LBR', link: '/aarshjul?omraade=J101' },
    ]);
    const count = async () => Number((await db.db.selectFrom('notification').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(2); // only J101 has an editor
    await calendarReminders(db.db, notifier, '2013-06-24');
    expect(await count()).toBe(2);
    // The day before, with the clock as "today".
    await calendarReminders(db.db, notifier, { now: () => new Date('2013-06-30T08:00:00Z') });
    expect((await mine()).map((n) => n.title)).toContain('Frist i morgen: Beskæftigelsesplanen sendt i høring hos LBR');
  });
});
