/**
 * The LBRs' grants through the API: a national administrator sets København's frame (a stale
 * change is refused); the secretariat's grant plan goes to hearing only within the frame; the
 * jobcenter, heard, says it is outside the employment plan's frame, so the plan cannot be
 * adopted; revised and heard again, the jobcenter agrees and the plan is adopted. Every step is
 * in the audit log; the public sees the frame but not the draft.
 */
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import type { GrantPlanContent } from '../../src/documents/index.js';
import { accessServer, call, loginAs, type Login } from '../access/helpers.js';
import { publishTestRelease } from '../statbank/helpers.js';
import { backends, createTestDb } from '../support/db.js';

/** A measurable result on the country's public support, as the test release has it. */
const supportTarget = { title: 'Færre offentligt forsørgede', indicator: { table: 'ptv_a02', measure: 'fulltime', area: 'DK', dims: { ydelsesgrupper: 'public_support' }, freq: 'M' as const }, baseline: { period: '2025M01', value: 5000 }, goal: { kind: 'relative_change' as const, value: -0.05 }, deadline: '2025M06' };

const plan = (budgets: number[]): GrantPlanContent => ({
  summary: 'Rådet vil styrke samarbejdet med virksomhederne om ledige med lange forløb.',
  excludes_operations: true,
  initiatives: budgets.map((budget, i) => ({
    id: `initiativ-${i + 1}`,
    title: ['Virksomhedsnetværk for små virksomheder', 'Mentorer til ledige over 50 år'][i] ?? `Initiativ ${i + 1}`,
    purpose: 'Flere ordinære timer.',
    target_group: 'Langtidsledige.',
    plan_targets: ['business.targets.0'],
    targets: i === 0 ? [supportTarget] : [],
    budget,
  })),
});

describe.each(backends)('LBR grants on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let admin: Login, editor: Login, member: Login, region: Login;
  let planId = 0;
  const clock = { t: new Date('2026-11-02T09:00:00Z'), now() { return this.t; } };

  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishTestRelease(db.db, 0);
    app = await accessServer(db, {}, clock);
    [admin, editor, member, region] = (await Promise.all((['national_admin', 'jobcenter_editor', 'council_member', 'regional_monitor'] as const).map((r) => loginAs(app, r)))) as [Login, Login, Login, Login];
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const doc = async () => (await call(app, 'GET', `/api/documents/${planId}`, editor)).json().document;
  const move = async (action: string, extra: object = {}) => call(app, 'POST', `/api/documents/${planId}/transitions`, editor, { revision: (await doc()).revision, action, ...extra });
  const adoption = { approval: { date: '2026-12-01', decision: 'Rådet vedtog handleplanen.' } };

  it('lets national administrators set the frame, versioned; everyone reads it', async () => {
    expect((await call(app, 'PUT', '/api/councils/LBR-J101/grants/2027', editor, { amount: 1_500_000 })).statusCode).toBe(403);
    expect((await call(app, 'PUT', '/api/councils/LBR-J101/grants/2027', member, { amount: 1_500_000 })).statusCode).toBe(403);
    const bad = await call(app, 'PUT', '/api/councils/LBR-J101/grants/2027', admin, { amount: 12.5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'amount' });
    expect(bad.json().error.message).toContain('hele kroner');
    const set = await call(app, 'PUT', '/api/councils/LBR-J101/grants/2027', admin, { amount: 1_500_000, note: 'Fordelt efter ledigheden.' });
    expect(set.json()).toMatchObject({ year: 2027, amount: 1_500_000, version: 1 });
    // A second change from the same first view is refused, not silently overwritten.
    expect((await call(app, 'PUT', '/api/councils/LBR-J101/grants/2027', admin, { amount: 1_400_000, note: 'Fordelt efter ledigheden.', version: 1 })).json()).toMatchObject({ version: 2, amount: 1_400_000 });
    const stale = await call(app, 'PUT', '/api/councils/LBR-J101/grants/2027', admin, { amount: 1_600_000, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('version 2');
    const pub = (await call(app, 'GET', '/api/councils/LBR-J101/grants')).json();
    expect(pub).toMatchObject({ council: { code: 'LBR-J101', area: 'J101' }, frames: [{ year: 2027, amount: 1_400_000, note: 'Fordelt efter ledigheden.', version: 2 }] });
    expect((await call(app, 'GET', '/api/councils/RBR-B1/grants')).statusCode).toBe(400);
  });

  it('sends the plan to hearing at the jobcenter only within the frame', async () => {
    const created = await call(app, 'POST', '/api/documents', editor, { kind: 'grant_plan', area: 'J101', year: 2027 });
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    // An empty plan misses its minimum content; with it, the total is over the frame.
    expect((await move('send_to_hearing')).json().error.missing.map((m: { path: string }) => m.path)).toEqual(['summary', 'initiatives', 'excludes_operations']);
    expect((await call(app, 'PUT', `/api/documents/${planId}`, editor, { revision: (await doc()).revision, content: plan([900_000, 600_000]) })).statusCode).toBe(200);
    // The public does not see the draft.
    expect((await call(app, 'GET', `/api/documents/${planId}`)).statusCode).toBe(404);
    const over = await move('send_to_hearing');
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe('Planens budget er 1.500.000 kr., men rammen for 2027 er 1.400.000 kr. Skær 100.000 kr. fra, før planen går videre.');
    const d = await doc();
    expect((await call(app, 'PUT', `/api/documents/${planId}`, editor, { revision: d.revision, content: plan([900_000, 500_000]) })).statusCode).toBe(200);
    // Only its own jobcenter is heard on it.
    const other = await move('send_to_hearing', { hearing: { bodies: ['J147'] } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.field).toBe('hearing.bodies');
    const sent = await move('send_to_hearing');
    expect(sent.statusCode).toBe(200);
    const h = (await call(app, 'GET', `/api/documents/${planId}/hearing`, editor)).json().hearing;
    expect(h.bodies.map((b: { code: string; kind: string; adopt_by: string }) => [b.code, b.kind, b.adopt_by])).toEqual([['J101', 'jobcenter', 'jobcenter']]);
  });

  it('cannot be adopted while the jobcenter says it is outside the frame; heard again and agreed, it is', async () => {
    const hearing = async () => (await call(app, 'GET', `/api/documents/${planId}/hearing`, editor)).json().hearing;
    let h = await hearing();
    const answer = (text: string, verdict: string | null) => call(app, 'PUT', `/api/hearings/${h.id}/responses/J101`, editor, { revision: h.bodies[0].revision, text, verdict });
    // Without a verdict the answer cannot be given.
    expect((await answer('Mentorordningen overlapper jobcentrets egen indsats.', null)).statusCode).toBe(200);
    h = await hearing();
    const noVerdict = await call(app, 'POST', `/api/hearings/${h.id}/responses/J101/adopt`, editor, { revision: h.bodies[0].revision });
    expect(noVerdict.statusCode).toBe(409);
    expect(noVerdict.json().error).toMatchObject({ code: 'verdict', field: 'verdict' });
    // The region is not heard and may not answer for the jobcenter.
    expect((await call(app, 'PUT', `/api/hearings/${h.id}/responses/J101`, region, { revision: h.bodies[0].revision, text: 'x' })).statusCode).toBe(403);
    expect((await answer('Mentorordningen overlapper jobcentrets egen indsats.', 'outside_frame')).statusCode).toBe(200);
    h = await hearing();
    expect((await call(app, 'POST', `/api/hearings/${h.id}/responses/J101/adopt`, editor, { revision: h.bodies[0].revision })).statusCode).toBe(200);
    const disputed = await move('approve', adoption);
    expect(disputed.statusCode).toBe(409);
    expect(disputed.json().error.code).toBe('disputed');
    expect(disputed.json().error.message).toContain('kan midlerne ikke bruges');
    expect((await doc()).state).toBe('in_hearing');

    // Revised without the mentors and heard again; the jobcenter agrees.
    expect((await move('reopen')).statusCode).toBe(200);
    expect((await call(app, 'PUT', `/api/documents/${planId}`, editor, { revision: (await doc()).revision, content: plan([900_000]) })).statusCode).toBe(200);
    expect((await move('send_to_hearing')).statusCode).toBe(200);
    h = await hearing();
    expect(h.bodies[0]).toMatchObject({ state: 'none', verdict: null });
    expect((await answer('Planen ligger inden for beskæftigelsesplanens rammer.', 'within_frame')).statusCode).toBe(200);
    h = await hearing();
    expect((await call(app, 'POST', `/api/hearings/${h.id}/responses/J101/adopt`, editor, { revision: h.bodies[0].revision })).statusCode).toBe(200);
    const adopted = await move('approve', adoption);
    expect(adopted.statusCode).toBe(200);
    expect((await doc()).state).toBe('approved');
    expect((await move('publish')).statusCode).toBe(200);
    expect((await call(app, 'GET', `/api/documents/${planId}`)).statusCode).toBe(200);
  });

  it('keeps each initiative’s money, evaluation and accounts; overdue ones show on the board', async () => {
    const url = `/api/grants/plans/${planId}/accounts`;
    const list = async () => (await call(app, 'GET', url, editor)).json();
    expect((await list()).initiatives).toMatchObject([{ initiative: 'initiativ-1', title: 'Virksomhedsnetværk for små virksomheder', budget: 900_000, committed: 0, spent: 0, version: 0, overdue: false }]);
    const put = (as: Login, body: object) => call(app, 'PUT', `${url}/initiativ-1`, as, body);
    const base = { version: 0, committed: 900_000, spent: 250_000, due: '2026-10-31' };
    const over = await put(editor, { ...base, committed: 950_000 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ field: 'committed', message: 'Feltet Bevilget: der er bevilget 950.000 kr., men initiativets budget er 900.000 kr.' });
    expect((await put(editor, { ...base, spent: 901_000 })).json().error.field).toBe('spent');
    expect((await put(member, base)).statusCode).toBe(403);
    expect((await put(region, base)).statusCode).toBe(403);
    const saved = await put(editor, base);
    expect(saved.json()).toMatchObject({ committed: 900_000, spent: 250_000, due: '2026-10-31', version: 1, overdue: true });
    // Overdue on the yearly calendar's board (the clock says 2 November 2026).
    const board = (await call(app, 'GET', '/api/calendar?area=J101&year=2026')).json();
    expect(board.grants).toEqual([{ area: 'J101', document_id: planId, initiative: 'initiativ-1', title: 'Evaluering og regnskab: Virksomhedsnetværk for små virksomheder', day: '2026-10-31', overdue: true }]);
    // A stale save is refused.
    expect((await put(editor, { ...base, spent: 300_000 })).statusCode).toBe(409);
    // The evaluation is given with the initiative's result as the bank measures it.
    const noText = await put(editor, { ...base, version: 1, evaluated: true });
    expect(noText.json().error.field).toBe('evaluation');
    const given = await put(editor, { ...base, version: 1, spent: 880_000, evaluation: '42 virksomheder deltog i netværket.', evaluated: true, accounts: 'Løn 600.000 kr., arrangementer 280.000 kr.', accounts_given: true });
    const cell = (await call(app, 'GET', '/v3/data/ptv_a02?period.M=2025M06&hierarchy._nykom=DK&dimension.ydelsesgrupper=public_support&mgroup.*=fulltime')).json().rows[0].at(-1);
    expect(given.json()).toMatchObject({ version: 2, spent: 880_000, evaluated_on: '2026-11-02', accounts_on: '2026-11-02', overdue: false, results: [{ description: expect.stringContaining('Færre offentligt forsørgede'), value: cell, period: '2025M06' }] });
    expect(given.json().results[0].status).toMatch(/^(met|missed)$/);
    const after = await call(app, 'GET', url, editor);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().initiatives[0]).toMatchObject({ version: 2, evaluation: '42 virksomheder deltog i netværket.', results: given.json().results });
    expect((await call(app, 'GET', '/api/calendar?area=J101&year=2026')).json().grants[0].overdue).toBe(false);
    // The accounts as XLSX: kroner as numbers, the total under them.
    const xlsx = await call(app, 'GET', `/api/grants/plans/${planId}/accounts.xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Regnskab')!;
    expect(ws.getRow(2).values).toEqual([undefined, 'Virksomhedsnetværk for små virksomheder', 900_000, 900_000, 880_000, 20_000, '31.10.2026', 'Afgivet 02.11.2026', 'Afgivet 02.11.2026']);
    expect(ws.getRow(3).values).toEqual([undefined, 'I alt', 900_000, 900_000, 880_000, 20_000]);
  });

  it('writes every step to the audit log', async () => {
    const rows = await db.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'grant.%').orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['grant.frame', 'grant.frame', 'grant.account', 'grant.account']);
    const responses = await db.db.selectFrom('audit_log').select('action').where('entity', '=', 'hearing_response').orderBy('id').execute();
    expect(responses.map((r) => r.action)).toEqual(['hearing.response_draft', 'hearing.response_draft', 'hearing.response_adopt', 'hearing.response_draft', 'hearing.response_adopt']);
  });
});
