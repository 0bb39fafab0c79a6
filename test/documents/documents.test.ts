/**
 * The steering documents through the API, on the benchmarking fixture (a hand-made release
 * with a known answer): the minimum-content check, states and their permissions, the version
 * check on concurrent saves, versions and diffs, comments, the results audit's numbers
 * against the statistics bank, and regeneration keeping what people wrote.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../src/benchmark/index.js';
import type { Db } from '../../src/db/index.js';
import { ensureSteeringReference, historicalGoalSets, type PlanContent } from '../../src/documents/index.js';
import { diffLines } from '../../src/documents/diff.js';
import { checkContent } from '../../src/documents/minimum.js';
import { missingReason } from '../../src/statbank/index.js';
import { publishBenchmarkFixture } from '../benchmark/fixture.js';
import { accessServer, call, loginAs, loginWith, type Login } from '../access/helpers.js';
import { backends, createTestDb } from '../support/db.js';
import { createUsers, TEST_PASSWORD, testEmail } from '../support/factories.js';
import { completePlan } from '../support/plans.js';


describe('the minimum-content check', () => {
  const empty: PlanContent = {
    last_year: null,
    goals: [{ number: 1, title: 'Flere unge skal have en uddannelse', strategy: '', targets: [] }],
    challenges: [], citizen: { strategy: '', targets: [] }, business: { strategy: '', targets: [], council_grants: '' },
    other_actors: { share_pct: null, strategy: '' }, local_goals: [], budget: { lines: [], note: '' }, comments: { lbr: '', region: '' },
  };

  it('lists exactly what an empty plan lacks, by field', () => {
    expect(checkContent('employment_plan', empty).missing.map((m) => m.path)).toEqual([
      'goals.0.strategy', 'goals.0.targets', 'challenges', 'citizen.strategy', 'citizen.targets', 'business.strategy', 'business.targets', 'business.council_grants', 'other_actors.share_pct', 'other_actors.strategy', 'budget.lines',
    ]);
  });

  it('keeps the law’s order whatever order the stored fields come back in', () => {
    const shuffled = Object.fromEntries(Object.entries(empty).reverse());
    expect(checkContent('employment_plan', shuffled).missing.map((m) => m.path)).toEqual(checkContent('employment_plan', empty).missing.map((m) => m.path));
  });

  it('passes a complete plan, and notes a section whose targets are all unmeasurable', () => {
    const check = checkContent('employment_plan', completePlan(empty, 2));
    expect(check.missing).toEqual([]);
    expect(check.notes.map((n) => n.path)).toEqual(['business.targets']);
  });
});

describe('line diff', () => {
  it('keeps common lines and marks the rest', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { op: '=', text: 'a' }, { op: '-', text: 'b' }, { op: '=', text: 'c' }, { op: '+', text: 'd' },
    ]);
  });
});

describe.each(backends)('documents on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let editor: Login, editor2: Login, admin: Login, council: Login, region: Login, otherEditor: Login;
  let planId: number;

  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishBenchmarkFixture(db.db);
    await runBenchmark(db.db);
    await ensureSteeringReference(db.db);
    app = await accessServer(db);
    const editor2User = { email: testEmail('redaktoer2'), name: 'Anden Redaktør', organisation: 'J101', role: 'jobcenter_editor' } as const;
    const aarhus = { email: testEmail('aarhus'), name: 'Aarhus Redaktør', organisation: 'J751', role: 'jobcenter_editor' } as const;
    await createUsers(db.db, [editor2User, aarhus]);
    [editor, admin, council, region] = (await Promise.all((['jobcenter_editor', 'national_admin', 'council_member', 'regional_monitor'] as const).map((r) => loginAs(app, r)))) as Login[] as [Login, Login, Login, Login];
    editor2 = await loginWith(app, editor2User.email, TEST_PASSWORD);
    otherEditor = await loginWith(app, aarhus.email, TEST_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  /** The first row of a /v3/data query, by column name, as the bank publishes it. */
  const bankRow = async (query: string) => {
    const res = await call(app, 'GET', `/v3/data/${query}&format=json`);
    expect(res.statusCode, res.body).toBe(200);
    const { columns, rows } = res.json() as { columns: string[]; rows: (string | number | null)[][] };
    return Object.fromEntries(columns.map((c, i) => [c, rows[0]![i]]));
  };

  it('ships the historical ministerial goals; only an administrator publishes a year, validated in Danish', async () => {
    const years = (await call(app, 'GET', '/api/goals')).json() as { year: number; goals: { title: string }[] }[];
    expect(years.map((y) => y.year)).toEqual([2019, 2018, 2016, 2015, 2013]);
    expect(years.find((y) => y.year === 2013)!.goals.map((g) => g.title)).toEqual(historicalGoalSets[2013]!.map((g) => g.title));
    expect(years.find((y) => y.year === 2019)!.goals).toHaveLength(6);
    expect((await call(app, 'PUT', '/api/goals/2027', editor, [])).statusCode).toBe(403);
    const bad = await call(app, 'PUT', '/api/goals/2027', admin, [{ number: 1, title: '' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/feltet 0\.title: skriv målets titel/);
    expect((await call(app, 'GET', '/api/goals')).json()).toHaveLength(5);
  });

  it('creates a plan with the goals in force; a draft is hidden from the public and from other jobcenters', async () => {
    expect((await call(app, 'POST', '/api/documents', otherEditor, { kind: 'employment_plan', area: 'J101', year: 2026 })).statusCode).toBe(403);
    const created = await call(app, 'POST', '/api/documents', editor, { kind: 'employment_plan', area: 'J101', year: 2026 });
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    const view = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json();
    expect(view.document.content.goals.map((g: { number: number }) => g.number)).toEqual([1, 2, 3, 4, 5, 6]); // the 2019 set, the newest before 2026
    expect(view.may_edit).toBe(true);
    expect((await call(app, 'GET', `/api/documents/${planId}`)).statusCode).toBe(404);
    expect((await call(app, 'GET', `/api/documents/${planId}`, otherEditor)).statusCode).toBe(404);
    expect((await call(app, 'GET', '/api/documents?area=J101')).json()).toEqual([]);
    expect((await call(app, 'POST', '/api/documents', editor, { kind: 'employment_plan', area: 'J101', year: 2026 })).statusCode).toBe(409);
  });

  it('refuses the hearing until the minimum content is there, and lists what is missing; nothing changes', async () => {
    const refused = await call(app, 'POST', `/api/documents/${planId}/transitions`, editor, { revision: 1, action: 'send_to_hearing' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.missing.map((m: { path: string }) => m.path)).toContain('goals.5.targets');
    expect(refused.json().error.missing).toHaveLength(2 * 6 + 9);
    const after = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json();
    expect([after.document.state, after.document.revision]).toEqual(['draft', 1]);
  });

  it('saves a complete plan; targets get a live status against the release; figures are read from the bank', async () => {
    const row = await bankRow('ptv_a02?period.R=2025M01-2025M12&hierarchy._jobcenter=J101&dimension.ydelsesgrupper=category_kontanthjaelp&mgroup.*=pct_population');
    const value = Object.values(row).find((x) => typeof x === 'number') as number;
    expect(value).toBeGreaterThan(0);
    const view = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json();
    const saved = await call(app, 'PUT', `/api/documents/${planId}`, editor, { revision: 1, content: completePlan(view.document.content, value) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().revision).toBe(2);
    const now = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json();
    expect(now.check.missing).toEqual([]);
    const measurable = now.targets.filter((t: { path: string }) => t.path !== 'business.targets.0');
    expect(measurable).toHaveLength(7);
    for (const t of measurable) {
      // The fixture's shares are the same every rolling year: flat at the baseline, so a 5 % fall is unlikely.
      expect(t.evaluation.target.value).toBeCloseTo(value * 0.95, 6);
      expect(t.evaluation.latest).toEqual({ period: '2025M01-2025M12', value });
      expect(['off_track', 'at_risk']).toContain(t.evaluation.status);
    }
    expect(now.targets.find((t: { path: string }) => t.path === 'business.targets.0').evaluation.status).toBe('not_measurable');
    expect(now.figures).toEqual([{ path: 'challenges.0.figures.0', label: 'Kontanthjælp, pct. af befolkningen', period: '2025M01-2025M12', value, note: null }]);
  });

  it('validates a save with zod and names the field, in Danish; nothing is written', async () => {
    const view = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json();
    const bad = structuredClone(view.document.content);
    bad.citizen.targets[0].indicator.area = 'Kbh';
    const res = await call(app, 'PUT', `/api/documents/${planId}`, editor, { revision: view.document.revision, content: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('citizen.targets.0.indicator.area');
    expect(res.json().error.message).toMatch(/et område som DK/);
    expect((await call(app, 'GET', `/api/documents/${planId}`, editor)).json().document.revision).toBe(view.document.revision);
  });

  it('refuses the second of two concurrent saves with a clear message, and keeps the first', async () => {
    const a = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json();
    const b = (await call(app, 'GET', `/api/documents/${planId}`, editor2)).json();
    const first = structuredClone(a.document.content);
    first.citizen.strategy = 'Første redaktørs strategi.';
    const second = structuredClone(b.document.content);
    second.citizen.strategy = 'Anden redaktørs strategi.';
    expect((await call(app, 'PUT', `/api/documents/${planId}`, editor, { revision: a.document.revision, content: first })).statusCode).toBe(200);
    const refused = await call(app, 'PUT', `/api/documents/${planId}`, editor2, { revision: b.document.revision, content: second });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('conflict');
    expect(refused.json().error.message).toMatch(/ændret af redaktoer@test\.styringshjulet\.dk .*efter du åbnede det/);
    expect(refused.json().error.current.revision).toBe(a.document.revision + 1);
    expect((await call(app, 'GET', `/api/documents/${planId}`, editor)).json().document.content.citizen.strategy).toBe('Første redaktørs strategi.');
  });

  it('lists the kinds in use with who may make them; the kinds the follow-up drafts are refused here', async () => {
    const kinds = (await call(app, 'GET', '/api/document-kinds', editor)).json() as { kind: string; may_create: boolean; council: boolean }[];
    expect(kinds.map((k) => [k.kind, k.may_create, k.council])).toEqual([['employment_plan', true, false], ['results_audit', true, false], ['implementation_plan', false, false], ['rules_of_procedure', true, true], ['followup_report', false, false], ['analysis_report', false, false], ['written_agreement', false, false], ['grant_plan', true, true]]);
    expect((await call(app, 'GET', '/api/document-kinds', region)).json().filter((k: { may_create: boolean }) => k.may_create).map((k: { kind: string }) => k.kind)).toEqual(['implementation_plan', 'rules_of_procedure']);
    const off = await call(app, 'POST', '/api/documents', region, { kind: 'analysis_report', area: 'B1', year: 2026 });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.field).toBe('kind');
    const quarterly = await call(app, 'POST', '/api/documents', region, { kind: 'followup_report', area: 'J101', year: 2026 });
    expect(quarterly.statusCode).toBe(400);
    expect(quarterly.json().error).toMatchObject({ field: 'kind', message: 'En opfølgningsrapport dannes fra statistikken under Opfølgning, ikke her.' });
  });

  it('refuses a state change made on a version someone has changed since, like a save', async () => {
    const current = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json().document;
    const stale = await call(app, 'POST', `/api/documents/${planId}/transitions`, editor2, { revision: current.revision - 1, action: 'send_to_hearing' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', current: { revision: current.revision } });
    expect((await call(app, 'GET', `/api/documents/${planId}`, editor)).json().document).toMatchObject({ state: 'draft', revision: current.revision });
  });

  it('moves through hearing, approval and publication; comments in hearing; every step is a version with a diff', async () => {
    let doc = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json().document;
    const step = async (as: Login, body: Record<string, unknown>, status = 200) => {
      const res = await call(app, 'POST', `/api/documents/${planId}/transitions`, as, { revision: doc.revision, ...body });
      expect(res.statusCode, res.body).toBe(status);
      if (status === 200) doc = (await call(app, 'GET', `/api/documents/${planId}`, editor)).json().document;
      return res;
    };
    await step(editor, { action: 'send_to_hearing' });
    expect(doc.state).toBe('in_hearing');
    // In hearing: no more edits, and the LBR and the region give their comments as hearing responses
    // (test/hearings), not by writing the comments directly.
    expect((await call(app, 'PUT', `/api/documents/${planId}`, editor, { revision: doc.revision, content: doc.content })).statusCode).toBe(409);
    const seen = (await call(app, 'GET', `/api/documents/${planId}`, council)).json();
    expect(seen).toMatchObject({ hearing_runs: true, may_comment: false });
    for (const who of [council, region]) {
      const direct = await call(app, 'PUT', `/api/documents/${planId}/comments`, who, { revision: doc.revision, text: 'LBR anbefaler flere mål for unge.' });
      expect(direct.statusCode).toBe(409);
      expect(direct.json().error).toMatchObject({ code: 'hearing_running', message: 'Dokumentet er i høring: LBR’s og regionens bemærkninger gives som høringssvar på høringssiden og føjes til dokumentet, når de er vedtaget.' });
    }
    expect((await call(app, 'GET', `/api/documents/${planId}`, editor)).json().document).toMatchObject({ revision: doc.revision, content: { comments: { lbr: '', region: '' } } });
    expect((await step(editor, { action: 'approve' }, 400)).json().error.field).toBe('approval');
    // Approval waits for the hearing's deadline (test/hearings has the whole hearing); here it has passed.
    await db.db.updateTable('hearing').set({ deadline: '2025-08-31' }).execute();
    await step(editor, { action: 'approve', approval: { date: '2025-09-24', decision: 'Godkendt med LBR’s bemærkninger.' } });
    expect(doc.approval).toEqual({ date: '2025-09-24', decision: 'Godkendt med LBR’s bemærkninger.' });
    expect((await step(editor, { action: 'reopen' }, 409)).json().error.message).toMatch(/kan ikke bruges, når dokumentet er godkendt/);
    await step(editor, { action: 'publish' });
    expect(doc.state).toBe('published');
    // Published: public.
    expect((await call(app, 'GET', `/api/documents/${planId}`)).statusCode).toBe(200);
    // The region's list: its published documents, the reference targets of 2013 (seed 004) among them.
    const listed = (await call(app, 'GET', '/api/documents?area=B1')).json() as { id: number; kind: string; year: number }[];
    expect(listed.map((d) => [d.kind, d.year])).toEqual([['employment_plan', 2026], ['implementation_plan', 2013]]);
    const regional = (await call(app, 'GET', '/api/targets?area=B1')).json() as { document: { kind: string }; targets: { title: string; status: string; target: { value: number } | null }[] }[];
    const seed = regional.find((r) => r.document.kind === 'implementation_plan')!.targets;
    expect(seed.map((t) => [t.status, t.target?.value])).toEqual([['no_data', 28], ['no_data', 21_600], ['not_measurable', undefined]]);
    const versions = (await call(app, 'GET', `/api/documents/${planId}/versions`)).json() as { revision: number; event: string }[];
    expect(versions.map((v) => v.event)).toEqual(['publish', 'approve', 'send_to_hearing', 'saved', 'saved', 'created']);
    const diff = (await call(app, 'GET', `/api/documents/${planId}/diff?from=2&to=3`)).json();
    expect(diff.fields).toEqual([
      { key: 'citizen.strategy', label: 'Borgerrettet indsats: strategi', lines: [{ op: '-', text: 'Tidlig indsats.' }, { op: '+', text: 'Første redaktørs strategi.' }] },
    ]);
    const targets = (await call(app, 'GET', `/api/documents/${planId}/diff?from=1&to=2`)).json().fields.find((f: { key: string }) => f.key === 'goals.0.targets');
    expect(targets.lines).toEqual([{ op: '+', text: expect.stringMatching(/^Færre på kontanthjælp \(mål 1\): højst [\d,]+ pct\. af befolkningen 16-66 år i januar–december 2026 \(−5 % fra januar–december 2025: [\d,]+ pct\. af befolkningen 16-66 år\)\. Måles som Offentligt forsørgede \(alle ydelser\), Kontanthjælp m\.v\.: fuldtidspersoner i pct\. af befolkningen 16-66 år, Jobcenter København\.$/) }]);
    // Every change is in the audit log.
    const log = await db.db.selectFrom('audit_log').select('action').where('entity', '=', 'employment_plan').where('entity_id', '=', String(planId)).orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['created', 'saved', 'saved', 'send_to_hearing', 'approve', 'publish'].map((e) => `document.${e}`));
  });

  it('drafts the results audit from the benchmarking: numbers equal the bank; regenerating keeps the analysis', async () => {
    const res = await call(app, 'POST', '/api/audits/generate', admin, { year: 2025 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 94, updated: 0, skipped: [] });
    const list = (await call(app, 'GET', '/api/documents?area=J101&kind=results_audit', editor)).json();
    const id = list[0].id;
    const view = (await call(app, 'GET', `/api/documents/${id}`, editor)).json();
    const g = view.document.content.generated;
    expect([g.period, g.previous_period]).toEqual(['2025M01-2025M12', '2024M01-2024M12']);
    const row = g.overview.find((r: { measure: string }) => r.measure === 'share_kontanthjaelp');
    const cell = await bankRow('styr_benchmark?period.R=2025M01-2025M12&hierarchy._jobcenter=J101&dimension.maal=share_kontanthjaelp&mgroup.*=actual,expected,ratio,rank');
    expect([row.current, row.expected, row.ratio, row.rank]).toEqual([cell['Faktisk niveau'], cell['Forventet niveau'], cell['Faktisk i forhold til forventet'], cell['Placering']]);
    expect(row.rank).toBe(94); // København's planted kontanthjælp effect: the worst
    expect(g.improvements[0].measure).toBe('share_kontanthjaelp');
    // One number per indicator: a goal's indicator is read at December, as the plan's targets, with its unit;
    // the fixture has rolling years only, so the value is missing and says why.
    const share = g.goals.items.flatMap((i: { indicators: unknown[] }) => i.indicators).find((i: { measure: string }) => i.measure === 'pct_population');
    expect([share.period, share.previous_period, share.unit, share.cluster_basis, share.current]).toEqual(['2025M12', '2024M12', 'pct. af befolkningen 16-66 år', 'rate', null]);
    expect(share.missing.current).toMatch(/^(Ikke opgjort|Ingen data)/);
    // A count's cluster is scaled to København's size: the members' full-time persons ÷ their population 16–66 × København's.
    const members = g.cluster.members.map((m: { id: string }) => m.id) as string[];
    const rows = async (q: string) => {
      const res = (await call(app, 'GET', `/v3/data/${q}&period.R=2025M01-2025M12&hierarchy._jobcenter=${members.join(',')}&format=json`)).json() as { columns: string[]; rows: (string | number | null)[][] };
      return new Map(res.rows.map((r) => [String(r[1]), r[res.columns.length - 1] as number | null]));
    };
    const cash = await rows('ptv_a02?dimension.ydelsesgrupper=category_kontanthjaelp&mgroup.*=fulltime');
    const ft = await rows('ptv_a02?mgroup.*=fulltime');
    const pct = await rows('ptv_a02?mgroup.*=pct_population');
    const pop = (n: string) => (ft.get(n)! / pct.get(n)!) * 100;
    const known = [...cash.keys()].filter((n) => typeof cash.get(n) === 'number' && typeof ft.get(n) === 'number' && typeof pct.get(n) === 'number');
    const perCapita = known.reduce((a, n) => a + cash.get(n)!, 0) / known.reduce((a, n) => a + pop(n), 0);
    const cashRow = g.benefits.find((r: { id: string }) => r.id === 'category_kontanthjaelp');
    expect([cashRow.unit, cashRow.cluster_basis, cashRow.current]).toEqual(['fuldtidspersoner', 'scaled', cash.get('Jobcenter København')]);
    expect(cashRow.cluster_current).toBe(Math.round(perCapita * pop('Jobcenter København') * 10) / 10);
    // A missing value says why: self-support at the end of the data is censored.
    const exits = g.overview.find((r: { measure: string }) => r.measure === 'self_support_public_support');
    if (exits?.current === null) expect(exits.missing.current).toMatch(/4 uger efter forløbets afslutning/);
    expect(missingReason('published', null, 'outflow_self_support')).toBe('Endnu ikke opgjort: afgang til selvforsørgelse kendes først, når der er gået 4 uger efter forløbets afslutning.');
    expect(missingReason('primary', null, 'persons')).toBe('Diskretioneret: færre end 5 personer.');
    // Savings: one definition, the benchmarking's all-public-support row.
    const bench = (await call(app, 'GET', '/api/benchmark/jobcenters/J101', editor)).json();
    const total = bench.savings.find((x: { category: string }) => x.category === 'public_support');
    expect([g.savings.total.fulltime, g.savings.total.dkk, g.savings.total_dkk]).toEqual([Math.round(total.fulltime_vs_expected), Math.round(total.dkk_vs_expected), Math.round(total.dkk_vs_expected)]);
    // The plan of the audit's year is followed up (the plan above is for 2026: none for 2025).
    expect(g.plan).toBeNull();
    // The HTML shows the bank's numbers, Danish-formatted.
    const html = (await call(app, 'GET', `/api/documents/${id}/html`, editor)).body;
    expect(html).toContain(`<td class="num">${(cell['Faktisk niveau'] as number).toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td>`);
    expect(html).toContain('Klynge ');
    // Write the analysis, regenerate: kept.
    const saved = await call(app, 'PUT', `/api/documents/${id}`, editor, { revision: view.document.revision, content: { analysis: { summary: 'Vores egen vurdering.', results: '', goals: '', improvements: '' }, comments: { lbr: '', region: '' }, generated: { forged: true } } });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await call(app, 'POST', `/api/documents/${id}/regenerate`, editor, { revision: saved.json().revision });
    expect(again.statusCode, again.body).toBe(200);
    const after = (await call(app, 'GET', `/api/documents/${id}`, editor)).json().document;
    expect(after.content.analysis.summary).toBe('Vores egen vurdering.');
    expect(after.content.generated.forged).toBeUndefined();
    expect(after.content.generated.overview).toEqual(g.overview);
  });

  it('a year the release does not cover is refused with a Danish message naming the field', async () => {
    const res = await call(app, 'POST', '/api/audits/generate', admin, { year: 2030 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'year', message: expect.stringMatching(/dækker ikke både 2029 og 2030/) });
  });
});
