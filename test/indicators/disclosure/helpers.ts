/** Small helpers for the disclosure tests: build a dataset table in DuckDB, read statuses back. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { datasets, type DatasetId, type Freq } from '../../../src/indicators/datasets.js';

/** A cell of a test table: keys plus the dataset's count / measure columns by name. */
export interface Row {
  area: string;
  benefit: string;
  freq: Freq;
  period: string;
  breakdown?: string;
  breakdown_value?: string;
  offer?: string;
  [column: string]: string | number | undefined;
}

export async function connect(): Promise<DuckDBConnection> {
  return (await DuckDBInstance.create(':memory:')).connect();
}

/**
 * Creates the dataset's table with its key columns, its disclosure counts and, for
 * volume, `person_weeks`; missing numbers are 0, a missing breakdown is the total.
 */
export async function createTable(conn: DuckDBConnection, dataset: DatasetId, rows: readonly Row[]): Promise<void> {
  const spec = datasets[dataset];
  const keys = ['area', 'benefit', 'freq', 'period', 'breakdown', 'breakdown_value', ...spec.extraKeys];
  const nums = [...new Set([...spec.disclosureCounts, ...(dataset === 'volume' ? ['person_weeks'] : [])])];
  await conn.run(`CREATE OR REPLACE TABLE ${dataset} (${[...keys.map((k) => `${k} VARCHAR`), ...nums.map((n) => `${n} BIGINT`)].join(', ')})`);
  const app = await conn.createAppender(dataset);
  for (const r of rows) {
    const full: Record<string, string | number | undefined> = { breakdown: 'total', breakdown_value: 'total', offer: 'all', ...r };
    for (const k of keys) app.appendVarchar(String(full[k]));
    for (const n of nums) app.appendBigInt(BigInt(Number(full[n] ?? 0)));
    app.endRow();
  }
  app.closeSync();
}

/** Cell key as the tests write it: `area/benefit/period/breakdown=value[/offer]`. */
export function cellKey(r: { area: string; benefit: string; period: string; breakdown?: string; breakdown_value?: string; offer?: string }): string {
  const base = `${r.area}/${r.benefit}/${r.period}/${r.breakdown ?? 'total'}=${r.breakdown_value ?? 'total'}`;
  return r.offer && r.offer !== 'all' ? `${base}/${r.offer}` : base;
}

/** Status per cell key. */
export async function statuses(conn: DuckDBConnection, dataset: DatasetId): Promise<Map<string, string>> {
  const offer = datasets[dataset].extraKeys.includes('offer') ? 'offer' : `'all' AS offer`;
  const rows = (await conn.runAndReadAll(`SELECT area, benefit, period, breakdown, breakdown_value, ${offer}, status FROM ${dataset}`)).getRowObjects();
  return new Map(rows.map((r) => [cellKey(r as never), String(r.status)]));
}

/** Keys of the cells with a given status, sorted. */
export function withStatus(s: Map<string, string>, status: string): string[] {
  return [...s].filter(([, v]) => v === status).map(([k]) => k).sort();
}

export const noPeriods = (): Record<Freq, string[]> => ({ M: [], Q: [], Y: [], R: [] });
