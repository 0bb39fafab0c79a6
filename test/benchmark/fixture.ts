/**
 * A release built by hand for the benchmarking, with a known answer: every jobcenter's share
 * of each category follows a log-linear law of its framework conditions, plus a small fixed
 * deviation per jobcenter (sd ≈ 0.03); two jobcenters get a planted effect:
 * København's kontanthjælp × 1.6 (worse) and Aarhus' sygedagpenge × 0.6 (better).
 * Conditions are the generator's (the same every year), for 2023–2025.
 */
import type { Kysely } from 'kysely';
import { benchmarkCategories, saveConditions } from '../../src/benchmark/index.js';
import type { Database } from '../../src/db/index.js';
import { datasets, encodeValues, insertDataset, insertRelease, insertSeries, insertTables } from '../../src/indicators/index.js';
import { registerReleaseTables } from '../../src/statbank/index.js';
import { areas } from '../../src/reference/index.js';
import { buildConditions } from '../../src/register/generator/conditions.js';

export const planted = [
  { jobcenter: 'J101', measure: 'share_kontanthjaelp', factor: 1.6, direction: 'worse' },
  { jobcenter: 'J751', measure: 'share_sygedagpenge', factor: 0.6, direction: 'better' },
] as const;

const months = (from: number, n: number) => Array.from({ length: n }, (_, i) => `${Math.floor((from + i) / 12)}M${String(((from + i) % 12) + 1).padStart(2, '0')}`);
/** Rolling years ending 2023M12 … 2025M12. */
export const fixturePeriods = months(2023 * 12 + 11, 25).map((end) => {
  const [y, m] = end.split('M').map(Number) as [number, number];
  return `${months(y * 12 + m - 12, 1)[0]}-${end}`;
});

/** A fixed pseudo-random deviation in [−0.05, 0.05] per jobcenter and category. */
export function deviation(key: string): number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return ((h % 10001) / 10000 - 0.5) * 0.1;
}

const base: Record<string, number> = { public_support: 16, dagpenge: 2, kontanthjaelp: 2.5, sygedagpenge: 2, foertidspension: 7 };

/** The jobcenter's share of a category (pct. of the population 16–66), before any planted effect. */
export function lawShare(category: string, c: { unemployment: number; nonWestern: number; education: number }, jobcenter: string): number {
  return base[category]! * Math.exp(0.6 * Math.log(c.unemployment / 2.9) + 2 * (c.nonWestern - 0.06) - 1 * (c.education - 0.3) + deviation(`${jobcenter}|${category}`));
}

/** The generator's conditions for 2023–2025, stored. */
export async function saveFixtureConditions(db: Kysely<Database>): Promise<void> {
  const cond = buildConditions();
  await saveConditions(
    db,
    [2023, 2024, 2025].flatMap((year) =>
      cond.map((c) => ({
        municipality: c.code, year, population_16_66: c.population,
        values: { unemployment_level: c.unemploymentLevel, non_western_share: c.nonWesternShare, western_share: c.westernShare, education_level: c.educationLevel, urban: c.urban },
      })),
    ),
    'test',
  );
}

/** Each jobcenter's conditions: the generator's municipalities', population-weighted. */
export function fixtureJobcenterConditions() {
  const cond = buildConditions();
  return areas
    .filter((a) => a.level === 'jobcenter')
    .map((jc) => {
      const parts = cond.filter((c) => jc.municipalities.includes(c.code));
      const pop = parts.reduce((s, c) => s + c.population, 0);
      const w = (f: (c: (typeof parts)[number]) => number) => parts.reduce((s, c) => s + (f(c) * c.population) / pop, 0);
      return {
        jobcenter: jc.id, name: jc.name, population: pop,
        values: { unemployment_level: w((x) => x.unemploymentLevel), non_western_share: w((x) => x.nonWesternShare), western_share: w((x) => x.westernShare), education_level: w((x) => x.educationLevel), urban: w((x) => x.urban) },
      };
    });
}

/** Each jobcenter with its population and the law's share of each category (planted effects applied). */
export function fixtureShares(): { jobcenter: string; name: string; population: number; shares: Record<string, number> }[] {
  return fixtureJobcenterConditions().map(({ jobcenter, name, population, values: v }) => {
    const c = { unemployment: v.unemployment_level, nonWestern: v.non_western_share, education: v.education_level };
    const shares = Object.fromEntries(
      benchmarkCategories.map((cat) => [cat.id, lawShare(cat.id, c, jobcenter) * (planted.find((p) => p.jobcenter === jobcenter && p.measure === `share_${cat.id}`)?.factor ?? 1)]),
    );
    return { jobcenter, name, population, shares };
  });
}

/** Publishes the release (with the statistics bank's ptv_a02 over it) and stores the conditions; returns the release version. */
export async function publishBenchmarkFixture(db: Kysely<Database>): Promise<number> {
  await saveFixtureConditions(db);
  const shape = {
    dims: ['benefit', 'breakdown', 'breakdown_value'],
    measures: datasets.volume.measures.map((m) => ({ id: m.id, label: m.label, decimals: m.decimals })),
    periods: fixturePeriods.map((id) => ({ id, freq: 'R' as const })),
  };
  const rows = fixtureShares().flatMap((jc) =>
    benchmarkCategories.map((cat) => {
      const share = jc.shares[cat.id]!;
      const values = fixturePeriods.flatMap(() => [1000, (share * jc.population) / 100, share * 1.25, share, (share * jc.population * 52) / 100]);
      return { area: jc.jobcenter, dims: [cat.benefit, 'total', 'total'], values: encodeValues(new Float64Array(values)), status: new Uint8Array(fixturePeriods.length) };
    }),
  );
  return db.transaction().execute(async (trx) => {
    const r = await insertRelease(trx, { source: 'register', firstWeek: '2023-01-02', cutoffWeek: '2025-12-22', notes: 'benchmark fixture', threshold: 5, summary: {} });
    await insertDataset(trx, r.id, 'volume', shape);
    await insertSeries(trx, r.id, 'volume', rows);
    await insertTables(trx, r.id, registerReleaseTables().filter((t) => t.tableId === 'ptv_a02'));
    return r.version;
  });
}
