/** Reads stored benchmarking runs: the newest run of a release, its series, peers and flags. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { decodeValues, findRelease, type Release } from '../indicators/index.js';
import type { BenchmarkMeasure } from './measures.js';
import { BENCHMARK_FIELDS, type ModelFit, type Savings } from './model.js';

export interface StoredRun {
  id: number;
  release: Release;
  created_at: Date;
  settings: Record<string, unknown>;
  periods: string[];
  measures: (BenchmarkMeasure | { id: 'timeliness'; label: string; unit: string; threshold: number })[];
  fits: Record<string, { newest: ModelFit | null; r2: { period: string; r2: number; n: number }[] }>;
  clustering: {
    k: number;
    criterion: { k: number; calinski_harabasz: number }[];
    weights: { variable: string; label: string; weight: number }[];
    conditionsYear: number;
    unavailable: { measure: string; reason: string }[];
    savings: Savings[];
  };
  seconds: number;
}

/** The newest run of a release (default: the newest release), or undefined. */
export async function findRun(db: Kysely<Database>, version?: number): Promise<StoredRun | undefined> {
  const release = await findRelease(db, version);
  if (!release) return undefined;
  const row = await db.selectFrom('benchmark_run').selectAll().where('release_id', '=', release.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return undefined;
  return { ...(row as unknown as Omit<StoredRun, 'release'>), release };
}

export type BenchmarkPoint = Record<(typeof BENCHMARK_FIELDS)[number], number | null> & { period: string };

/** Per jobcenter: the measure's points over the run's periods. */
export async function findBenchmarkSeries(db: Kysely<Database>, run: StoredRun, measure: string, jobcenters?: string[]): Promise<Map<string, BenchmarkPoint[]>> {
  let q = db.selectFrom('benchmark_series').select(['jobcenter', 'values']).where('run_id', '=', run.id).where('measure', '=', measure);
  if (jobcenters) q = q.where('jobcenter', 'in', jobcenters.length > 0 ? jobcenters : ['-']);
  const F = BENCHMARK_FIELDS.length;
  const out = new Map<string, BenchmarkPoint[]>();
  for (const r of await q.execute()) {
    const v = decodeValues(r.values, 'f64-deflate');
    out.set(
      r.jobcenter,
      run.periods.map((period, t) => {
        const p = { period } as BenchmarkPoint;
        BENCHMARK_FIELDS.forEach((f, k) => (p[f] = Number.isFinite(v[t * F + k]!) ? v[t * F + k]! : null));
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

/** A jobcenter's peer cluster in the newest run of a release: its number and members (the jobcenter included). */
export async function findCluster(db: Kysely<Database>, releaseId: number, jobcenter: string): Promise<{ number: number; members: string[] } | null> {
  const run = await db.selectFrom('benchmark_run').select('id').where('release_id', '=', releaseId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!run) return null;
  const peers = await findPeers(db, run.id);
  const me = peers.find((p) => p.jobcenter === jobcenter);
  return me ? { number: me.cluster, members: peers.filter((p) => p.cluster === me.cluster).map((p) => p.jobcenter) } : null;
}
