/**
 * The eras with hand-checkable values: 2013 runs the 2007–2014 deadlines and hears the LBR and
 * the employment region; 2018 the RAR's; 2026 the regional employment council's, with a kept
 * LBR heard beside it. The eight RARs and the five councils from 2025 each cover every
 * municipality once; a RAR is checked as it stood on its last day.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statutoryDeadlines } from '../../src/calendar/index.js';
import type { Db } from '../../src/db/index.js';
import { createDocument, ensureHistoricalGoals, newDocumentContent, type PlanContent } from '../../src/documents/index.js';
import { eraOf, laterCouncils, regionalCouncilOf, stepLabel } from '../../src/eras/index.js';
import { municipalities } from '../../src/reference/index.js';
import { accessServer, call, loginAs, type Login } from '../access/helpers.js';
import { backends, createTestDb } from '../support/db.js';
import { lbrMembers, seatCouncil } from '../support/factories.js';
import { completePlan } from '../support/plans.js';

const steps = (year: number) => statutoryDeadlines(year).map((d) => [d.due, d.step, d.document_year]);

describe('the eras', () => {
  it('runs 2013 on the 2007–2014 deadlines: the LBR heard in summer, the plan published by 31 January', () => {
    // Every 2013 deadline by hand is in test/calendar; here what sets the era apart.
    expect(eraOf(2013)).toMatchObject({ id: 'lbr', localCouncilRequired: true, ministerialGoals: true });
    expect(steps(2013)[0]).toEqual(['2013-01-31', 'plan_publish', 2013]);
    expect(steps(2013).map((d) => d[1])).toEqual(expect.arrayContaining(['plan_region_dialogue', 'plan_to_rbr']));
  });

  it('runs 2026 on the rules from 2025: the plan adopted and published by 31 December, no LBR step', () => {
    expect(eraOf(2026)).toMatchObject({ id: 'rbr', ministerialGoals: false, localCouncilRequired: false });
    expect(steps(2026)).toEqual([
      ['2026-05-01', 'audit_hearing', 2025],
      ['2026-05-31', 'audit_responses', 2025],
      ['2026-06-30', 'audit_approval', 2025],
      ['2026-06-30', 'audit_publish', 2025],
      ['2026-09-15', 'plan_hearing', 2027],
      ['2026-10-31', 'plan_responses', 2027],
      ['2026-12-31', 'plan_approval', 2027],
      ['2026-12-31', 'plan_publish', 2027],
    ]);
    expect(statutoryDeadlines(2026).find((d) => d.step === 'plan_hearing')!.label).toBe('Beskæftigelsesplanen sendt til udtalelse hos det regionale beskæftigelsesråd');
    expect(statutoryDeadlines(2018).find((d) => d.step === 'plan_hearing')!.label).toBe('Beskæftigelsesplanen sendt til udtalelse hos RAR');
    expect(eraOf(2018)).toMatchObject({ id: 'rar', ministerialGoals: true });
    // A step's label follows the era of its deadline: the 2015 plan was published in January 2015 under the old rules' step.
    expect(stepLabel('plan_hearing', 2014)).toBe('Beskæftigelsesplanen sendt i høring hos LBR');
    expect(stepLabel('plan_hearing', 2016)).toBe('Beskæftigelsesplanen sendt til udtalelse hos RAR');
  });

  it('gives each document its steps once across an era’s border: the 2015 plan by the old rules, the 2016 plan by the RAR’s', () => {
    const publish = (y: number) => steps(y).filter((d) => d[1] === 'plan_publish');
    expect(publish(2014)).toEqual([['2014-01-31', 'plan_publish', 2014]]);
    expect(publish(2015)).toEqual([['2015-01-31', 'plan_publish', 2015], ['2015-12-31', 'plan_publish', 2016]]);
    expect(publish(2016)).toEqual([['2016-12-31', 'plan_publish', 2017]]);
    // The 2014 audit, heard in 2015, runs the RAR's rules; the 2015 plan's hearing lay in 2014, under the old ones.
    expect(steps(2015).filter((d) => d[1] === 'audit_responses')).toEqual([['2015-05-31', 'audit_responses', 2014]]);
    expect(steps(2014).filter((d) => d[1] === 'plan_responses')).toEqual([['2014-08-31', 'plan_responses', 2015]]);
  });

  it('covers every municipality once in each era after 2014: eight RARs, then five regional councils', () => {
    for (const era of ['rar', 'rbr'] as const) {
      const councils = laterCouncils.filter((c) => c.era === era);
      expect(councils.length).toBe(era === 'rar' ? 8 : 5);
      const covered = councils.flatMap((c) => c.municipalities).sort((a, b) => a - b);
      expect(covered).toEqual(municipalities.map((m) => m.code).sort((a, b) => a - b));
    }
    const size = (code: string) => laterCouncils.find((c) => c.code === code)!.municipalities.length;
    expect([size('RAR-HOVEDSTADEN'), size('RAR-BORNHOLM'), size('RAR-SJAELLAND'), size('RAR-FYN'), size('RAR-SYDJYLLAND'), size('RAR-OESTJYLLAND'), size('RAR-VESTJYLLAND'), size('RAR-NORDJYLLAND')]).toEqual([28, 1, 17, 10, 12, 11, 8, 11]);
    expect(size('RBR-R1082')).toBe(19);
  });

  it('finds a jobcenter’s regional council per year, a municipality moving with the map', () => {
    // Bornholm: the RBR of Hovedstaden & Sjælland, its own RAR, then Region Hovedstaden's council.
    expect([2013, 2018, 2026].map((y) => regionalCouncilOf('J400', y))).toEqual(['RBR-B1', 'RAR-BORNHOLM', 'RBR-R1084']);
    // Horsens lies in Region Midtjylland, but in RAR Østjylland; Herning in RAR Vestjylland.
    expect([regionalCouncilOf('J615', 2018), regionalCouncilOf('J657', 2018), regionalCouncilOf('J615', 2026)]).toEqual(['RAR-OESTJYLLAND', 'RAR-VESTJYLLAND', 'RBR-R1082']);
    // Esbjerg-Fanø (two municipalities) in RAR Sydjylland; Odense in RAR Fyn.
    expect([regionalCouncilOf('J561', 2018), regionalCouncilOf('J461', 2018)]).toEqual(['RAR-SYDJYLLAND', 'RAR-FYN']);
  });
});

describe.each(backends)('who is heard, by era, on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let editor: Login, admin: Login;
  const clock = { t: new Date('2026-09-01T08:00:00Z'), now() { return this.t; } };

  beforeAll(async () => {
    db = await createTestDb(kind);
    app = await accessServer(db, {}, clock);
    await ensureHistoricalGoals(db.db);
    // København has kept its LBR through 2026; Frederiksberg has none.
    await seatCouncil(db.db, 'LBR-J101', lbrMembers, { from: '2010-01-01', to: '2027-12-31' });
    editor = await loginAs(app, 'jobcenter_editor');
    admin = await loginAs(app, 'national_admin');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function heard(as: Login, area: string, year: number) {
    const actor = { id: null, label: 'test' };
    const id = (await createDocument(db.db, actor, { kind: 'employment_plan', area, year, content: completePlan((await newDocumentContent(db.db, 'employment_plan', year)) as PlanContent, 10) })).id;
    const d = (await call(app, 'GET', `/api/documents/${id}`, as)).json();
    const res = await call(app, 'POST', `/api/documents/${id}/transitions`, as, { revision: d.document.revision, action: 'send_to_hearing' });
    expect(res.statusCode, res.body).toBe(200);
    const h = (await call(app, 'GET', `/api/documents/${id}/hearing`, as)).json().hearing;
    return { deadline: h.deadline, bodies: h.bodies.map((b: { code: string }) => b.code).sort() };
  }

  it('hears the 2027 plan in 2026 by the regional employment council, and the LBR København has kept', async () => {
    expect(await heard(editor, 'J101', 2027)).toEqual({ deadline: '2026-10-31', bodies: ['LBR-J101', 'RBR-R1084'] });
    expect(await heard(admin, 'J147', 2027)).toEqual({ deadline: '2026-10-31', bodies: ['RBR-R1084'] });
  });

  it('hears the 2019 plan in 2018 by the RAR, and the 2014 plan in 2013 by the LBR and the employment region', async () => {
    clock.t = new Date('2018-08-01T08:00:00Z');
    expect(await heard(admin, 'J400', 2019)).toEqual({ deadline: '2018-10-31', bodies: ['RAR-BORNHOLM'] });
    clock.t = new Date('2013-06-25T08:00:00Z');
    expect(await heard(editor, 'J101', 2014)).toEqual({ deadline: '2013-08-31', bodies: ['B1', 'LBR-J101'] });
  });

  it('runs a year on another era’s rules when an administrator sets it, and on the law’s again', async () => {
    clock.t = new Date('2026-07-01T08:00:00Z');
    const set = await call(app, 'PUT', '/api/calendar/eras/2026', admin, { era: 'lbr' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().era).toMatchObject({ id: 'lbr', set: true });
    expect(set.json().deadlines.map((d: { step: string }) => d.step)).toContain('plan_to_rbr');
    expect(await heard(admin, 'J157', 2027)).toEqual({ deadline: '2026-08-31', bodies: ['B1', 'LBR-J157'] });
    expect((await call(app, 'PUT', '/api/calendar/eras/2026', editor, { era: 'lbr' })).statusCode).toBe(403);
    expect((await call(app, 'PUT', '/api/calendar/eras/2026', admin, { era: 'x' })).statusCode).toBe(400);
    const back = (await call(app, 'PUT', '/api/calendar/eras/2026', admin, { era: null })).json();
    expect(back.era).toMatchObject({ id: 'rbr', set: false });
    // A step the year's rules do not have is refused, not stored to be ignored.
    const override = await call(app, 'PUT', '/api/calendar/deadlines/2026', admin, [{ step: 'plan_to_rbr', due: '2026-10-31', note: 'Flyttet' }]);
    expect([override.statusCode, override.json().error.message]).toEqual([400, 'Fristerne, feltet 0.step: trinnet plan_to_rbr har ingen frist i 2026 efter årets regler.']);
    const mark = await call(app, 'POST', '/api/calendar/steps', editor, { area: 'J101', year: 2027, step: 'plan_region_dialogue', done_on: '2026-06-30' });
    expect([mark.statusCode, mark.json().error.message]).toEqual([400, 'Feltet step: trinnet plan_region_dialogue findes ikke i reglerne for 2027.']);
  });

  it('spans a plan over 2017 to 2020 with its status report over the four years', async () => {
    const actor = { id: null, label: 'test' };
    const content = { ...completePlan((await newDocumentContent(db.db, 'employment_plan', 2017)) as PlanContent, 10), last_year: 2020 };
    const id = (await createDocument(db.db, actor, { kind: 'employment_plan', area: 'J101', year: 2017, content })).id;
    const v = (await call(app, 'GET', `/api/documents/${id}`, editor)).json();
    expect(v.title).toBe('Beskæftigelsesplan 2017–2020 – Jobcenter København');
    expect(v.status).toMatchObject({ title: 'Status på mål i beskæftigelsesplan 2017 til 2020', from: 2017, to: 2020 });
    expect(v.status.rows.length).toBe(v.targets.length);
    expect(v.status.rows[0].years.map((y: { year: number }) => y.year)).toEqual([2017, 2018, 2019, 2020]);
    // A plan for its own year only reports that year; a span beyond four years is cut to four.
    const one = (await createDocument(db.db, actor, { kind: 'employment_plan', area: 'J147', year: 2017, content: { ...content, last_year: 2030 } })).id;
    expect((await call(app, 'GET', `/api/documents/${one}`, admin)).json().status).toMatchObject({ from: 2017, to: 2020 });
  });

  it('checks a RAR as it stood on its last day, and an LBR after 2014 as a council the municipality keeps', async () => {
    clock.t = new Date('2026-06-01T08:00:00Z');
    const rar = (await call(app, 'GET', '/api/councils/RAR-HOVEDSTADEN', admin)).json();
    expect(rar).toMatchObject({ date: '2024-12-31', era: { id: 'rar' }, composition: { from: '2019-01-01', to: '2024-12-31' } });
    expect(rar.covers).toHaveLength(28);
    expect(rar.covers).toContain('København');
    expect(rar.covers).not.toContain('Bornholm');
    expect(rar.composition.applied.text).toMatch(/^De regionale arbejdsmarkedsråd blev nedlagt 31\.12\.2024/);
    expect(rar.composition.seats.map((s: { seat: string; min: number }) => `${s.seat}:${s.min}`)).toEqual(['DA:6', 'FH:6', 'AC:1', 'LH:1', 'municipalities:5', 'DH:1', 'regional_council:1']);
    const lbr = (await call(app, 'GET', '/api/councils/LBR-J101?date=2026-06-01', admin)).json();
    expect(lbr).toMatchObject({ era: { id: 'lbr' }, composition: { outside_period: true } });
    expect(lbr.composition.applied.short).toBe('reglerne for LBR 2007–2014, som kommunen følger frivilligt');
    const rbr = (await call(app, 'GET', '/api/councils/RBR-R1084?date=2026-06-01', admin)).json();
    expect(rbr).toMatchObject({ era: { id: 'rbr' }, composition: { outside_period: false, seats: [] }, problems: [{ kind: 'chair', message: 'Rådet har ingen formand.' }] });
    expect(rbr.covers).toContain('Bornholm');
  });
});
