/**
 * The benchmarking's recompute time on a release: conditions from the register's
 * conditions.parquet, then load (the panel read from the database: the baseline), compute
 * (regressions, intervals, pooled evidence, clusters, flags, savings) and store.
 */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { readConditionsParquet, runBenchmark, saveConditions, type RunSummary } from '../src/benchmark/index.js';
import type { Database } from '../src/db/index.js';
import { resolveSelection, StatbankService } from '../src/statbank/index.js';

export async function benchmarkingBench(db: Kysely<Database>, registerDir: string, years: number[]): Promise<RunSummary & { total: number }> {
  await saveConditions(db, await readConditionsParquet(join(registerDir, 'conditions.parquet'), years), 'bench');
  const t0 = performance.now();
  const r = await runBenchmark(db);
  return { ...r, total: (performance.now() - t0) / 1000 };
}

/**
 * The peer clusters in the statistics bank: ms per /v3 data query (service level, no
 * response cache) for every cluster of ptv_a02 (12 months × the benefit categories), against
 * the baseline of the same query for all 94 jobcenters, whose series a cluster query reads.
 */
export async function clusterQueryBench(db: Kysely<Database>, runs = 20): Promise<{ clusterMs: number; jobcenterMs: number }> {
  const service = new StatbankService(db);
  const t = await service.table('ptv_a02');
  const time = async (areas: Record<string, string>) => {
    const sel = resolveSelection(t, { 'period.M': 'latest:12', 'dimension.ydelsesgrupper': 'level:category', ...areas });
    await service.data(t, sel);
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await service.data(t, sel);
    return (performance.now() - t0) / runs;
  };
  return { clusterMs: await time({ 'hierarchy._klynge': 'level:cluster' }), jobcenterMs: await time({ 'hierarchy._jobcenter': '*' }) };
}
