/**
 * The benchmarking end to end on a hand-made release with a known answer (fixture.ts):
 * conditions in, expected levels, flags, clusters, neighbours and savings out, through the
 * database and the API, on every backend. Plus the conditions importer's errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConditionsError, readConditionsCsv, runBenchmark, saveConditions, type RunSummary } from '../../src/benchmark/index.js';
import type { Db } from '../../src/db/index.js';
import { municipalities } from '../../src/reference/index.js';
import { accessServer, call, loginAs } from '../access/helpers.js';
import { backends, createTestDb } from '../support/db.js';
import { fixturePeriods, fixtureShares, planted, publishBenchmarkFixture, saveFixtureConditions } from './fixture.js';
import { importJobindsats } from '../../src/statbank/index.js';

describe.each(backends)('benchmarking on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let run: RunSummary;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishBenchmarkFixture(db.db);
    run = await runBenchmark(db.db);
    app = await accessServer(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('says plainly what the release cannot give', () => {
    expect(run.measures).toBe(5); // the five shares; the release has no flows
    expect(run.unavailable.map((u) => u.measure).sort()).toEqual(
      ['duration_dagpenge', 'duration_kontanthjaelp', 'duration_public_support', 'duration_sygedagpenge', 'inflow_foertidspension',
        'self_support_dagpenge', 'self_support_kontanthjaelp', 'self_support_public_support', 'self_support_sygedagpenge', 'timeliness'],
    );
    expect(run.periods).toBe(fixturePeriods.length);
  });

  it('flags exactly the planted effects, as lasting, with their evidence', async () => {
    const flags = await db.db.selectFrom('benchmark_flag').selectAll().where('run_id', '=', run.runId).execute();
    expect(flags.map((f) => `${f.jobcenter} ${f.measure} ${f.direction} ${f.status}`).sort()).toEqual(
      planted.map((p) => `${p.jobcenter} ${p.measure} ${p.direction} lasting`).sort(),
    );
    const cph = flags.find((f) => f.jobcenter === 'J101')!;
    const e = cph.evidence as { ratio: number; actual: number; expected: number; upper: number; flagged_periods: string[]; peers: unknown[] };
    expect(e.ratio).toBeGreaterThan(1.45); // 1.6 less what the fit absorbs
    expect(e.ratio).toBeLessThan(1.75);
    expect(e.actual).toBeGreaterThan(e.upper);
    expect(e.flagged_periods).toHaveLength(fixturePeriods.length);
    expect(e.peers.length).toBeGreaterThanOrEqual(4);
    expect([cph.first_period, cph.last_period]).toEqual([fixturePeriods[0], fixturePeriods.at(-1)]);
  });

  it('expects each unplanted jobcenter within its fixed deviation (±5 %), with a fit near 1', async () => {
    const res = await call(app, 'GET', '/api/benchmark/ranking?measure=share_dagpenge');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { period: string; rows: { jobcenter: string; ratio: number; rank: number; actual: number; expected: number; difference: number }[] };
    for (const r of body.rows) expect(r.difference).toBeCloseTo(r.actual - r.expected, 12);
    expect(body.period).toBe(fixturePeriods.at(-1));
    expect(body.rows).toHaveLength(94);
    for (const r of body.rows) expect(Math.abs(Math.log(r.ratio))).toBeLessThan(0.07);
    expect(body.rows.map((r) => r.rank)).toEqual(Array.from({ length: 94 }, (_, i) => i + 1));
    const overview = (await call(app, 'GET', '/api/benchmark')).json() as { fits: Record<string, { newest: { r2: number; coefficients: { variable: string; standardError: number }[] } }> };
    expect(overview.fits.share_dagpenge!.newest.r2).toBeGreaterThan(0.9);
    expect(overview.fits.share_dagpenge!.newest.coefficients[0]!.variable).toBe('(konstant)');
  });

  it('ranks the planted jobcenters last and first on their measure', async () => {
    const kh = (await call(app, 'GET', '/api/benchmark/ranking?measure=share_kontanthjaelp')).json() as { rows: { jobcenter: string; rank: number }[] };
    expect(kh.rows.find((r) => r.jobcenter === 'J101')!.rank).toBe(94);
    const sd = (await call(app, 'GET', '/api/benchmark/ranking?measure=share_sygedagpenge')).json() as { rows: { jobcenter: string; rank: number }[] };
    expect(sd.rows.find((r) => r.jobcenter === 'J751')!.rank).toBe(1);
  });

  it('stores clusters of at least 5 and 5 nearest neighbours per jobcenter', async () => {
    const peers = await db.db.selectFrom('benchmark_peer').selectAll().where('run_id', '=', run.runId).execute();
    expect(peers).toHaveLength(94);
    const sizes = new Map<number, number>();
    for (const p of peers) sizes.set(p.cluster, (sizes.get(p.cluster) ?? 0) + 1);
    expect(sizes.size).toBe(run.clusters);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(5);
    for (const p of peers) {
      expect(p.neighbours).toHaveLength(5);
      expect(p.neighbours.map((n) => n.jobcenter)).not.toContain(p.jobcenter);
      expect(p.neighbours.map((n) => n.distance)).toEqual([...p.neighbours.map((n) => n.distance)].sort((a, b) => a - b));
    }
  });

  it('computes the savings: full-time persons above the expected level × the unit cost', async () => {
    const res = await call(app, 'GET', '/api/benchmark/jobcenters/J101');
    const b = res.json() as { savings: { category: string; fulltime_vs_expected: number; dkk_vs_expected: number; fulltime_vs_best_quartile: number }[]; measures: { id: string; series: { actual: number; expected: number }[] }[]; cluster: { members: { id: string }[] }; flags: unknown };
    const kh = b.savings.find((s) => s.category === 'kontanthjaelp')!;
    const last = b.measures.find((m) => m.id === 'share_kontanthjaelp')!.series.at(-1)!;
    const pop = municipalities.find((m) => m.code === 101)!.approxPopulation;
    expect(kh.fulltime_vs_expected).toBeCloseTo(((last.actual - last.expected) / 100) * pop, 6);
    expect(kh.dkk_vs_expected).toBeCloseTo(kh.fulltime_vs_expected * 160_000, 3);
    expect(kh.fulltime_vs_best_quartile).toBeGreaterThan(0);
    expect(b.cluster.members.map((m) => m.id)).toContain('J101');
    expect(b.flags).toBeNull(); // the public does not see result problems
  });

  it('shows result problems only to those who follow up, within their area', async () => {
    expect((await call(app, 'GET', '/api/benchmark/problems')).statusCode).toBe(401);
    const region = await loginAs(app, 'regional_monitor'); // Beskæftigelsesregion Hovedstaden & Sjælland
    const r = (await call(app, 'GET', '/api/benchmark/problems', region)).json() as { flags: { jobcenter: string }[] };
    expect(r.flags.map((f) => f.jobcenter)).toEqual(['J101']);
    const admin = await loginAs(app, 'national_admin');
    const a = (await call(app, 'GET', '/api/benchmark/problems', admin)).json() as { flags: { jobcenter: string }[] };
    expect(a.flags.map((f) => f.jobcenter).sort()).toEqual(['J101', 'J751']);
    const editor = await loginAs(app, 'jobcenter_editor'); // Jobcenter København
    const page = (await call(app, 'GET', '/api/benchmark/jobcenters/J101', editor)).json() as { flags: { measure: string }[] };
    expect(page.flags.map((f) => f.measure)).toEqual(['share_kontanthjaelp']);
    const other = (await call(app, 'GET', '/api/benchmark/jobcenters/J751', editor)).json() as { flags: unknown };
    expect(other.flags).toBeNull();
  });

  it("puts the peer cluster on the jobcenter's profile", async () => {
    const peers = await db.db.selectFrom('benchmark_peer').selectAll().where('run_id', '=', run.runId).execute();
    const mine = peers.find((p) => p.jobcenter === 'J101')!;
    const profile = (await call(app, 'GET', '/api/profile/J101')).json() as { cluster: { number: number; areas: { id: string }[] } };
    expect(profile.cluster.number).toBe(mine.cluster);
    expect(profile.cluster.areas.map((a) => a.id).sort()).toEqual(peers.filter((p) => p.cluster === mine.cluster).map((p) => p.jobcenter).sort());
    expect(((await call(app, 'GET', '/api/profile/R1084')).json() as { cluster: unknown }).cluster).toBeNull();
  });

  it('offers the peer clusters as areas in the statistics bank: the average jobcenter of each', async () => {
    const peers = await db.db.selectFrom('benchmark_peer').selectAll().where('run_id', '=', run.runId).execute();
    const mine = peers.find((p) => p.jobcenter === 'J101')!.cluster;
    const members = peers.filter((p) => p.cluster === mine).map((p) => p.jobcenter);
    const table = (await call(app, 'GET', '/v3/table/ptv_a02')).json() as { dimensions: { dimension_id: string; hierarchies: { hierarchy_id: string; levels: { level_id: string; values: { value_id: string; value_name: string }[] }[] }[] }[] };
    const klynge = table.dimensions[0]!.hierarchies.find((h) => h.hierarchy_id === '_klynge')!;
    expect(klynge.levels.map((l) => l.level_id)).toEqual(['cluster', 'jobcenter']);
    expect(klynge.levels[0]!.values).toContainEqual({ value_id: `KL${mine}`, value_name: `Klynge ${mine} (gns. pr. jobcenter)` });
    expect(klynge.levels[1]!.values).toHaveLength(94);

    const res = await call(app, 'GET', `/v3/data/ptv_a02?period.R=latest:1&hierarchy._klynge=KL${mine}&hierarchy._jobcenter=J101&dimension.ydelsesgrupper=category_kontanthjaelp&include=status`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { columns: string[]; rows: (string | number | null)[][]; status: string[] };
    const col = (label: string) => body.columns.indexOf(label);
    const cluster = body.rows.find((r) => r[1] === `Klynge ${mine} (gns. pr. jobcenter)`)!;
    // Independently from the fixture's law: the average jobcenter of the cluster.
    const shares = fixtureShares().filter((j) => members.includes(j.jobcenter));
    expect(cluster[col('Antal personer')]).toBe(1000);
    expect(cluster[col('Antal fuldtidspersoner')]).toBeCloseTo(shares.reduce((s, j) => s + (j.shares.kontanthjaelp! * j.population) / 100, 0) / shares.length, 1);
    expect(cluster[col('Fuldtidspersoner i pct. af befolkningen 16-66 år')]).toBeCloseTo(shares.reduce((s, j) => s + j.shares.kontanthjaelp!, 0) / shares.length, 1);
    expect(body.status).toEqual(['published', 'published']);
    expect(body.rows.map((r) => r[1])).toEqual([`Klynge ${mine} (gns. pr. jobcenter)`, 'Jobcenter København']);
  });

  it('publishes expected and actual levels as the /v3 table styr_benchmark', async () => {
    const subjects = (await call(app, 'GET', '/v3/tables')).json() as { subject_id: string; table_groups: { tables: { table_id: string }[] }[] }[];
    expect(subjects.find((s) => s.subject_id === 'benchmarking')!.table_groups.flatMap((g) => g.tables.map((t) => t.table_id))).toEqual(['styr_benchmark']);
    const res = await call(app, 'GET', '/v3/data/styr_benchmark?period.R=latest:1&dimension.maal=share_kontanthjaelp');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { columns: string[]; rows: (string | number | null)[][] };
    expect(body.columns).toEqual(['Periode', 'Jobcenter', 'Mål', 'Faktisk niveau', 'Forventet niveau', 'Forventet niveau, nedre grænse', 'Forventet niveau, øvre grænse', 'Faktisk i forhold til forventet', 'Placering', 'Afvigelse i standardafvigelser']);
    expect(body.rows).toHaveLength(94); // every jobcenter by default: the table has no national total
    const cph = body.rows.find((r) => r[1] === 'Jobcenter København')!;
    const [period, , measure, actual, expected, lower, upper, ratio, rank] = cph as [string, string, string, number, number, number, number, number, number];
    expect(period).toBe(fixturePeriods.at(-1));
    expect(measure).toContain('Kontanthjælp');
    expect(actual).toBeCloseTo(fixtureShares().find((j) => j.jobcenter === 'J101')!.shares.kontanthjaelp!, 2);
    expect(ratio).toBeCloseTo(actual / expected, 2);
    expect(actual).toBeGreaterThan(upper);
    expect(lower).toBeLessThan(expected);
    expect(rank).toBe(94);
    const csv = await call(app, 'GET', '/v3/data/styr_benchmark?period.R=latest:1&dimension.maal=share_kontanthjaelp&hierarchy._jobcenter=J101&format=csv');
    expect(csv.body.split('\r\n')[1]).toContain(`${String(actual).replace('.', ',')};`);
    expect((await call(app, 'GET', '/v3/data/styr_benchmark?release=999')).statusCode).toBe(404);
  });

  it('answers bad parameters with a Danish 400 naming the parameter', async () => {
    const m = await call(app, 'GET', '/api/benchmark/ranking?measure=nope');
    expect(m.statusCode).toBe(400);
    expect(m.json()).toMatchObject({ error: { field: 'measure', message: expect.stringContaining('målet nope findes ikke') } });
    const p = await call(app, 'GET', '/api/benchmark/ranking?period=2019');
    expect(p.json()).toMatchObject({ error: { field: 'period' } });
    expect((await call(app, 'GET', '/api/benchmark?release=99')).statusCode).toBe(404);
    expect((await call(app, 'GET', '/api/benchmark/jobcenters/K101')).statusCode).toBe(404);
  });

  it('refuses invalid settings in Danish and stores nothing', async () => {
    const before = await db.db.selectFrom('benchmark_run').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(runBenchmark(db.db, { settings: { level: 2 } })).rejects.toThrow(/Indstillingen level er ugyldig/);
    const after = await db.db.selectFrom('benchmark_run').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('aggregated real data: a Jobindsats import and conditions, no register', () => {
  it('benchmarks what the table gives, with week-weighted rolling years, and says what it cannot', async () => {
    const db = await createTestDb('pglite');
    const dir = mkdtempSync(join(tmpdir(), 'styr-jis-'));
    try {
      await saveFixtureConditions(db.db);
      // ptv_a02 by jobcenter, 2024M01–2025M12; København's share × 1.6; every month a little higher.
      const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`);
      const monthly = (share: number, i: number) => share * (1 + 0.01 * i);
      const rows = fixtureShares().flatMap((jc) =>
        months.map((m, i) => {
          const pct = monthly(jc.shares.public_support! * (jc.jobcenter === 'J101' ? 1.6 : 1), i);
          return [m, jc.name, 'Ydelsesgrupper i alt', 1000, (pct * jc.population) / 100, pct];
        }),
      );
      const file = join(dir, 'ptv_a02.json');
      writeFileSync(file, JSON.stringify({ columns: ['Periode', 'Område', 'Ydelsesgrupper', 'Antal personer', 'Antal fuldtidspersoner', 'Fuldtidspersoner i pct. af befolkningen 16-66 år'], rows }));
      await importJobindsats(db.db, { table: 'ptv_a02', files: [file] });
      const run = await runBenchmark(db.db);
      expect(run).toMatchObject({ measures: 1, periods: 13, jobcenters: 94 });
      expect(run.unavailable.find((u) => u.measure === 'share_dagpenge')!.reason).toContain('Jobindsats-tabel y01a02');
      expect(run.unavailable.map((u) => u.measure)).toContain('timeliness');
      const flags = await db.db.selectFrom('benchmark_flag').select(['jobcenter', 'measure', 'direction']).execute();
      expect(flags).toEqual([{ jobcenter: 'J101', measure: 'share_public_support', direction: 'worse' }]);
      // The first rolling year (2024M01-2024M12) of a jobcenter: Σ weeks × value ÷ Σ weeks (Thursdays per month).
      const thursdays = (y: number, m: number) => Array.from({ length: 31 }, (_, d) => new Date(Date.UTC(y, m - 1, d + 1))).filter((d) => d.getUTCMonth() === m - 1 && d.getUTCDay() === 4).length;
      const jc = fixtureShares().find((x) => x.jobcenter === 'J751')!;
      const w = months.slice(0, 12).map((m) => thursdays(Number(m.slice(0, 4)), Number(m.slice(5))));
      expect(w.reduce((a, b) => a + b)).toBe(52);
      const expected = w.reduce((acc, wi, i) => acc + wi * monthly(jc.shares.public_support!, i), 0) / 52;
      const app = await accessServer(db);
      const page = (await call(app, 'GET', '/api/benchmark/jobcenters/J751')).json() as { measures: { id: string; series: { period: string; actual: number }[] }[] };
      const first = page.measures.find((m) => m.id === 'share_public_support')!.series[0]!;
      expect(first.period).toBe('2024M01-2024M12');
      expect(first.actual).toBeCloseTo(expected, 10);
      await app.close();
    } finally {
      await db.close();
    }
  });
});

describe('conditions CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'styr-cond-'));
  const header = 'municipality;year;population_16_66;unemployment_level;non_western_share;western_share;education_level;urban';
  const rows = (year: number, edit: (i: number, cells: string[]) => string[] = (_i, c) => c) =>
    municipalities.map((m, i) => edit(i, [String(m.code), String(year), String(m.approxPopulation), '2,9', '0,08', '0,04', '0,3', '0,5']).join(';'));
  const file = (name: string, lines: string[]) => {
    const f = join(dir, name);
    writeFileSync(f, '\uFEFF' + lines.join('\r\n') + '\r\n');
    return f;
  };

  it('reads semicolons, decimal commas and a BOM', () => {
    const got = readConditionsCsv(file('ok.csv', [header, ...rows(2024)]));
    expect(got).toHaveLength(98);
    expect(got[0]).toEqual({ municipality: municipalities[0]!.code, year: 2024, population_16_66: municipalities[0]!.approxPopulation, values: { unemployment_level: 2.9, non_western_share: 0.08, western_share: 0.04, education_level: 0.3, urban: 0.5 } });
  });

  it('names the file, line and column of each error', () => {
    const err = (lines: string[]) => {
      try {
        readConditionsCsv(file('bad.csv', lines));
      } catch (e) {
        expect(e).toBeInstanceOf(ConditionsError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(err([header.replace(';urban', ''), ...rows(2024).map((r) => r.replace(/;0,5$/, ''))])).toBe(
      'bad.csv, linje 1: kolonnerne urban mangler. Forventet: municipality, year, population_16_66, unemployment_level, non_western_share, western_share, education_level, urban.',
    );
    expect(err([header, ...rows(2024, (i, c) => (i === 3 ? [c[0]!, c[1]!, c[2]!, 'høj', ...c.slice(4)] : c))])).toBe('bad.csv, linje 5, kolonne unemployment_level: unemployment_level skal være et tal.');
    expect(err([header, ...rows(2024, (i, c) => (i === 0 ? ['999', ...c.slice(1)] : c))])).toBe('bad.csv, linje 2, kolonne municipality: municipality er ikke en af de 98 kommuner.');
    expect(err([header, ...rows(2024, (i, c) => (i === 7 ? [c[0]!, c[1]!, c[2]!, c[3]!, '1,5', ...c.slice(5)] : c))])).toBe('bad.csv, linje 9, kolonne non_western_share: non_western_share skal ligge mellem 0 og 1.');
    expect(err([header, ...rows(2024).slice(0, 97)])).toMatch(/^bad\.csv: 2024 mangler 1 kommuner \(fx \d+ [^)]+\)\. Alle 98 kommuner skal være med for hvert år\.$/);
  });

  it('replaces the years it holds, all or nothing', async () => {
    const db = await createTestDb('pglite');
    try {
      await saveConditions(db.db, readConditionsCsv(file('a.csv', [header, ...rows(2024), ...rows(2025)])), 'a.csv');
      await saveConditions(db.db, readConditionsCsv(file('b.csv', [header, ...rows(2025, (_i, c) => [...c.slice(0, 3), '4', ...c.slice(4)])])), 'b.csv');
      const byYear = await db.db.selectFrom('framework_conditions').select(['year', 'source']).select((eb) => eb.fn.avg<number>('unemployment_level').as('u')).groupBy(['year', 'source']).orderBy('year').execute();
      expect(byYear.map((r) => [r.year, r.source, Math.round(Number(r.u) * 1e9) / 1e9])).toEqual([[2024, 'a.csv', 2.9], [2025, 'b.csv', 4]]);
    } finally {
      await db.close();
    }
  });
});
