import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { datasets, freqs, type DatasetId, type Freq } from './datasets.js';
import { applyDisclosure } from './disclosure/index.js';
import { computeCube } from './engine/index.js';
import { publishCube } from './release/index.js';
import type { Release } from './release/index.js';

interface ComputeReleaseInput {
  registerDir: string;
  db: Kysely<Database>;
  threshold: number;
  notes: string;
  /** The table catalogue to store with the release (the statistics bank's tables). */
  tables: { tableId: string; dataset: string; definition: unknown }[];
  /** Spill folder for DuckDB; removed afterwards. */
  workDir: string;
  /** DuckDB's memory cap; beyond it DuckDB spills to workDir (default 5 GB: the whole process stays under 8 GB). */
  memoryLimit?: string;
  onProgress?: (p: { stage: string; done: number; total: number; detail?: string }) => void;
}

interface ComputeReleaseResult {
  release: Release;
  /** Seconds per stage. */
  timings: Record<string, number>;
}

/** Register → every measure (DuckDB) → disclosure control → a new immutable release. */
export async function computeRelease(input: ComputeReleaseInput): Promise<ComputeReleaseResult> {
  mkdirSync(input.workDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(cpus().length),
    temp_directory: join(input.workDir, 'duckdb-tmp'),
    preserve_insertion_order: 'false',
    memory_limit: input.memoryLimit ?? '5GB',
  });
  const conn = await instance.connect();
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    timings[stage] = (performance.now() - t0) / 1000;
    return r;
  };
  try {
    const cube = await time('compute', () => computeCube({ conn, registerDir: input.registerDir, onProgress: input.onProgress }));
    const ids = Object.keys(datasets) as DatasetId[];
    const periods = {} as Record<DatasetId, Record<Freq, string[]>>;
    for (const id of ids) periods[id] = await publishedPeriods(conn, id, cube.periods);
    await time('disclosure', async () => {
      for (const [i, id] of ids.entries()) {
        input.onProgress?.({ stage: 'Diskretionering', done: i, total: ids.length });
        await applyDisclosure({ conn, dataset: id, threshold: input.threshold, periods: periods[id] });
      }
      input.onProgress?.({ stage: 'Diskretionering', done: ids.length, total: ids.length });
    });
    const release = await time('publish', () =>
      publishCube({
        conn,
        db: input.db,
        firstWeek: cube.firstWeek,
        cutoffWeek: cube.cutoffWeek,
        periods,
        threshold: input.threshold,
        notes: input.notes,
        tables: input.tables,
        summary: { timings: { ...timings } },
        onProgress: input.onProgress,
      }),
    );
    return { release, timings };
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(join(input.workDir, 'duckdb-tmp'), { recursive: true, force: true });
  }
}

/** The periods a dataset publishes: the engine's periods that its table has cells for, in order. */
async function publishedPeriods(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, dataset: DatasetId, all: Record<Freq, string[]>) {
  const rows = (await conn.runAndReadAll(`SELECT DISTINCT freq, period FROM ${dataset}`)).getRowObjectsJS();
  const present = new Set(rows.map((r) => `${String(r.freq)}|${String(r.period)}`));
  return Object.fromEntries(freqs.map((f) => [f, (all[f] ?? []).filter((p) => present.has(`${f}|${p}`))])) as Record<Freq, string[]>;
}
