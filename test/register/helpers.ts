/** Test helpers for the register tests: a throwaway DuckDB connection and a temp directory. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `styr-${prefix}-`));
}

/** Runs SQL and returns rows as JSON-ish values (bigints as numbers, dates as strings). */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  try {
    const r = await con.runAndReadAll(sql);
    return r.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

export const num = (v: unknown): number => Number(v);
