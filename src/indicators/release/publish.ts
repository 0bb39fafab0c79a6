import type { DuckDBConnection } from '@duckdb/node-api';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { commonKeys, datasets, type DatasetId, type Freq } from '../datasets.js';
import { insertDataset, insertRelease, insertSeries, insertTables, type SeriesRow } from './release.repository.js';
import type { DatasetShape, Release, ReleaseSummary } from './release.table.js';
import { readColumns } from '../columns.js';
import { encodeValues, SeriesStatus } from './series.js';

interface PublishInput {
  conn: DuckDBConnection;
  db: Kysely<Database>;
  firstWeek: string;
  cutoffWeek: string;
  /** The published periods of each dataset, per frequency, in time order. */
  periods: Record<DatasetId, Record<Freq, string[]>>;
  threshold: number;
  notes: string;
  tables: { tableId: string; dataset: string; definition: unknown }[];
  summary: ReleaseSummary;
  onProgress?: (p: { stage: string; done: number; total: number }) => void;
}

const freqOrder: Freq[] = ['M', 'Q', 'Y', 'R'];

// An absent cell is a published zero: counts are 0, shares of the population are 0 %,
// and rates with an empty denominator (duration, activation, timeliness …) have no value.
const zeroWhenAbsent = (measure: string) => !/(_rate|_share|^timeliness$|^avg_duration$)/.test(measure);

/**
 * Publishes the dataset tables of a DuckDB connection (each with a `status` column from
 * disclosure control) as a new release, in one transaction: all or nothing.
 */
export async function publishCube(input: PublishInput): Promise<Release> {
  const shaped = (Object.keys(datasets) as DatasetId[]).map((id) => {
    const spec = datasets[id];
    const shape: DatasetShape = {
      dims: ['benefit', 'breakdown', 'breakdown_value', ...spec.extraKeys],
      measures: spec.measures.map((m) => ({ id: m.id, label: m.label, decimals: m.decimals })),
      periods: freqOrder.flatMap((freq) => (input.periods[id][freq] ?? []).map((p) => ({ id: p, freq }))),
    };
    return { id, spec, shape };
  });

  const seriesByDataset = new Map<DatasetId, SeriesRow[]>();
  const summary: NonNullable<ReleaseSummary['datasets']> = {};
  for (const [i, { id, spec, shape }] of shaped.entries()) {
    input.onProgress?.({ stage: 'Udgiver: samler tidsserier', done: i, total: shaped.length });
    const rows = await readSeries(input.conn, id, spec.extraKeys, shape);
    seriesByDataset.set(id, rows.series);
    summary[id] = { series: rows.series.length, cells: rows.cells, primary: rows.primary, secondary: rows.secondary };
  }

  const total = [...seriesByDataset.values()].reduce((n, s) => n + s.length, 0);
  return input.db.transaction().execute(async (trx) => {
    const release = await insertRelease(trx, {
      source: 'register',
      firstWeek: input.firstWeek,
      cutoffWeek: input.cutoffWeek,
      notes: input.notes,
      threshold: input.threshold,
      summary: { ...input.summary, datasets: summary },
    });
    let done = 0;
    for (const { id, shape } of shaped) {
      await insertDataset(trx, release.id, id, shape);
      const series = seriesByDataset.get(id) ?? [];
      for (let k = 0; k < series.length; k += 5000) {
        await insertSeries(trx, release.id, id, series.slice(k, k + 5000));
        done += Math.min(5000, series.length - k);
        input.onProgress?.({ stage: 'Udgiver: skriver til databasen', done, total });
      }
    }
    await insertTables(trx, release.id, input.tables);
    return release;
  });
}

/**
 * The series of one dataset table: one per key combination, values aligned to the shape's
 * periods. Rows are streamed in series order into typed arrays; suppressed cells lose
 * their values here, absent cells are published zeros (or null where censored).
 */
async function readSeries(conn: DuckDBConnection, dataset: DatasetId, extraKeys: string[], shape: DatasetShape) {
  const keys = [...commonKeys.filter((k) => k !== 'freq' && k !== 'period'), ...extraKeys];
  const measures = shape.measures.map((m) => m.id);
  const nm = measures.length;
  const np = shape.periods.length;
  const none = { series: [] as SeriesRow[], cells: 0, primary: 0, secondary: 0 };
  if (np === 0) return none;
  const periodIndex = shape.periods.map((p, i) => `('${p.freq}', '${p.id}', ${i})`).join(', ');

  // A count that is null in a period is censored there (docs/measures.md): absent cells of
  // that period get null too, not zero.
  const template = new Float64Array(np * nm);
  for (let i = 0; i < np; i++) measures.forEach((m, j) => (template[i * nm + j] = zeroWhenAbsent(m) ? 0 : NaN));
  for (const [j, m] of measures.entries()) {
    if (!zeroWhenAbsent(m)) continue;
    const nulls = await conn.runAndReadAll(`SELECT DISTINCT freq, period FROM ${dataset} WHERE ${m} IS NULL AND status = 'published'`);
    for (const r of nulls.getRowObjectsJS()) {
      const i = shape.periods.findIndex((p) => p.freq === r.freq && p.id === r.period);
      if (i >= 0) template[i * nm + j] = NaN;
    }
  }

  const sk = `_pub_${dataset}_series`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${sk} AS
    SELECT ${keys.join(', ')}, (row_number() OVER (ORDER BY ${keys.join(', ')}) - 1)::INTEGER AS sid FROM (SELECT DISTINCT ${keys.join(', ')} FROM ${dataset})`);
  try {
    const names = (await conn.runAndReadAll(`SELECT ${keys.join(', ')} FROM ${sk} ORDER BY sid`)).getRows().map((r) => r.map(String));
    const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${dataset} JOIN (VALUES ${periodIndex}) p(freq, period, idx) USING (freq, period)`)).getRows()[0]![0]);
    const st = `CASE d.status WHEN 'primary' THEN ${SeriesStatus.primary} WHEN 'secondary' THEN ${SeriesStatus.secondary} ELSE ${SeriesStatus.published} END`;
    const cols = await readColumns(conn, `
      SELECT s.sid, p.idx, ${st}::UTINYINT,
        ${measures.map((m) => `CASE WHEN d.status = 'published' THEN coalesce(d.${m}::DOUBLE, 'NaN'::DOUBLE) ELSE 'NaN'::DOUBLE END`).join(',\n        ')}
      FROM ${dataset} d JOIN (VALUES ${periodIndex}) p(freq, period, idx) USING (freq, period) JOIN ${sk} s USING (${keys.join(', ')})
      ORDER BY s.sid, p.idx`, rows, ['int32', 'int32', 'uint8', ...measures.map(() => 'float64' as const)]);
    const [sid, idx, status, ...vals] = cols as [Int32Array, Int32Array, Uint8Array, ...Float64Array[]];
    const out = { ...none, series: [] as SeriesRow[], cells: rows };
    for (let r = 0; r < rows; ) {
      const s = sid[r]!;
      const values = template.slice();
      const stat = new Uint8Array(np); // absent periods: published zeros
      for (; r < rows && sid[r] === s; r++) {
        const i = idx[r]!;
        stat[i] = status[r]!;
        if (stat[i] === SeriesStatus.primary) out.primary++;
        if (stat[i] === SeriesStatus.secondary) out.secondary++;
        for (let j = 0; j < nm; j++) values[i * nm + j] = vals[j]![r]!;
      }
      const [area, ...dims] = names[s]!;
      out.series.push({ area: area!, dims, values: encodeValues(values), status: stat });
    }
    return out;
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${sk}`);
  }
}
