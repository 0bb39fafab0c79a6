/**
 * A jobcenter's cooperation agreements through the API: a draft with an a-kasse and a union
 * section as parties, not signable until the handbook's minimum is there; signed it is public;
 * taken under review, renegotiated and signed again; a stale save refused; terminated; a
 * signed agreement past its validity reads as expired; every step a version and in the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { accessServer, call, loginAs, type Login } from '../access/helpers.js';
import { backends, createTestDb } from '../support/db.js';

const content = {
  parties: [{ kind: 'unemployment_fund', id: '3f' }, { kind: 'organisation', code: 'LO' }, { kind: 'other', name: 'HK Hovedstaden, afdeling København' }],
  areas: 'Ledige forsikrede medlemmer i de første seks måneder.',
  target_groups: 'Nyledige og ledige over 50 år.',
  initiative: 'A-kassen kontakter jobcentret, når et medlem melder sig ledigt.',
  information_exchange: 'CV og jobsøgningsplan deles via Jobnet.',
  consent: true,
  secretariat: 'Jobcentret er sekretariat.',
  renegotiation: 'Aftalen genforhandles hvert andet år.',
  termination: 'Begge parter kan opsige aftalen med tre måneders varsel.',
  in_force: '2026-01-01',
  valid_until: '2027-12-31',
  review_on: '2026-12-15',
};

describe.each(backends)('cooperation agreements on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let editor: Login, reader: Login, region: Login;
  let id = 0;
  const clock = { t: new Date('2026-11-02T09:00:00Z'), now() { return this.t; } };

  beforeAll(async () => {
    db = await createTestDb(kind);
    app = await accessServer(db, {}, clock);
    [editor, reader, region] = (await Promise.all((['jobcenter_editor', 'jobcenter_reader', 'regional_monitor'] as const).map((r) => loginAs(app, r)))) as [Login, Login, Login];
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  const get = async (as?: Login) => call(app, 'GET', `/api/cooperation/${id}`, as);
  const move = async (action: string, extra: object = {}) => call(app, 'POST', `/api/cooperation/${id}/transitions`, editor, { action, version: (await get(editor)).json().version, ...extra });

  it('makes a draft with its parties, seen only by the jobcenter’s people', async () => {
    expect((await call(app, 'POST', '/api/cooperation', reader, { jobcenter: 'J101', title: 'x', content: {} })).statusCode).toBe(403);
    expect((await call(app, 'POST', '/api/cooperation', editor, { jobcenter: 'J147', title: 'x', content: {} })).statusCode).toBe(403);
    const self = await call(app, 'POST', '/api/cooperation', editor, { jobcenter: 'J101', title: 'x', content: { parties: [{ kind: 'organisation', code: 'J101' }] } });
    expect(self.json().error).toMatchObject({ field: 'content.parties.0', message: 'Feltet Parter, nr. 1: jobcentret er selv part i aftalen.' });
    const made = await call(app, 'POST', '/api/cooperation', editor, { jobcenter: 'J101', title: 'Partnerskabsaftale mellem Jobcenter København og LO-a-kasserne', content: { ...content, consent: false, termination: '' } });
    expect(made.statusCode).toBe(201);
    id = made.json().id;
    expect(made.json()).toMatchObject({ state: 'draft', status_name: 'Kladde', version: 1, content: { parties: [{ kind: 'unemployment_fund', name: '3F A-kasse' }, { kind: 'organisation', name: 'Landsorganisationen i Danmark' }, { kind: 'other', name: 'HK Hovedstaden, afdeling København' }] } });
    expect((await get()).statusCode).toBe(404);
    expect((await call(app, 'GET', '/api/cooperation?jobcenter=J101')).json().agreements).toEqual([]);
    expect((await call(app, 'GET', '/api/cooperation?jobcenter=J101', reader)).json().agreements.map((a: { id: number }) => a.id)).toEqual([id]);
  });

  it('is signed only with the minimum content; signed it is public and cannot be changed', async () => {
    const refused = await move('sign');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.missing.map((m: { path: string }) => m.path)).toEqual(['content.consent', 'content.termination']);
    const d = (await get(editor)).json();
    expect((await call(app, 'PUT', `/api/cooperation/${id}`, editor, { title: d.title, content, version: d.version })).json()).toMatchObject({ version: 2 });
    // A second save from the same first view is refused, not silently overwritten.
    const stale = await call(app, 'PUT', `/api/cooperation/${id}`, editor, { title: 'Andet', content, version: d.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('version 2');
    const signed = await move('sign');
    expect(signed.json()).toMatchObject({ state: 'signed', status_name: 'Underskrevet', signed_on: '2026-11-02', version: 3 });
    expect((await get()).json()).toMatchObject({ title: 'Partnerskabsaftale mellem Jobcenter København og LO-a-kasserne', may_edit: false });
    expect((await call(app, 'PUT', `/api/cooperation/${id}`, editor, { title: 'x', content, version: 3 })).statusCode).toBe(409);
    expect((await call(app, 'POST', `/api/cooperation/${id}/transitions`, region, { action: 'terminate', version: 3, terminated_on: '2026-12-01' })).statusCode).toBe(403);
  });

  it('keeps the documents attached, readable by who may read the agreement', async () => {
    const up = await call(app, 'POST', `/api/cooperation/${id}/files`, editor, { name: 'aftale.pdf', mime: 'application/pdf', data: Buffer.from('%PDF underskrevet').toString('base64') });
    expect(up.statusCode).toBe(201);
    expect((await call(app, 'POST', `/api/cooperation/${id}/files`, editor, { name: 'tom.pdf', data: '' })).json().error.field).toBe('data');
    expect((await call(app, 'POST', `/api/cooperation/${id}/files`, reader, { name: 'x.pdf', data: 'eA==' })).statusCode).toBe(403);
    const file = await call(app, 'GET', `/api/cooperation/${id}/files/${up.json().id}`);
    expect(file.body).toBe('%PDF underskrevet');
    expect(file.headers['content-disposition']).toContain('aftale.pdf');
    expect((await get()).json().files).toMatchObject([{ name: 'aftale.pdf', size: 17 }]);
  });

  it('puts the review and expiry dates in the yearly calendar and the jobcenter’s feed, and reminds the editors before them', async () => {
    const board = (await call(app, 'GET', '/api/calendar?area=J101&year=2026')).json();
    expect(board.cooperation.map((e: { kind: string; day: string }) => `${e.kind} ${e.day}`)).toEqual(['review 2026-12-15']);
    const ics = (await call(app, 'GET', '/api/calendar/feeds/organisations/J101.ics')).body.replace(/\r?\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Revision af samarbejdsaftale: Partnerskabsaftale mellem Jobcenter København og LO-a-kasserne');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261215');
    expect(ics).toContain('DTSTART;VALUE=DATE:20271231');
    // 7 days before the review, once however often the job runs.
    clock.t = new Date('2026-12-08T07:00:00Z');
    await app.notifications.tick();
    await app.notifications.tick();
    const told = await db.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select(['u.email', 'n.title', 'n.link']).where('n.key', 'like', 'reminder:cooperation:%').execute();
    expect(told).toEqual([{ email: 'redaktoer@test.styringshjulet.dk', title: 'Samarbejdsaftale skal revideres om 7 dage', link: `/samarbejdsaftaler/${id}` }]);
    clock.t = new Date('2026-11-02T09:00:00Z');
  });

  it('is reviewed, renegotiated and signed again, terminated, and reads as expired past its validity', async () => {
    expect((await move('review')).json()).toMatchObject({ state: 'under_review', status_name: 'Under revision' });
    const d = (await get(editor)).json();
    expect((await call(app, 'PUT', `/api/cooperation/${id}`, editor, { title: 'Ny partnerskabsaftale (udkast)', content: { ...content, valid_until: '2028-12-31', review_on: '2027-12-15' }, version: d.version })).statusCode).toBe(200);
    // The renegotiation stays with the jobcenter: the public reads the signed version, the calendar its dates.
    expect((await get()).json()).toMatchObject({ title: 'Partnerskabsaftale mellem Jobcenter København og LO-a-kasserne', content: { valid_until: '2027-12-31' } });
    expect((await get(reader)).json()).toMatchObject({ title: 'Ny partnerskabsaftale (udkast)', content: { valid_until: '2028-12-31' } });
    expect((await call(app, 'GET', '/api/calendar?area=J101&year=2027')).json().cooperation.map((e: { day: string }) => e.day)).toEqual(['2027-12-31']);
    expect((await call(app, 'GET', `/api/cooperation/${id}/versions`)).json().map((v: { event: string }) => v.event)).toEqual(['review', 'signed']);
    const resigned = await move('sign');
    expect(resigned.json()).toMatchObject({ state: 'signed', title: 'Ny partnerskabsaftale (udkast)', content: { valid_until: '2028-12-31' } });
    expect((await get()).json().title).toBe('Ny partnerskabsaftale (udkast)');
    // A stale state change is a conflict, not a state error.
    expect((await call(app, 'POST', `/api/cooperation/${id}/transitions`, editor, { action: 'review', version: 1 })).json().error.code).toBe('conflict');
    clock.t = new Date('2029-01-05T09:00:00Z');
    expect((await get()).json()).toMatchObject({ state: 'signed', status: 'expired', status_name: 'Udløbet' });
    clock.t = new Date('2026-11-20T09:00:00Z');
    expect((await move('terminate')).json().error.field).toBe('terminated_on');
    expect((await move('terminate', { terminated_on: '2027-02-28', reason: 'Ny aftale med alle a-kasser.' })).json()).toMatchObject({ state: 'terminated', status_name: 'Opsagt', terminated_on: '2027-02-28' });
    const versions = (await call(app, 'GET', `/api/cooperation/${id}/versions`, editor)).json();
    expect(versions.map((v: { version: number; event_name: string }) => `${v.version} ${v.event_name}`)).toEqual(['7 Opsagt', '6 Underskrevet igen', '5 Gemt', '4 Taget under revision', '3 Underskrevet', '2 Gemt', '1 Oprettet']);
    const audited = await db.db.selectFrom('audit_log').select('action').where('entity', '=', 'cooperation_agreement').orderBy('id').execute();
    expect(audited.map((r) => r.action)).toEqual(['cooperation.created', 'cooperation.saved', 'cooperation.signed', 'cooperation.file_upload', 'cooperation.review', 'cooperation.saved', 'cooperation.resigned', 'cooperation.terminated']);
  });
});
