import { rmSync } from 'node:fs';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

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
