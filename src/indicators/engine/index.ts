/**
 * The measure engine: register parquet files → one DuckDB table per dataset
 * (volume, flow, longterm, activation, timeliness, education), every area × benefit value ×
 * published period × breakdown with a non-zero value. See docs/measures.md; the SQL of each
 * measure lives in ./sql/<dataset>.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetId, Freq } from '../datasets.js';
import { buildCalendar, type Calendar } from './calendar.js';
import { personsSql, referenceSql, segmentSql } from './sql/load.js';
import { coreSql, volumeSql } from './sql/volume.js';
import { flowSql } from './sql/flow.js';
import { longtermSql } from './sql/longterm.js';
import { fundTimelineSql, noFundsSql, volumeFundSql } from './sql/akasse.js';
import { activationSql } from './sql/activation.js';
import { timelinessSql } from './sql/timeliness.js';
import { educationSql } from './sql/education.js';

export interface CubeInfo {
  firstWeek: string;
  cutoffWeek: string;
  /** Published periods per freq (every period whose weeks lie inside the register's range). */
  periods: Record<Freq, string[]>;
  /** Weeks in each published period, by label. */
  weeksInPeriod: Record<string, number>;
  rowCounts: Record<DatasetId, number>;
  /** Seconds per stage. */
  timings: Record<string, number>;
}

interface ComputeCubeOptions {
  conn: DuckDBConnection;
  registerDir: string;
  onProgress?: (p: { stage: string; done: number; total: number; detail?: string }) => void;
}

const stageNames: Record<string, string> = {
  load: 'indlæser registeret', volume: 'bestand', flow: 'tilgang og afgang', longterm: 'langtidsledighed',
  activation: 'aktivering', timeliness: 'rettidighed', education: 'uddannelse',
};
const datasetIds: DatasetId[] = ['volume', 'flow', 'longterm', 'activation', 'timeliness', 'education'];
/** Scratch tables dropped at the end. */
const scratch = [
  'seg', 'pers', 'amap', 'alabel', 'bmap', 'blabel', 'bdmap', 'bdlabel', 'months', 'periods', 'popc',
  'vol_w_src', 'vol_w_fine', 'vol_w_bd', 'vol_w', 'vol_p_src', 'vol_p_fine', 'vol_p', 'vol_cells',
  'ftl', 'ak_seg', 'vol_ak', 'lt_ak', 'bdmap_total',
  'fl_seg', 'fl_ev', 'fl_a_src', 'fl_a_fine', 'fl_a', 'fl_p_src', 'fl_p_fine', 'fl_p',
  'lt_w', 'lt_a_fine', 'lt_a_bd', 'lt_a', 'lt_p_src', 'lt_p_fine', 'lt_p',
  'act_off', 'act_piece', 'act_a_src', 'act_a_fine', 'act_a_bd', 'act_a', 'act_p_src', 'act_p_fine', 'act_p',
  'tl_src', 'tl_a_fine', 'tl_a_bd', 'tl_a', 'tl_p_src', 'tl_p_fine', 'tl_p',
  'ed_p_src', 'ed_p_fine', 'ed_p',
];

export async function computeCube(opts: ComputeCubeOptions): Promise<CubeInfo> {
  const { conn, registerDir } = opts;
  const file = (n: string) => join(registerDir, `${n}.parquet`).replace(/'/g, "''");
  const timings: Record<string, number> = {};
  const stages = ['load', ...datasetIds];
  const run = async (stage: string, sqls: string[]) => {
    opts.onProgress?.({ stage: 'Beregning', detail: stageNames[stage], done: stages.indexOf(stage), total: stages.length });
    const t0 = performance.now();
    for (const sql of sqls) {
      const t1 = performance.now();
      await conn.run(sql);
      if (process.env.ENGINE_TRACE) console.error(`${((performance.now() - t1) / 1000).toFixed(2)}s ${sql.replace(/\s+/g, " ").slice(0, 90)}`);
    }
    timings[stage] = (performance.now() - t0) / 1000;
  };

  const t0 = performance.now();
  const range = (await conn.runAndReadAll(`SELECT min(week)::VARCHAR AS f, max(week)::VARCHAR AS l FROM read_parquet('${file('register')}')`)).getRowObjectsJS()[0];
  if (!range?.f || !range.l) throw new Error(`registeret i ${registerDir} er tomt`);
  const cal: Calendar = buildCalendar(String(range.f), String(range.l));
  timings.range = (performance.now() - t0) / 1000;

  await run('load', [...referenceSql(cal), ...segmentSql(cal, file('register')), personsSql(file('persons'))]);
  const hasPop = existsSync(join(registerDir, 'population.parquet'));
  const hasAct = existsSync(join(registerDir, 'activities.parquet'));
  // The a-kasse breakdown exists only when the register has a membership file (docs/measures.md).
  const hasFunds = existsSync(join(registerDir, 'a_kasse.parquet'));
  const fundSql = hasFunds ? [...fundTimelineSql(cal, file('a_kasse')), ...volumeFundSql()] : noFundsSql();
  await run('volume', volumeSql(hasPop, file('population'), fundSql));
  await run('flow', flowSql(cal));
  await run('longterm', longtermSql(hasFunds));
  await run('activation', activationSql(cal, hasAct ? file('activities') : null));
  await run('timeliness', timelinessSql(cal, hasAct ? file('activities') : null));
  await run('education', educationSql(cal));
  opts.onProgress?.({ stage: 'Beregning', detail: 'færdig', done: stages.length, total: stages.length });

  const rowCounts = {} as Record<DatasetId, number>;
  for (const id of datasetIds) rowCounts[id] = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${id}`)).getRowObjectsJS()[0]!.n);
  for (const t of scratch) await conn.run(`DROP TABLE IF EXISTS ${t}`);

  const periods = { M: [], Q: [], Y: [], R: [] } as Record<Freq, string[]>;
  const weeksInPeriod: Record<string, number> = {};
  for (const p of [...cal.periods].sort((a, b) => a.pidx - b.pidx)) {
    periods[p.freq].push(p.label);
    weeksInPeriod[p.label] = p.weeks;
  }
  timings.total = (performance.now() - t0) / 1000;
  return { firstWeek: cal.firstWeek, cutoffWeek: cal.cutoffWeek, periods, weeksInPeriod, rowCounts, timings };
}

/**
 * The core measures only, through the engine's own path (segments): person-weeks,
 * full-time persons and distinct persons per municipality × benefit group × month, into
 * table `core(municipality, benefit, month, person_weeks, fulltime, persons)`. What the
 * benchmark times against PostgreSQL; equal to the volume dataset's cells at that level.
 */
export async function computeCore(conn: DuckDBConnection, registerDir: string): Promise<void> {
  const file = join(registerDir, 'register.parquet').replace(/'/g, "''");
  const range = (await conn.runAndReadAll(`SELECT min(week)::VARCHAR AS f, max(week)::VARCHAR AS l FROM read_parquet('${file}')`)).getRowObjectsJS()[0];
  if (!range?.f || !range.l) throw new Error(`registeret i ${registerDir} er tomt`);
  const cal = buildCalendar(String(range.f), String(range.l));
  for (const sql of [...referenceSql(cal), ...segmentSql(cal, file), coreSql()]) await conn.run(sql);
}

