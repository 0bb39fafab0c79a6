/** Reads stored benchmarking runs: the newest run of a release, its series, peers and flags. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { decodeValues, type Release } from '../indicators/index.js';
import type { BenchmarkMeasure } from './measures.js';
import type { Savings } from './benchmark.table.js';
import { BENCHMARK_FIELDS, type BenchmarkResult, type ModelFit } from './model.js';

export interface StoredRun {
  id: number;
  release: Release;
  created_at: Date;
  settings: Record<string, unknown>;
  periods: string[];
  measures: (BenchmarkMeasure | { id: 'timeliness'; label: string; unit: string; threshold: number })[];
  fits: Record<string, { newest: ModelFit | null; r2: { period: string; r2: number; n: number }[] }>;
  /** The run's clustering; each jobcenter's cluster is in benchmark_peer. */
  clustering: Omit<BenchmarkResult['clustering'], 'labels'>;
  savings: Savings[];
  unavailable: { measure: string; label: string; reason: string }[];
  seconds: number;
}

/** The newest run of a release (default: the newest release), or undefined. */
export async function findRun(db: Kysely<Database>, version?: number): Promise<StoredRun | undefined> {
  const found = await findReleaseAndRun(db, version);
  return found?.runId ? loadRun(db, found.runId, found.release) : undefined;
}

/** A run with its settings, fits and savings (the heavy row), on its release. */
export async function loadRun(db: Kysely<Database>, runId: number, release: Release): Promise<StoredRun> {
  const row = await db.selectFrom('benchmark_run').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  return { ...(row as unknown as Omit<StoredRun, 'release'>), release };
}

/** The id of the newest run on release `version` (or on any release) and its release, in one query. */
export async function findLatestRunId(db: Kysely<Database>, version?: number): Promise<{ runId: number; release: Release } | undefined> {
  let q = db.selectFrom('benchmark_run as b').innerJoin('release as r', 'r.id', 'b.release_id').selectAll('r').select('b.id as run_id');
  if (version !== undefined) q = q.where('r.version', '=', version);
  const row = await q.orderBy('r.version', 'desc').orderBy('b.id', 'desc').limit(1).executeTakeFirst();
  if (!row) return undefined;
  const { run_id, ...release } = row;
  return { runId: run_id, release: release as Release };
}

type BenchmarkPoint = Record<(typeof BENCHMARK_FIELDS)[number], number | null> & { period: string };

/** The decoded series of a run (values period-major × BENCHMARK_FIELDS; NaN = no value). */
export async function findBenchmarkSeriesRows(db: Kysely<Database>, runId: number, measures: string[], jobcenters?: string[]) {
  let q = db.selectFrom('benchmark_series').select(['measure', 'jobcenter', 'values']).where('run_id', '=', runId).where('measure', 'in', measures.length > 0 ? measures : ['-']);
  if (jobcenters) q = q.where('jobcenter', 'in', jobcenters.length > 0 ? jobcenters : ['-']);
  return (await q.execute()).map((r) => ({ measure: r.measure, jobcenter: r.jobcenter, values: decodeValues(r.values, 'f64-deflate') }));
}

/** Per measure, then per jobcenter: the points over the run's periods (one query). */
export async function findBenchmarkSeries(db: Kysely<Database>, run: StoredRun, measures: string[], jobcenters?: string[]): Promise<Map<string, Map<string, BenchmarkPoint[]>>> {
  const F = BENCHMARK_FIELDS.length;
  const out = new Map(measures.map((m) => [m, new Map<string, BenchmarkPoint[]>()]));
  for (const r of await findBenchmarkSeriesRows(db, run.id, measures, jobcenters)) {
    out.get(r.measure)!.set(
      r.jobcenter,
      run.periods.map((period, t) => {
        const p = { period } as BenchmarkPoint;
        BENCHMARK_FIELDS.forEach((f, k) => (p[f] = Number.isFinite(r.values[t * F + k]!) ? r.values[t * F + k]! : null));
        return p;
      }),
    );
  }
  return out;
}

export async function findPeers(db: Kysely<Database>, runId: number) {
  return db.selectFrom('benchmark_peer').selectAll().where('run_id', '=', runId).orderBy('jobcenter').execute();
}

export async function findFlags(db: Kysely<Database>, runId: number, jobcenters?: string[]) {
  let q = db.selectFrom('benchmark_flag').selectAll().where('run_id', '=', runId);
  if (jobcenters) q = q.where('jobcenter', 'in', jobcenters.length > 0 ? jobcenters : ['-']);
  return q.orderBy('jobcenter').orderBy('measure').execute();
}

/** The newest release (or a given version) and the id of its newest benchmarking run, in one query. */
export async function findReleaseAndRun(db: Kysely<Database>, version?: number): Promise<{ release: Release; runId: number | null } | undefined> {
  let q = db
    .selectFrom('release')
    .selectAll('release')
    .select((eb) => eb.selectFrom('benchmark_run as b').select('b.id').whereRef('b.release_id', '=', 'release.id').orderBy('b.id', 'desc').limit(1).as('run_id'));
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  const { run_id, ...release } = row;
  return { release: release as Release, runId: run_id ?? null };
}

/** A jobcenter's peer cluster in a run: its number and members (the jobcenter included). */
export async function findCluster(db: Kysely<Database>, runId: number, jobcenter: string): Promise<{ number: number; members: string[] } | null> {
  const peers = await findPeers(db, runId);
  const me = peers.find((p) => p.jobcenter === jobcenter);
  return me ? { number: me.cluster, members: peers.filter((p) => p.cluster === me.cluster).map((p) => p.jobcenter) } : null;
}

/** Every peer cluster of a run: its number and members, in cluster order. */
export async function findClusters(db: Kysely<Database>, runId: number): Promise<{ number: number; members: string[] }[]> {
  const byNumber = new Map<number, string[]>();
  for (const p of await findPeers(db, runId)) byNumber.set(p.cluster, [...(byNumber.get(p.cluster) ?? []), p.jobcenter]);
  return [...byNumber].sort((a, b) => a[0] - b[0]).map(([number, members]) => ({ number, members }));
}
