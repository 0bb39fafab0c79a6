/**
 * Reading a DuckDB result straight into typed arrays, chunk by chunk: millions of rows
 * without a JS object per value. Columns must be non-null numbers (coalesce in SQL).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

type Column = Int32Array | Float64Array | Uint8Array;
type Kind = 'int32' | 'float64' | 'uint8';
const make: Record<Kind, (n: number) => Column> = {
  int32: (n) => new Int32Array(n),
  float64: (n) => new Float64Array(n),
  uint8: (n) => new Uint8Array(n),
};

/** `sql` must return `rows` rows; column i is read into an array of kinds[i]. */
export async function readColumns(conn: DuckDBConnection, sql: string, rows: number, kinds: Kind[]): Promise<Column[]> {
  const out = kinds.map((k) => make[k](rows));
  const result = await conn.stream(sql);
  let at = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    if (at + chunk.rowCount > rows) throw new Error(`readColumns: more than ${rows} rows`);
    out.forEach((col, i) => col.set((chunk.getColumnVector(i) as unknown as { items: ArrayLike<number> }).items, at));
    at += chunk.rowCount;
  }
  if (at !== rows) throw new Error(`readColumns: ${at} rows, expected ${rows}`);
  return out;
}
