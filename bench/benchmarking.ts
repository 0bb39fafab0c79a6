/**
 * The benchmarking's recompute time on a release: conditions from the register's
 * conditions.parquet, then load (the panel read from the database: the baseline), compute
 * (regressions, intervals, pooled evidence, clusters, flags, savings) and store.
 */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { readConditionsParquet, runBenchmark, saveConditions, type RunSummary } from '../src/benchmark/index.js';
import type { Database } from '../src/db/index.js';

export async function benchmarkingBench(db: Kysely<Database>, registerDir: string, years: number[]): Promise<RunSummary & { total: number }> {
  await saveConditions(db, await readConditionsParquet(join(registerDir, 'conditions.parquet'), years), 'bench');
  const t0 = performance.now();
  const r = await runBenchmark(db);
  return { ...r, total: (performance.now() - t0) / 1000 };
}
