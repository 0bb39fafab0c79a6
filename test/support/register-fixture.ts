/**
 * Writes in-memory register data (test/reference/recompute.ts shapes) as the parquet files
 * the engine reads (register, persons, activities, population), in a fresh temp folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { RegisterData } from '../reference/recompute.js';

const schemas = {
  register: 'person_id INTEGER, week DATE, municipality SMALLINT, benefit VARCHAR',
  persons: 'person_id INTEGER, birth_date DATE, gender VARCHAR, origin VARCHAR',
  activities: 'person_id INTEGER, kind VARCHAR, due_week DATE, start_week DATE, end_week DATE',
  population: 'municipality SMALLINT, year SMALLINT, gender VARCHAR, age_band VARCHAR, origin VARCHAR, population INTEGER, workforce INTEGER',
} as const;

export async function writeRegister(data: RegisterData, dir = mkdtempSync(join(tmpdir(), 'styr-register-'))): Promise<string> {
  const inst = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await inst.connect();
  try {
    for (const [name, schema] of Object.entries(schemas) as [keyof typeof schemas, string][]) {
      const rows = data[name];
      if (!rows && name !== 'activities') continue;
      const json = join(dir, `${name}.json`);
      writeFileSync(json, (rows ?? []).map((r) => JSON.stringify(r)).join('\n'));
      const cols = schema.split(', ').map((x) => x.split(' ') as [string, string]);
      const columns = `{${cols.map(([n, t]) => `'${n}': '${t}'`).join(', ')}}`;
      await c.run(`CREATE TABLE t_${name} (${schema})`);
      if ((rows ?? []).length > 0) await c.run(`INSERT INTO t_${name} SELECT * FROM read_json('${json}', format = 'newline_delimited', columns = ${columns})`);
      await c.run(`COPY t_${name} TO '${join(dir, `${name}.parquet`)}' (FORMAT parquet)`);
      rmSync(json);
    }
  } finally {
    c.closeSync();
    inst.closeSync();
  }
  return dir;
}

/** A fresh in-memory DuckDB connection for a test (2 threads, as the benchmark). */
export async function engineConnection(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await inst.connect();
  return { conn, close: () => { conn.closeSync(); inst.closeSync(); } };
}
