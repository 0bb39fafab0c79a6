/**
 * The region's quarterly follow-up reports, on a release computed from a small generated
 * register and its benchmarking: every number in a report is the bank's cell for the same
 * table, measure, area, period and dimensions (read back through /v3/data), and the HTML
 * prints it; a monitor drafts only within the own region; redrafting keeps the region's
 * assessment; a published report is left alone; the quarter is checked against the release.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConditionsParquet, runBenchmark, saveConditions } from '../../src/benchmark/index.js';
import type { Db } from '../../src/db/index.js';
import type { FollowupGenerated } from '../../src/documents/index.js';
import { computeRelease } from '../../src/indicators/index.js';
import { areaById, areas } from '../../src/reference/index.js';
import { registerReleaseTables } from '../../src/statbank/index.js';
import { isResolved } from '../../src/followup/cases.js';
import { accessServer, call, loginAs, loginWith, type Login } from '../access/helpers.js';
import { backends, createTestDb } from '../support/db.js';
import { createMeeting, lbrMembers, seatCouncil, TEST_PASSWORD } from '../support/factories.js';
import { cachedRegister } from '../support/register-cache.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The benchmarking's settings for a register of 20,000 persons (the defaults leave most jobcenters out). */
const lenient = { minPersons: 5, level: 0.8, minDeviation: 0.05, explanationLevel: 0.5 };
const b1 = areas.filter((a) => a.level === 'jobcenter' && a.municipalities.every((k) => areaById.get('B1')!.municipalities.includes(k))).map((a) => a.id);

describe.each(backends)('follow-up reports on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let work: string;
  let region: Login, editor: Login, admin: Login;
  let dir = '';
  const clock = { t: new Date('2026-03-02T09:00:00Z'), now() { return this.t; } };

  beforeAll(async () => {
    db = await createTestDb(kind);
    work = mkdtempSync(join(tmpdir(), 'styr-followup-'));
    dir = await cachedRegister({ persons: 20_000, from: '2023-01', to: '2025-12', seed: 5 });
    await computeRelease({ registerDir: dir, db: db.db, threshold: 5, notes: 'opfølgning', tables: registerReleaseTables(), workDir: work });
    await saveConditions(db.db, await readConditionsParquet(join(dir, 'conditions.parquet'), [2023, 2024, 2025]), 'test');
    // Lenient settings, so that this small register has result problems to follow up.
    await runBenchmark(db.db, { settings: lenient });
    app = await accessServer(db, {}, clock);
    await seatCouncil(db.db, 'LBR-J101', lbrMembers, { from: '2022-01-01', to: '2026-12-31' });
    region = await loginAs(app, 'regional_monitor');
    editor = await loginAs(app, 'jobcenter_editor');
    admin = await loginAs(app, 'national_admin');
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const generated = async (id: number) => (await call(app, 'GET', `/api/documents/${id}`, region)).json().document.content.generated as FollowupGenerated;
  /** One cell of the bank, as /v3/data publishes it (null when not published). */
  const cell = async (table: string, measure: string, hierarchy: string, area: string, period: string, dims: Record<string, string>) => {
    const q = new URLSearchParams({ 'mgroup.*': measure, 'period.Q': period, [`hierarchy.${hierarchy}`]: area, format: 'json', ...Object.fromEntries(Object.entries(dims).map(([d, v]) => [`dimension.${d}`, v])) });
    const res = await app.inject(`/v3/data/${table}?${q}`);
    expect(res.statusCode, `${table} ${q}`).toBe(200);
    const body = res.json() as { columns: string[]; rows: unknown[][]; status: string[] };
    expect(body.rows).toHaveLength(1);
    // One measure asked for: its column is the last.
    return body.status[0] === 'published' ? (body.rows[0]!.at(-1) as number) : null;
  };

  it('knows the quarters of the release and refuses one it lacks, naming the field', async () => {
    const q = await call(app, 'GET', '/api/followup/quarters', region);
    expect(q.statusCode).toBe(200);
    expect(q.json()).toMatchObject({ latest: '2025Q4', regions: [{ id: 'B1', name: 'Beskæftigelsesregion Hovedstaden & Sjælland' }] });
    expect((await call(app, 'GET', '/api/followup/quarters', admin)).json().regions.map((r: { id: string }) => r.id)).toEqual(['B1', 'B2', 'B3', 'B4']);
    expect(q.json().quarters[0]).toBe('2025Q4');
    expect(q.json().quarters.at(-1)).toBe('2024Q1');
    const bad = await call(app, 'POST', '/api/followup/reports', region, { quarter: '2023Q2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'quarter' });
    expect(bad.json().error.message).toContain('har ikke både 2. kvartal 2022 og 2. kvartal 2023');
  });

  it('lets a monitor draft only within the own region, and no jobcenter editor at all', async () => {
    expect((await call(app, 'POST', '/api/followup/reports', editor, { quarter: '2025Q3' })).statusCode).toBe(403);
    const other = await call(app, 'POST', '/api/followup/reports', region, { quarter: '2025Q3', region: 'B4' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.field).toBe('region');
    expect(await db.db.selectFrom('document').select('id').where('kind', '=', 'followup_report').execute()).toEqual([]);
  });

  let ids: number[] = [];
  it('drafts one report per jobcenter of the region, every number the bank’s cell', async () => {
    const res = await call(app, 'POST', '/api/followup/reports', region, { quarter: '2025Q3' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ quarter: '2025Q3', created: b1.length, updated: 0, skipped: [] });
    // København first: the largest jobcenter has the fewest suppressed cells.
    const all = res.json().documents as number[], k = b1.indexOf('J101');
    expect(k).toBeGreaterThanOrEqual(0);
    ids = [all[k]!, ...all.filter((_, i) => i !== k)];
    const docs = await db.db.selectFrom('document').select(['area', 'year', 'period', 'state']).where('kind', '=', 'followup_report').orderBy('area').execute();
    expect(docs.map((d) => d.area)).toEqual([...b1].sort());
    expect(new Set(docs.map((d) => `${d.year}|${d.period}|${d.state}`))).toEqual(new Set(['2025|2025Q3|draft']));

    const list = (await call(app, 'GET', '/api/followup/reports?quarter=2025Q3', region)).json();
    expect(list.region.id).toBe('B1');
    expect(list.reports.map((r: { area: string; state_name: string }) => `${r.area}:${r.state_name}`).sort()).toEqual(b1.map((j) => `${j}:Kladde`).sort());
    expect((await call(app, 'GET', '/api/followup/reports?quarter=2025Q3&region=B2', region)).statusCode).toBe(403);

    const g = await generated(ids[0]!);
    const jc = g.jobcenter.id;
    expect(g).toMatchObject({ quarter: '2025Q3', previous_quarter: '2024Q3', region: { id: 'B1' } });
    expect(g.cluster).not.toBeNull();
    let compared = 0;
    for (const m of g.measures) {
      expect(m.current).toBe(await cell(m.table, m.measure, '_jobcenter', jc, '2025Q3', m.dims));
      expect(m.previous).toBe(await cell(m.table, m.measure, '_jobcenter', jc, '2024Q3', m.dims));
      expect(m.country).toBe(await cell(m.table, m.measure, '_jobcenter', 'DK', '2025Q3', m.dims));
      expect(m.region).toBe(await cell(m.table, m.measure, '_beskregion', 'B1', '2025Q3', m.dims));
      expect(m.cluster).toBe(await cell(m.table, m.measure, '_klynge', g.cluster!.id, '2025Q3', m.dims));
      for (const k of ['current', 'previous', 'country', 'region', 'cluster'] as const) if (m[k] === null) expect(m.missing[k], `${m.id} ${k}`).toBeTruthy();
      compared += 5;
    }
    for (const r of g.benefits) {
      expect(r.current).toBe(await cell(r.table, r.measure, '_jobcenter', jc, '2025Q3', r.dims));
      expect(r.previous).toBe(await cell(r.table, r.measure, '_jobcenter', jc, '2024Q3', r.dims));
      compared += 2;
    }
    expect(compared).toBe(g.measures.length * 5 + g.benefits.length * 2);
    expect(g.measures.filter((m) => m.current !== null).length).toBeGreaterThan(4);
    // Timeliness against the benchmarking's threshold (80 % by default).
    expect(g.timeliness.threshold).toBe(80);
    expect(g.timeliness.met).toBe(g.timeliness.current === null ? null : g.timeliness.current >= 80);
  });

  it('prints the numbers in the HTML as the bank publishes them', async () => {
    const g = await generated(ids[0]!);
    const html = (await call(app, 'GET', `/api/documents/${ids[0]}/html`, region)).body;
    expect(html).toContain(`Opfølgningsrapport 3. kvartal 2025 – ${g.jobcenter.name}`);
    const da = (v: number, d: number) => v.toLocaleString('da-DK', { minimumFractionDigits: d, maximumFractionDigits: d });
    for (const m of g.measures) {
      const row = new RegExp(`<tr><td>${m.label.replace(/[.()]/g, '\\$&')}</td>.*?</tr>`).exec(html)?.[0];
      expect(row, m.label).toBeTruthy();
      for (const v of [m.previous, m.current, m.cluster, m.region, m.country]) if (v !== null) expect(row).toContain(`>${da(v, m.decimals)}<`);
    }
    expect(html).toContain(g.text.timeliness);
  });

  it('keeps the region’s assessment when redrafted, and leaves a published report alone', async () => {
    const doc = (await call(app, 'GET', `/api/documents/${ids[0]}`, region)).json().document;
    const saved = await call(app, 'PUT', `/api/documents/${ids[0]}`, region, { revision: doc.revision, content: { ...doc.content, assessment: { ...doc.content.assessment, overall: 'Jobcentret er på rette vej.' } } });
    expect(saved.statusCode).toBe(200);
    const again = await call(app, 'POST', '/api/followup/reports', admin, { quarter: '2025Q3', jobcenter: doc.area });
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const after = (await call(app, 'GET', `/api/documents/${ids[0]}`, region)).json().document;
    expect(after.content.assessment.overall).toBe('Jobcentret er på rette vej.');
    const pub = await call(app, 'POST', `/api/documents/${ids[0]}/transitions`, region, { revision: after.revision, action: 'publish' });
    expect(pub.statusCode).toBe(200);
    // Those it is addressed to are told: the jobcenter's people (the committee) and the LBR's members, not the region.
    const told = await db.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select(['u.email', 'n.title', 'n.link']).where('n.key', '=', `followup.published:${ids[0]}`).orderBy('u.email').execute();
    expect(told.map((t) => t.email)).toEqual(['formand@test.styringshjulet.dk', 'politiker@test.styringshjulet.dk', 'raad2@test.styringshjulet.dk', 'raad@test.styringshjulet.dk', 'redaktoer@test.styringshjulet.dk']);
    expect(told[0]).toMatchObject({ title: 'Regionens opfølgning er offentliggjort: København, 3. kvartal 2025', link: `/dokumenter/${ids[0]}` });
    const third = await call(app, 'POST', '/api/followup/reports', region, { quarter: '2025Q3', jobcenter: doc.area });
    expect(third.json()).toMatchObject({ created: 0, updated: 0, skipped: [{ jobcenter: doc.area, reason: 'rapporten er offentliggjort' }] });
    // The public reads the published report, not the drafts.
    expect((await call(app, 'GET', `/api/documents/${ids[0]}`)).statusCode).toBe(200);
    expect((await call(app, 'GET', `/api/documents/${ids[1]}`)).statusCode).toBe(404);
  });

  let caseId = 0, manualId = 0;
  const theCase = async (id: number, as = region) => (await call(app, 'GET', `/api/followup/cases/${id}`, as)).json();

  it('opens a case from a result problem with its evidence as of that release; not twice, not outside the region', async () => {
    const problems = (await call(app, 'GET', '/api/benchmark/problems', region)).json();
    const flag = problems.flags.find((f: { direction: string; status: string; kind: string }) => f.direction === 'worse' && f.status !== 'resolved' && f.kind === 'expected_level');
    expect(flag, 'a result problem in B1').toBeTruthy();
    const res = await call(app, 'POST', '/api/followup/cases', region, { jobcenter: flag.jobcenter, measure: flag.measure, next_date: '2026-04-01' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    caseId = c.id;
    expect(c).toMatchObject({ jobcenter: flag.jobcenter, measure: flag.measure, source: 'flag', stage: 'dialogue', stage_name: 'Dialog', opened_release: 1, version: 1, next_date: '2026-04-01' });
    expect(c.evidence.actual).toBe(flag.evidence.actual);
    expect(c.evidence.period).toBe(flag.evidence.period);
    expect(c.trend).toHaveLength(1);
    expect(c.trend[0]).toMatchObject({ release: 1, actual: flag.evidence.actual, inside: false });
    const again = await call(app, 'POST', '/api/followup/cases', region, { jobcenter: flag.jobcenter, measure: flag.measure });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(`sag ${caseId}`);
    expect((await call(app, 'POST', '/api/followup/cases', region, { jobcenter: 'J751', title: 'Aarhus' })).statusCode).toBe(403);
    const noFlag = await call(app, 'POST', '/api/followup/cases', region, { jobcenter: 'J101', measure: 'no_such_measure' });
    expect(noFlag.statusCode).toBe(404);
    expect(noFlag.json().error.field).toBe('measure');
    // By hand, on København (whose LBR the demo seats).
    const manual = await call(app, 'POST', '/api/followup/cases', region, { jobcenter: 'J101', title: 'Mange langvarige sygedagpengeforløb' });
    expect(manual.statusCode).toBe(201);
    manualId = manual.json().id;
    expect(manual.json()).toMatchObject({ source: 'manual', measure: null, trend: [] });
  });

  it('shows cases to the jobcenter and its LBR only, never to the public', async () => {
    const rita = await loginWith(app, 'raad@test.styringshjulet.dk', TEST_PASSWORD);
    expect((await call(app, 'GET', '/api/followup/cases', rita)).json().cases.map((c: { id: number }) => c.id)).toEqual([manualId]);
    expect((await call(app, 'GET', `/api/followup/cases/${caseId}`, rita)).statusCode).toBe(caseId === manualId ? 200 : 404);
    expect((await call(app, 'GET', '/api/followup/cases', editor)).json().cases.map((c: { jobcenter: string }) => c.jobcenter)).toEqual(['J101']);
    expect((await call(app, 'GET', '/api/followup/cases')).statusCode).toBe(401);
    expect((await call(app, 'GET', '/api/followup/cases', region)).json().cases.map((c: { id: number }) => c.id)).toEqual([manualId, caseId]);
  });

  it('holds a dialogue meeting whose minutes go to the LBR, and refuses a stale version', async () => {
    const c = await theCase(manualId);
    const res = await call(app, 'POST', `/api/followup/cases/${manualId}/steps`, region, { version: c.version, next_date: '2026-05-01', step: { kind: 'dialogue_meeting', date: '2026-03-02', text: 'Jobcentret gennemgår sine sygedagpengesager.', with_lbr: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, next_date: '2026-05-01', steps: [{ kind: 'dialogue_meeting', kind_name: 'Dialogmøde', date: '2026-03-02', decided_by: 'region@test.styringshjulet.dk' }] });
    const told = await db.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select('u.email').where('n.key', 'like', `followup.dialogue:${manualId}:%`).orderBy('u.email').execute();
    expect(told.map((t) => t.email)).toEqual(['formand@test.styringshjulet.dk', 'raad2@test.styringshjulet.dk', 'raad@test.styringshjulet.dk']);
    const stale = await call(app, 'POST', `/api/followup/cases/${manualId}/steps`, region, { version: c.version, step: { kind: 'note', date: '2026-03-02', text: 'For sent.' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    expect((await theCase(manualId)).steps).toHaveLength(1);
    const bad = await call(app, 'POST', `/api/followup/cases/${manualId}/steps`, region, { version: 2, step: { kind: 'dialogue_meeting', date: '2. marts', text: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/^step\./);
  });

  it('escalates on the RBR’s decision at a held meeting to a signed written agreement with measurable targets', async () => {
    const meeting = (at: string, decision: string) => createMeeting(db.db, 'RBR-B1', { title: 'RBR-møde', startsAt: new Date(at), items: [{ title: 'Jobcenter København', decision }] });
    const ahead = await meeting('2026-03-20T09:00:00Z', 'RBR indstiller en skriftlig aftale.');
    const held = await meeting('2026-02-25T09:00:00Z', 'RBR indstiller til regionsdirektøren, at der indgås en skriftlig aftale med Jobcenter København.');
    const step = (version: number, s: Record<string, unknown>) => call(app, 'POST', `/api/followup/cases/${manualId}/steps`, region, { version, step: s });
    const early = await step(2, { kind: 'rbr_recommendation', meeting_id: ahead, item: 0, to: 'agreement' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'not_held', field: 'meeting_id' });
    const toOrder = await step(2, { kind: 'rbr_recommendation', meeting_id: held, item: 0, to: 'order' });
    expect(toOrder.statusCode).toBe(409);
    const rec = await step(2, { kind: 'rbr_recommendation', meeting_id: held, item: 0, to: 'agreement' });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({ stage: 'agreement', stage_name: 'Skriftlig aftale', version: 3 });
    const recStep = () => rec.json().steps.find((x: { kind: string }) => x.kind === 'rbr_recommendation');
    expect(recStep()).toMatchObject({ kind: 'rbr_recommendation', date: '2026-02-25', meeting_id: held, text: 'RBR indstiller til regionsdirektøren, at der indgås en skriftlig aftale med Jobcenter København.' });
    expect(recStep().decided_by).toContain('møde 25.02.2026');

    // The agreement: a document with two measurable targets, signed (published).
    const made = await call(app, 'POST', '/api/documents', region, { kind: 'written_agreement', area: 'J101', year: 2026 });
    expect(made.statusCode, made.body).toBe(201);
    const doc = (await call(app, 'GET', `/api/documents/${made.json().id}`, region)).json().document;
    const target = (title: string, dims: Record<string, string>) => ({ title, indicator: { table: 'ptv_a02', measure: 'pct_population', area: 'J101', dims, freq: 'M' }, baseline: null, goal: { kind: 'level', value: 2 }, direction: 'at_most', deadline: '2026M12' });
    const content = { ...doc.content, case_id: manualId, background: 'Mange langvarige forløb.', effort: 'Tidlig opfølgning.', targets: [target('Færre på sygedagpenge', { ydelsesgrupper: 'sygedagpenge' }), target('Færre på kontanthjælp', { ydelsesgrupper: 'category_kontanthjaelp' })], deadline: '2026-12-31', follow_up: '2026-06-30\n2026-09-30', signed_by: { region: 'Regionsdirektør Rasmus Region', jobcenter: 'Jobcenterchef Rikke Redaktør' } };
    const saved = await call(app, 'PUT', `/api/documents/${doc.id}`, region, { revision: doc.revision, content });
    expect(saved.statusCode, saved.body).toBe(200);
    const unsigned = await step(3, { kind: 'agreement_signed', document_id: doc.id });
    expect(unsigned.statusCode).toBe(409);
    expect(unsigned.json().error.code).toBe('not_signed');
    const view = (await call(app, 'GET', `/api/documents/${doc.id}`, region)).json();
    expect(view.targets).toHaveLength(2);
    expect(view.targets.every((t: { evaluation: { status: string } }) => t.evaluation.status !== 'not_measurable')).toBe(true);
    expect((await call(app, 'POST', `/api/documents/${doc.id}/transitions`, region, { revision: view.document.revision, action: 'publish' })).statusCode).toBe(200);
    const signed = await step(3, { kind: 'agreement_signed', document_id: doc.id });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ stage: 'agreement', next_date: '2026-06-30', version: 4 });
    expect(signed.json().steps.find((x: { kind: string }) => x.kind === 'agreement_signed')).toMatchObject({ kind: 'agreement_signed', document_id: doc.id, decided_by: 'Regionsdirektør Rasmus Region', text: 'Aftalen løber til 31.12.2026 med 2 mål.' });
    // A signed agreement is public; an order is refused before its deadline.
    expect((await call(app, 'GET', `/api/documents/${doc.id}`)).statusCode).toBe(200);
    const order = await step(4, { kind: 'rbr_recommendation', meeting_id: held, item: 0, to: 'order' });
    expect(order.statusCode).toBe(409);
    expect(order.json().error.message).toContain('31.12.2026');
  });

  it('closes as resolved only when the trend shows it; by decision with its reasons; all in the audit log', async () => {
    const c = await theCase(caseId);
    const refused = await call(app, 'POST', `/api/followup/cases/${caseId}/close`, region, { version: c.version, reason: 'resolved', date: '2026-03-02', text: '' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('not_resolved');
    const noWhy = await call(app, 'POST', `/api/followup/cases/${caseId}/close`, region, { version: c.version, reason: 'decision', date: '2026-03-02', text: '' });
    expect(noWhy.statusCode).toBe(400);
    const closed = await call(app, 'POST', `/api/followup/cases/${caseId}/close`, region, { version: c.version, reason: 'decision', date: '2026-03-02', text: 'Jobcentret har lagt en ny strategi; sagen følges i næste kvartals opfølgning.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ stage: 'closed', closed_reason: 'decision', closed_on: '2026-03-02', next_date: null });
    expect((await call(app, 'POST', `/api/followup/cases/${caseId}/steps`, region, { version: closed.json().version, step: { kind: 'note', date: '2026-03-02', text: 'Efter lukning.' } })).statusCode).toBe(409);
    const log = await db.db.selectFrom('audit_log').select('action').where('entity', '=', 'followup_case').orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['followup.case.open', 'followup.case.open', 'followup.step.dialogue_meeting', 'followup.step.rbr_recommendation', 'followup.step.agreement_signed', 'followup.case.close']);
  });

  it('puts the open cases’ next dates and the signed agreement’s dates in the personal calendar feed', async () => {
    const { url } = (await call(app, 'POST', '/api/calendar/feed-token', region)).json() as { url: string };
    const ics = (await call(app, 'GET', new URL(url).pathname)).body;
    expect(ics).toContain('SUMMARY:Opfølgning: Mange langvarige sygedagpengeforløb');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260630');
    expect(ics).toContain('SUMMARY:Frist: skriftlig aftale med Jobcenter København');
    expect(ics).toContain(`/opfoelgning/sager/${manualId}`);
  });

  it('shows the follow-up dates in the yearly calendar: the agreement’s to everyone, the case’s only to those who follow it', async () => {
    const board = async (who?: Login) => (await call(app, 'GET', '/api/calendar?area=B1&year=2026', who)).json().followup as { kind: string; day: string; jobcenter: string; summary: string; overdue: boolean }[];
    const mine = await board(region);
    // The case's next follow-up became the agreement's first date when it was signed.
    expect(mine.map((e) => [e.day, e.kind])).toEqual([['2026-06-30', 'case'], ['2026-06-30', 'agreement_followup'], ['2026-09-30', 'agreement_followup'], ['2026-12-31', 'agreement_deadline']]);
    expect(mine[0]).toMatchObject({ jobcenter: 'J101', summary: 'Opfølgning: Mange langvarige sygedagpengeforløb', overdue: false });
    expect((await board()).map((e) => e.kind)).toEqual(['agreement_followup', 'agreement_followup', 'agreement_deadline']);
    // The jobcenter's public feed has the signed agreement, not the case.
    const feed = (await call(app, 'GET', '/api/calendar/feeds/organisations/J101.ics')).body;
    expect(feed).toContain('SUMMARY:Frist: skriftlig aftale med Jobcenter København');
    expect(feed).not.toContain('Mange langvarige sygedagpengeforløb');
  });

  it('lets the LBR recommend a special focus to the RBR, which the region answers', async () => {
    const rita = await loginWith(app, 'raad@test.styringshjulet.dk', TEST_PASSWORD);
    const r = await call(app, 'POST', '/api/followup/recommendations', rita, { text: 'Særligt fokus på unge uden uddannelse.' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ jobcenter: 'J101', answered: false });
    expect((await call(app, 'POST', '/api/followup/recommendations', rita, { jobcenter: 'J751', text: 'Aarhus' })).statusCode).toBe(403);
    const told = await db.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select('u.email').where('n.key', '=', `followup.recommendation:${r.json().id}`).execute();
    expect(told.map((t) => t.email)).toEqual(['region@test.styringshjulet.dk']);
    const answered = await call(app, 'POST', `/api/followup/recommendations/${r.json().id}/answer`, region, { version: 1, answer: 'RBR tager det op på næste møde.' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await call(app, 'GET', '/api/followup/cases', rita)).json().recommendations[0]).toMatchObject({ answered: true, answer: 'RBR tager det op på næste møde.', answered_by: 'region@test.styringshjulet.dk' });
    expect((await call(app, 'POST', `/api/followup/recommendations/${r.json().id}/answer`, region, { version: 1, answer: 'Igen.' })).statusCode).toBe(409);
  });

  it('drafts the RBR’s analysis report from the past year: the region against the country, the jobcenters against their expected level', async () => {
    const res = await call(app, 'POST', '/api/followup/analysis', region, { year: 2026 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, updated: 0, year: 2026 });
    expect((await call(app, 'POST', '/api/followup/analysis', region, { year: 2026, region: 'B2' })).statusCode).toBe(403);
    expect((await call(app, 'POST', '/api/followup/analysis', region, { year: 2030 })).json().error.field).toBe('year');
    const id = res.json().documents[0];
    const doc = (await call(app, 'GET', `/api/documents/${id}`, region)).json();
    const g = doc.document.content.generated;
    expect(doc.title).toBe('Analyserapport 2026 – Beskæftigelsesregion Hovedstaden & Sjælland');
    expect(g).toMatchObject({ period: '2025M01-2025M12', previous_period: '2024M01-2024M12', region: { id: 'B1' } });
    const rolling = async (table: string, measure: string, hierarchy: string, area: string, period: string, dims: Record<string, string>) => {
      const q = new URLSearchParams({ 'mgroup.*': measure, 'period.R': period, [`hierarchy.${hierarchy}`]: area, format: 'json', ...Object.fromEntries(Object.entries(dims).map(([d, v]) => [`dimension.${d}`, v])) });
      const body = (await app.inject(`/v3/data/${table}?${q}`)).json() as { rows: unknown[][]; status: string[] };
      return body.status[0] === 'published' ? (body.rows[0]!.at(-1) as number) : null;
    };
    for (const m of g.market) {
      expect(m.current, m.id).toBe(await rolling(m.table, m.measure, '_beskregion', 'B1', '2025M01-2025M12', m.dims));
      expect(m.previous, m.id).toBe(await rolling(m.table, m.measure, '_beskregion', 'B1', '2024M01-2024M12', m.dims));
      expect(m.country, m.id).toBe(await rolling(m.table, m.measure, '_jobcenter', 'DK', '2025M01-2025M12', m.dims));
    }
    expect(g.jobcenters.map((j: { id: string }) => j.id).sort()).toEqual([...b1].sort());
    const open = (await call(app, 'GET', '/api/benchmark/problems', region)).json().flags.filter((f: { direction: string; status: string }) => f.direction === 'worse' && f.status !== 'resolved');
    expect(g.jobcenters.reduce((a: number, j: { problems: number }) => a + j.problems, 0)).toBe(open.length);
    // The RBR's focus areas are kept when the numbers are drafted again; publishing needs one.
    const gate = await call(app, 'POST', `/api/documents/${id}/transitions`, region, { revision: doc.document.revision, action: 'publish' });
    expect(gate.statusCode).toBe(422);
    const saved = await call(app, 'PUT', `/api/documents/${id}`, region, { revision: doc.document.revision, content: { ...doc.document.content, labour_market: 'Beskæftigelsen steg.', results: 'De fleste jobcentre ligger som forventet.', focus_areas: [{ title: 'Unge uden uddannelse', text: 'Flere unge skal i uddannelse.' }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call(app, 'POST', '/api/followup/analysis', region, { year: 2026 })).json()).toMatchObject({ created: 0, updated: 1 });
    expect((await call(app, 'GET', `/api/documents/${id}`, region)).json().document.content.focus_areas[0].title).toBe('Unge uden uddannelse');
    // A new plan shows the published report's focus areas beside its challenges; a draft stays the region's.
    const inputs = async () => (await call(app, 'GET', '/api/followup/plan-inputs?jobcenter=J101&year=2027', editor)).json();
    expect((await inputs()).analysis).toBeNull();
    const now = (await call(app, 'GET', `/api/documents/${id}`, region)).json().document;
    expect((await call(app, 'POST', `/api/documents/${id}/transitions`, region, { revision: now.revision, action: 'publish' })).statusCode).toBe(200);
    expect(await inputs()).toMatchObject({ audit: null, analysis: { id, year: 2026, focus_areas: [{ title: 'Unge uden uddannelse' }] } });
    // Published to the LBRs and the jobcenters of the region (the demo seats København's LBR).
    const told = await db.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select('u.email').where('n.key', '=', `analysis.published:${id}`).orderBy('u.email').execute();
    expect(told.map((t) => t.email)).toEqual(['formand@test.styringshjulet.dk', 'politiker@test.styringshjulet.dk', 'raad2@test.styringshjulet.dk', 'raad@test.styringshjulet.dk', 'redaktoer@test.styringshjulet.dk']);
  });

  it('adds each new release’s value to an open case’s trend', async () => {
    // The same register again is a new release: the case gains a point.
    const open = await call(app, 'POST', '/api/followup/cases', region, { jobcenter: (await theCase(caseId)).jobcenter, measure: (await theCase(caseId)).measure });
    expect(open.statusCode).toBe(201);
    await computeRelease({ registerDir: dir, db: db.db, threshold: 5, notes: 'opfølgning 2', tables: registerReleaseTables(), workDir: work });
    await runBenchmark(db.db, { settings: lenient });
    const c = await theCase(open.json().id);
    expect(c.trend.map((p: { release: number }) => p.release)).toEqual([1, 2]);
    expect(c.trend[1].actual).toBe(c.trend[0].actual);
    expect(c.resolved).toBe(false);
  }, 300_000);

  it('escalates to an order to use another actor once the agreement’s deadline has passed, decided at an RBR meeting', async () => {
    const c = await theCase(manualId);
    expect(c.stage).toBe('agreement');
    const step = (version: number, s: Record<string, unknown>) => call(app, 'POST', `/api/followup/cases/${manualId}/steps`, region, { version, step: s });
    const orderStep = { kind: 'order', date: '2027-01-20', text: 'Opfølgningen på langvarige sygedagpengeforløb over 52 uger.', form: 'other_actor', decided_by: 'Regionsdirektør Rasmus Region' };
    expect((await step(c.version, orderStep)).json().error.code).toBe('stage');
    const held = await createMeeting(db.db, 'RBR-B1', { title: 'RBR-møde', startsAt: new Date('2027-01-12T09:00:00Z'), items: [{ title: 'Jobcenter København', decision: 'RBR indstiller et pålæg om at anvende anden aktør.' }] });
    const before = clock.t;
    clock.t = new Date('2027-01-20T09:00:00Z');
    try {
      const rec = await step(c.version, { kind: 'rbr_recommendation', meeting_id: held, item: 0, to: 'order' });
      expect(rec.statusCode, rec.body).toBe(200);
      expect(rec.json()).toMatchObject({ stage: 'order', stage_name: 'Pålæg' });
      const missing = await step(rec.json().version, { ...orderStep, decided_by: '' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.field).toBe('step.decided_by');
      const order = await step(rec.json().version, orderStep);
      expect(order.statusCode, order.body).toBe(200);
      expect(order.json().steps.at(-1)).toMatchObject({ kind: 'order', kind_name: 'Pålæg om at anvende anden aktør', date: '2027-01-20', decided_by: 'Regionsdirektør Rasmus Region', details: { form: 'other_actor' } });
      const log = await db.db.selectFrom('audit_log').select('action').where('entity', '=', 'followup_case').where('entity_id', '=', String(manualId)).orderBy('id').execute();
      expect(log.map((l) => l.action).slice(-2)).toEqual(['followup.step.rbr_recommendation', 'followup.step.order']);
    } finally {
      clock.t = before;
    }
  });
});

describe('whether a case is resolved', () => {
  const p = (release: number, inside: boolean | null) => ({ release, period: 'x', period_name: 'x', actual: 1, expected: 1, lower: 0, upper: 2, threshold: null, inside });
  it('needs the last two releases after the opening one inside the interval', () => {
    expect(isResolved([p(1, false), p(2, true), p(3, true)], 1)).toBe(true);
    expect(isResolved([p(1, true), p(2, true)], 1)).toBe(false); // the opening release does not count
    expect(isResolved([p(1, false), p(2, true), p(3, false)], 1)).toBe(false);
    expect(isResolved([p(1, false), p(2, true), p(3, null)], 1)).toBe(false); // not published is not inside
    expect(isResolved([p(1, false), p(2, false), p(3, true), p(4, true)], 1)).toBe(true);
  });
});
