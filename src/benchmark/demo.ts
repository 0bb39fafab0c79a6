import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { findRelease } from '../indicators/index.js';
import { readConditionsParquet, saveConditions } from './conditions.js';
import { runBenchmark, type RunSummary } from './run.js';

/**
 * The demo's benchmarking: the generator's conditions (for every year of the register) and
 * a run for the newest release, unless they exist. Null when there is nothing to do.
 */
export async function ensureDemoBenchmark(db: Kysely<Database>, registerDir: string, years: number[]): Promise<RunSummary | null> {
  const release = await findRelease(db);
  if (!release) return null;
  const hasConditions = await db.selectFrom('framework_conditions').select('year').limit(1).executeTakeFirst();
  if (!hasConditions) {
    const file = join(registerDir, 'conditions.parquet');
    if (!existsSync(file)) return null;
    await saveConditions(db, await readConditionsParquet(file, years), 'demo');
  }
  const run = await db.selectFrom('benchmark_run').select('id').where('release_id', '=', release.id).limit(1).executeTakeFirst();
  return run ? null : runBenchmark(db, { release: release.version });
}
