/**
 * A benchmarking run: reads a release and the framework conditions, computes, and stores
 * the result in one transaction (all or nothing). Runs are kept per release, so a results
 * audit can always name the peer group and the model it used.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { encodeValues, findRelease, type Release } from '../indicators/index.js';
import { loadJobcenterConditions } from './conditions.js';
import { benchmarkMeasureById, settingsSchema, TIMELINESS, type BenchmarkSettings } from './measures.js';
import { benchmark, BENCHMARK_FIELDS, type BenchmarkResult } from './model.js';
import { loadPanel } from './panel.js';

export interface RunSummary {
  runId: number;
  release: number;
  jobcenters: number;
  measures: number;
  periods: number;
  clusters: number;
  flags: { new: number; lasting: number; resolved: number };
  seconds: { load: number; compute: number; store: number };
  unavailable: BenchmarkResult['unavailable'];
}

/** Loads, computes and stores; `release` defaults to the newest. */
export async function runBenchmark(db: Kysely<Database>, opts: { release?: number; settings?: unknown } = {}): Promise<RunSummary> {
  const parsed = settingsSchema.safeParse(opts.settings ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Indstillingen ${issue.path.join('.') || '(hele)'} er ugyldig: ${issue.message}`);
  }
  const settings = parsed.data;
  const release = await findRelease(db, opts.release);
  if (!release) throw new Error(opts.release ? `Udgivelse ${opts.release} findes ikke.` : 'Der er endnu ingen udgivelse at benchmarke.');
  const t0 = performance.now();
  const [panel, conditions] = await Promise.all([loadPanel(db, release), loadJobcenterConditions(db)]);
  if (conditions.size === 0) throw new Error('Der er ingen rammevilkår. Indlæs dem med `styr import conditions FIL.csv`.');
  const t1 = performance.now();
  const result = benchmark(panel, conditions, settings);
  const t2 = performance.now();
  const runId = await storeRun(db, release, result, settings, conditions.get([...conditions.keys()].at(-1)!)!, (t2 - t1) / 1000);
  const t3 = performance.now();
  const count = (s: string) => result.flags.filter((f) => f.status === s).length;
  return {
    runId, release: release.version, jobcenters: result.jobcenters.length, measures: result.series.size, periods: result.periods.length, clusters: result.clustering.k,
    flags: { new: count('new'), lasting: count('lasting'), resolved: count('resolved') },
    seconds: { load: (t1 - t0) / 1000, compute: (t2 - t1) / 1000, store: (t3 - t2) / 1000 },
    unavailable: result.unavailable,
  };
}

async function storeRun(
  db: Kysely<Database>,
  release: Release,
  r: BenchmarkResult,
  settings: BenchmarkSettings,
  conditions: { jobcenter: string; values: Record<string, number>; population_16_66: number }[],
  seconds: number,
): Promise<number> {
  const P = r.periods.length, F = BENCHMARK_FIELDS.length;
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('benchmark_run')
      .values({
        release_id: release.id,
        settings: JSON.stringify(settings),
        periods: JSON.stringify(r.periods),
        measures: JSON.stringify([
          ...[...r.series.keys()].map((id) => benchmarkMeasureById.get(id)!),
          { ...TIMELINESS, threshold: settings.timelinessThreshold },
        ]),
        fits: JSON.stringify(Object.fromEntries([...r.fits].map(([id, fits]) => [id, { newest: fits.at(-1) ?? null, r2: fits.map((f) => ({ period: f.period, r2: f.r2, n: f.n })) }]))),
        // The labels live in benchmark_peer.
        clustering: JSON.stringify({ k: r.clustering.k, criterion: r.clustering.criterion, weights: r.clustering.weights, conditionsYear: r.clustering.conditionsYear }),
        savings: JSON.stringify(r.savings),
        unavailable: JSON.stringify(r.unavailable),
        seconds,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cond = new Map(conditions.map((c) => [c.jobcenter, { ...c.values, population_16_66: c.population_16_66 }]));
    await trx
      .insertInto('benchmark_peer')
      .values(r.jobcenters.map((jc, j) => ({ run_id: id, jobcenter: jc, cluster: r.clustering.labels[j]! + 1, neighbours: JSON.stringify(r.neighbours[j]), conditions: JSON.stringify(cond.get(jc) ?? {}) })))
      .execute();
    const rows = [...r.series].flatMap(([measure, data]) => r.jobcenters.map((jc, j) => ({ run_id: id, measure, jobcenter: jc, values: encodeValues(data.subarray(j * P * F, (j + 1) * P * F)) })));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('benchmark_series').values(rows.slice(i, i + 500)).execute();
    if (r.flags.length > 0) {
      await trx
        .insertInto('benchmark_flag')
        .values(r.flags.map((f) => ({ run_id: id, jobcenter: f.jobcenter, measure: f.measure, kind: f.kind, direction: f.direction, status: f.status, first_period: f.first_period, last_period: f.last_period, evidence: JSON.stringify(f.evidence) })))
        .execute();
    }
    return id;
  });
}
