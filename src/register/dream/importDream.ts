/**
 * DREAM importer: converts a wide DREAM extract (one row per person, `y_ÅÅUU` week columns
 * with numeric codes; layout in layout.ts) into register.parquet, persons.parquet and an empty
 * activities.parquet of the register spec. CSV (comma or semicolon, detected from the header)
 * or Parquet (by the `.parquet` extension).
 *
 * With `funds` (an a-kasse mapping, see funds.ts) it also writes a_kasse.parquet (person_id,
 * a_kasse, from_week, to_week); without it any a_kasse.parquet of an earlier register in `outDir`
 * is removed, so the statistics have no a-kasse breakdown rather than a stale one.
 *
 * Everything is validated while reading; output is written to a temporary directory next to
 * `outDir` and moved into place only when the whole file was accepted, so an error leaves
 * `outDir` untouched. Weeks in which the person was not 16–66 are left out, as the register
 * holds only those weeks.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse';
import { closeAndRemove, openScratch } from '../scratch.js';
import type { DuckDBAppender, DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import { birthdayDay, mondayOfWeekIndex } from '../weeks.js';
import { readFundMap, type FundMembership } from './funds.js';
import { BENEFIT_IDS, DreamError, detectDelimiter, readCode, readCodeMap, readHeader, readMunicipality, readPerson, type Header } from './layout.js';


interface ImportDreamOptions {
  /** The DREAM extract (.csv or .parquet). */
  file: string;
  /** The code map (MAP.csv: code,benefit). */
  codes: string;
  outDir: string;
  /** Optional a-kasse mapping (CSV: person_id,a_kasse[,from_week,to_week]; see funds.ts). */
  funds?: string;
  onProgress?: (p: { stage: string; done: number; total: number }) => void;
}

interface ImportDreamResult {
  persons: number;
  /** Person-weeks written to register.parquet. */
  rows: number;
  /** Person-weeks with a benefit dropped because the person was not 16–66 that week. */
  droppedOutsideAge: number;
  /** With a mapping: memberships written to a_kasse.parquet, and rows left out because their person is not in the extract. */
  memberships?: number;
  membershipsUnknownPerson?: number;
}

const optionsSchema = z.object({ file: z.string().min(1), codes: z.string().min(1), outDir: z.string().min(1), funds: z.string().min(1).optional() });
const PROGRESS_EVERY = 50_000;

/** Imports a DREAM extract into a register directory (see the module comment). */
export async function importDream(opts: ImportDreamOptions): Promise<ImportDreamResult> {
  const o = optionsSchema.parse(opts);
  const name = basename(o.file);
  if (!existsSync(o.file)) throw new DreamError(`Filen ${name} findes ikke (${o.file}).`);
  const codes = readCodeMap(o.codes);
  const funds = o.funds === undefined ? null : readFundMap(o.funds);
  const progress = opts.onProgress ?? (() => {});
  const tmp = join(dirname(o.outDir), `.${basename(o.outDir)}.import-${process.pid}`);
  const { inst, con } = await openScratch(tmp);
  try {
    await con.run(`CREATE TABLE seg (person_id INTEGER, start INTEGER, n INTEGER, municipality SMALLINT, state UTINYINT);
      CREATE TABLE per (person_id INTEGER, birth INTEGER, gender VARCHAR, origin VARCHAR);`);
    const sink = new Sink(await con.createAppender('seg'), await con.createAppender('per'), codes);
    const isParquet = /\.parquet$/i.test(o.file);
    if (isParquet) await readParquet(o.file, con, sink, progress);
    else await readCsv(o.file, sink, progress);
    sink.close();
    const out = (f: string): string => join(tmp, f).replaceAll("'", "''");
    const order = sink.sorted ? '' : 'ORDER BY person_id, week';
    progress({ stage: 'DREAM: skriver registeret', done: 0, total: 1 });
    await con.run(`COPY (SELECT person_id, (DATE '1970-01-05' + (7 * (start + unnest(range(n))))::INTEGER) AS week, municipality,
        [${BENEFIT_IDS.map((b) => `'${b}'`).join(', ')}][state + 1] AS benefit FROM seg ${order})
        TO '${out('register.parquet')}' (FORMAT parquet, COMPRESSION zstd)`);
    await con.run(`COPY (SELECT person_id, (DATE '1970-01-01' + birth) AS birth_date, gender, origin FROM per ORDER BY person_id)
        TO '${out('persons.parquet')}' (FORMAT parquet)`);
    await con.run(`COPY (SELECT NULL::INTEGER AS person_id, NULL::VARCHAR AS kind, NULL::DATE AS due_week, NULL::DATE AS start_week,
        NULL::DATE AS end_week WHERE false) TO '${out('activities.parquet')}' (FORMAT parquet)`);
    const fundCounts = funds ? await writeFunds(con, funds, sink, out('a_kasse.parquet')) : null;
    const rows = Number((await con.runAndReadAll('SELECT coalesce(sum(n), 0) FROM seg')).getRows()[0]![0]);
    con.closeSync();
    inst.closeSync();
    mkdirSync(o.outDir, { recursive: true });
    for (const f of readdirSync(tmp).filter((f) => f.endsWith('.parquet'))) renameSync(join(tmp, f), join(o.outDir, f));
    if (!funds) rmSync(join(o.outDir, 'a_kasse.parquet'), { force: true });
    progress({ stage: 'DREAM: skriver registeret', done: 1, total: 1 });
    return { persons: sink.persons, rows, droppedOutsideAge: sink.dropped, ...(fundCounts ?? {}) };
  } finally {
    closeAndRemove(con, inst, tmp);
  }
}

/** Writes the memberships of the extract's persons to a_kasse.parquet; counts those of other persons. */
async function writeFunds(
  con: Awaited<ReturnType<DuckDBInstance['connect']>>,
  funds: FundMembership[],
  sink: Sink,
  file: string,
): Promise<{ memberships: number; membershipsUnknownPerson: number }> {
  await con.run(`CREATE TABLE mem (person_id INTEGER, a_kasse VARCHAR, from_day INTEGER, to_day INTEGER)`);
  const a = await con.createAppender('mem');
  let written = 0;
  for (const m of funds) {
    if (!sink.has(m.personId)) continue;
    a.appendInteger(m.personId);
    a.appendVarchar(m.fund);
    for (const d of [m.from, m.to]) {
      if (d === null) a.appendNull();
      else a.appendInteger(d);
    }
    a.endRow();
    written++;
  }
  a.closeSync();
  await con.run(`COPY (SELECT person_id, a_kasse, (DATE '1970-01-01' + from_day) AS from_week, (DATE '1970-01-01' + to_day) AS to_week
      FROM mem ORDER BY person_id, from_day NULLS FIRST) TO '${file}' (FORMAT parquet)`);
  return { memberships: written, membershipsUnknownPerson: funds.length - written };
}

/** Turns validated rows into run-length segments (same week run, state and municipality) and appends them. */
class Sink {
  persons = 0;
  dropped = 0;
  sorted = true;
  private lastId = 0;
  private readonly seen = new Set<number>();
  constructor(
    private readonly seg: DuckDBAppender,
    private readonly per: DuckDBAppender,
    private readonly codes: Map<number, number>,
  ) {}

  row(values: readonly string[], h: Header, where: string): void {
    const p = readPerson(values, h, where);
    if (this.seen.has(p.personId)) throw new DreamError(`person_id ${p.personId} står der mere end én gang (igen i ${where}).`);
    this.seen.add(p.personId);
    if (p.personId < this.lastId) this.sorted = false;
    this.lastId = p.personId;
    this.persons++;
    this.per.appendInteger(p.personId);
    this.per.appendInteger(p.birth);
    this.per.appendVarchar(p.gender);
    this.per.appendVarchar(p.origin);
    this.per.endRow();
    const from16 = birthdayDay(p.birth, 16);
    const to67 = birthdayDay(p.birth, 67);
    let runStart = -1;
    let runState = 0;
    let runMuni = 0;
    let prevWeek = -2;
    const flush = (endWeek: number): void => {
      if (runState !== 0) this.segment(p.personId, runStart, endWeek - runStart, runMuni, runState);
      runState = 0;
    };
    for (const w of h.weeks) {
      // Every cell is validated, also those outside the age range.
      const state = readCode(values[w.col] ?? '', w.name, where, this.codes);
      const kom = w.kom >= 0 ? readMunicipality(values[w.kom] ?? '', `kom_${w.name.slice(2)}`, where, true) : null;
      const monday = mondayOfWeekIndex(w.week);
      let s = state;
      if (s !== 0 && (monday < from16 || monday >= to67)) {
        this.dropped++;
        s = 0;
      }
      const muni = kom ?? p.municipality;
      if (s !== runState || muni !== runMuni || w.week !== prevWeek + 1) {
        flush(prevWeek + 1);
        runStart = w.week;
        runState = s;
        runMuni = muni;
      }
      prevWeek = w.week;
    }
    flush(prevWeek + 1);
  }

  private segment(pid: number, start: number, n: number, muni: number, state: number): void {
    this.seg.appendInteger(pid);
    this.seg.appendInteger(start);
    this.seg.appendInteger(n);
    this.seg.appendSmallInt(muni);
    this.seg.appendUTinyInt(state);
    this.seg.endRow();
  }

  has(personId: number): boolean {
    return this.seen.has(personId);
  }

  close(): void {
    this.seg.closeSync();
    this.per.closeSync();
  }
}

async function readCsv(file: string, sink: Sink, progress: NonNullable<ImportDreamOptions['onProgress']>): Promise<void> {
  const name = basename(file);
  const firstLine = await readFirstLine(file);
  const parser = createReadStream(file).pipe(
    parse({ delimiter: detectDelimiter(firstLine), bom: true, info: true, skip_empty_lines: true, relax_column_count: false }),
  );
  let header: Header | null = null;
  let width = 0;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = readHeader(rec.record, file);
        width = rec.record.length;
        continue;
      }
      const where = `linje ${rec.info.lines} i fil ${name}`;
      if (rec.record.length !== width) throw new DreamError(`Forkert antal felter (${rec.record.length}, forventet ${width}), ${where}.`);
      sink.row(rec.record, header, where);
      if (sink.persons % PROGRESS_EVERY === 0) progress({ stage: 'DREAM: læser personer', done: sink.persons, total: 0 });
    }
  } catch (err) {
    if (err instanceof DreamError) throw err;
    const lines = (err as { lines?: number }).lines;
    throw new DreamError(`Filen ${name} kan ikke læses som CSV${lines ? ` (linje ${lines})` : ''}: ${(err as Error).message}`);
  }
  if (!header) throw new DreamError(`Filen ${name} er tom.`);
  progress({ stage: 'DREAM: læser personer', done: sink.persons, total: sink.persons });
}

async function readFirstLine(file: string): Promise<string> {
  for await (const chunk of createReadStream(file, { end: 1 << 16, encoding: 'utf8' })) return String(chunk).split(/\r?\n/, 1)[0] ?? '';
  return '';
}

async function readParquet(
  file: string,
  con: Awaited<ReturnType<DuckDBInstance['connect']>>,
  sink: Sink,
  progress: NonNullable<ImportDreamOptions['onProgress']>,
): Promise<void> {
  const name = basename(file);
  const path = file.replaceAll("'", "''");
  let columns: string[];
  try {
    columns = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)).getRows().map((r) => String(r[0]));
  } catch (err) {
    throw new DreamError(`Filen ${name} kan ikke læses som Parquet: ${(err as Error).message}`);
  }
  const header = readHeader(columns, file);
  // Everything as text, so CSV and Parquet share one validation; dates come out as YYYY-MM-DD.
  const result = await con.stream(`SELECT ${columns.map((c) => `CAST("${c.replaceAll('"', '""')}" AS VARCHAR)`).join(', ')} FROM read_parquet('${path}')`);
  let rowNo = 0;
  for await (const rows of result.yieldRowsJs()) {
    for (const r of rows) {
      rowNo++;
      sink.row(r.map((v) => (v === null || v === undefined ? '' : String(v))), header, `række ${rowNo} i fil ${name}`);
    }
    progress({ stage: 'DREAM: læser personer', done: sink.persons, total: 0 });
  }
  progress({ stage: 'DREAM: læser personer', done: sink.persons, total: sink.persons });
}
