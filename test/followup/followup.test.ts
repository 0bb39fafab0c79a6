/**
 * The region's quarterly follow-up reports, on a release computed from a small generated
 * register and its benchmarking: every number in a report is the bank's cell for the same
 * table, measure, area, period and dimensions (read back through /v3/data), and the HTML
 * prints it; a monitor drafts only within the own region; redrafting keeps the region's
 * assessment; a published report is left alone; the quarter is checked against the release.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoBenchmark } from '../../src/benchmark/index.js';
import { ensureDemoCouncils } from '../../src/councils/index.js';
import type { Db } from '../../src/db/index.js';
import type { FollowupGenerated } from '../../src/documents/index.js';
import { computeRelease } from '../../src/indicators/index.js';
import { areaById, areas } from '../../src/reference/index.js';
import { registerReleaseTables } from '../../src/statbank/index.js';
import { accessServer, call, loginAs, type Login } from '../access/helpers.js';
import { backends, createTestDb } from '../support/db.js';
import { cachedRegister } from '../support/register-cache.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const b1 = areas.filter((a) => a.level === 'jobcenter' && a.municipalities.every((k) => areaById.get('B1')!.municipalities.includes(k))).map((a) => a.id);

describe.each(backends)('follow-up reports on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let work: string;
  let region: Login, editor: Login, admin: Login;

  beforeAll(async () => {
    db = await createTestDb(kind);
    work = mkdtempSync(join(tmpdir(), 'styr-followup-'));
    const dir = await cachedRegister({ persons: 20_000, from: '2023-01', to: '2025-12', seed: 5 });
    await computeRelease({ registerDir: dir, db: db.db, threshold: 5, notes: 'opfølgning', tables: registerReleaseTables(), workDir: work });
    await ensureDemoBenchmark(db.db, dir, [2023, 2024, 2025]);
    app = await accessServer(db);
    await ensureDemoCouncils(db.db, 2025);
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
    expect(told.map((t) => t.email)).toEqual(['formand@demo.styringshjulet.dk', 'politiker@demo.styringshjulet.dk', 'raad2@demo.styringshjulet.dk', 'raad@demo.styringshjulet.dk', 'redaktoer@demo.styringshjulet.dk']);
    expect(told[0]).toMatchObject({ title: 'Regionens opfølgning er offentliggjort: København, 3. kvartal 2025', link: `/dokumenter/${ids[0]}` });
    const third = await call(app, 'POST', '/api/followup/reports', region, { quarter: '2025Q3', jobcenter: doc.area });
    expect(third.json()).toMatchObject({ created: 0, updated: 0, skipped: [{ jobcenter: doc.area, reason: 'rapporten er offentliggjort' }] });
    // The public reads the published report, not the drafts.
    expect((await call(app, 'GET', `/api/documents/${ids[0]}`)).statusCode).toBe(200);
    expect((await call(app, 'GET', `/api/documents/${ids[1]}`)).statusCode).toBe(404);
  });
});
