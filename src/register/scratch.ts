import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** A fresh scratch folder with a file-backed DuckDB that spills inside it (bounded memory for register-scale writes). */
export async function openScratch(dir: string): Promise<{ inst: DuckDBInstance; con: DuckDBConnection }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const inst = await DuckDBInstance.create(join(dir, 'work.duckdb'), { temp_directory: join(dir, 'spill'), memory_limit: '4GB' });
  return { inst, con: await inst.connect() };
}

/** Closes a DuckDB connection and instance (closing twice is harmless) and removes a scratch folder. */
export function closeAndRemove(con: DuckDBConnection, inst: DuckDBInstance, dir: string): void {
  try {
    con.closeSync();
    inst.closeSync();
  } catch {
    /* already closed */
  }
  rmSync(dir, { recursive: true, force: true });
}
