import type { DuckDBConnection } from '@duckdb/node-api';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { commonKeys, datasets, type DatasetId, type Freq } from '../datasets.js';
import { insertDataset, insertRelease, insertSeries, insertTables, type SeriesRow } from './release.repository.js';
import type { DatasetShape, Release, ReleaseSummary } from './release.table.js';
import { encodeValues, SeriesStatus } from './series.js';

export interface PublishInput {
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

async function readSeries(conn: DuckDBConnection, dataset: DatasetId, extraKeys: string[], shape: DatasetShape) {
  const keys = [...commonKeys.filter((k) => k !== 'freq' && k !== 'period'), ...extraKeys];
  const measures = shape.measures.map((m) => m.id);
  const periodIndex = shape.periods.map((p, i) => `('${p.freq}', '${p.id}', ${i})`).join(', ');
  if (periodIndex === '') return { series: [], cells: 0, primary: 0, secondary: 0 };
  const nm = measures.length;
  const np = shape.periods.length;
  const zeroRow = measures.map((m) => (zeroWhenAbsent(m) ? 0 : NaN));
  // A count that is null in a period is censored there (docs/measures.md): absent cells of
  // that period get null too, not zero.
  const censored: number[] = []; // positions i × measures + j
  for (const [j, m] of measures.entries()) {
    if (!zeroWhenAbsent(m)) continue;
    const nulls = await conn.runAndReadAll(`SELECT DISTINCT freq, period FROM ${dataset} WHERE ${m} IS NULL AND status = 'published'`);
    for (const r of nulls.getRowObjectsJS()) {
      const i = shape.periods.findIndex((p) => p.freq === r.freq && p.id === r.period);
      if (i >= 0) censored.push(i * nm + j);
    }
  }
  let cells = 0;
  let primary = 0;
  let secondary = 0;
  // List aggregates cannot spill to disk: read the series a few areas at a time.
  const areaRows = (await conn.runAndReadAll(`SELECT DISTINCT area FROM ${dataset} ORDER BY area`)).getRowObjectsJS();
  const areas = areaRows.map((r) => String(r.area).replace(/'/g, "''"));
  const series: SeriesRow[] = [];
  for (let a = 0; a < areas.length; a += 16) {
    const chunk = areas.slice(a, a + 16).map((x) => `'${x}'`).join(', ');
    const result = await conn.runAndReadAll(`
      WITH p(freq, period, idx) AS (VALUES ${periodIndex})
      SELECT ${keys.join(', ')},
        list(p.idx ORDER BY p.idx) AS idx,
        list(CASE d.status WHEN 'primary' THEN ${SeriesStatus.primary} WHEN 'secondary' THEN ${SeriesStatus.secondary} ELSE ${SeriesStatus.published} END ORDER BY p.idx) AS st,
        ${measures.map((m) => `list(d.${m}::DOUBLE ORDER BY p.idx) AS ${m}`).join(',\n        ')}
      FROM ${dataset} d JOIN p USING (freq, period)
      WHERE d.area IN (${chunk})
      GROUP BY ALL
      ORDER BY ALL`);
    for (const row of result.getRowObjectsJS()) series.push(toSeries(row));
  }
  return { series, cells, primary, secondary };

  function toSeries(row: Record<string, unknown>): SeriesRow {
    const values = new Float64Array(np * nm);
    for (let i = 0; i < np; i++) values.set(zeroRow, i * nm);
    for (const pos of censored) values[pos] = NaN;
    const status = new Uint8Array(np); // absent periods: published zeros
    const idx = row.idx as number[];
    const st = row.st as number[];
    const cols = measures.map((m) => row[m] as (number | null)[]);
    idx.forEach((pi, k) => {
      cells++;
      status[pi] = st[k]!;
      if (st[k] === SeriesStatus.primary) primary++;
      if (st[k] === SeriesStatus.secondary) secondary++;
      for (let j = 0; j < nm; j++) {
        const v = st[k] === SeriesStatus.published ? cols[j]![k] : null;
        values[pi * nm + j] = v ?? NaN;
      }
    });
    return { area: row.area as string, dims: keys.slice(1).map((k) => String(row[k])), values: encodeValues(values), status };
  }
}
