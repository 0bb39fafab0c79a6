/**
 * Synthetic register generator: simulates persons in JS batches (simulate.ts), hands compact
 * spell segments to DuckDB through appenders, and lets DuckDB expand them to person-weeks
 * and write the parquet files of docs/measures.md.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { closeAndRemove, openScratch } from '../scratch.js';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { formatDay, parseMonth, weeksOfMonths } from '../weeks.js';
import { newBatch, type Batch } from './buffers.js';
import { buildConditions, NEVER_HELD, ON_TIME, plantEffects, type LateJobcenter, type PlantedEffect } from './conditions.js';
import { unemploymentFunds } from '../../reference/index.js';
import { DAGPENGE_MAX_WEEKS, EFTERLON, SICK_REVIEW_WEEK, SICK_TO_JAF, STATES } from './model.js';
import { POP_BANDS, Simulator } from './simulate.js';

/** Progress of a long-running step. */
interface Progress {
  stage: string;
  done: number;
  total: number;
}

interface GenerateOptions {
  /** Residents aged 16–66 at the start of `from` (the population stays roughly this size). */
  persons: number;
  /** First month `YYYY-MM`. */
  from: string;
  /** Last month `YYYY-MM`. */
  to: string;
  seed: number;
  outDir: string;
  onProgress?: (p: Progress) => void;
}

export interface GenerateSummary {
  /** Distinct persons in persons.parquet (residents at the start plus those turning 16 later). */
  persons: number;
  registerRows: number;
  activityRows: number;
  firstWeek: string;
  lastWeek: string;
  weeks: number;
  seconds: number;
}

/** The content of truth.json: what was planted, for checking the benchmarking. */
export interface Truth {
  seed: number;
  persons: number;
  from: string;
  to: string;
  planted: PlantedEffect[];
  lateInterviewJobcenters: LateJobcenter[];
  model: Record<string, unknown>;
}

const optionsSchema = z.object({
  persons: z.number().int().min(1).max(20_000_000),
  from: z.string().regex(/^\d{4}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}$/),
  seed: z.number().int(),
  outDir: z.string().min(1),
});

const BATCH_PERSONS = 100_000;
const OFFER_KINDS = ['interview', 'virksomhedspraktik', 'loentilskud', 'vejledning_opkvalificering'];
const sqlList = (xs: readonly string[]): string => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
const weekDate = (col: string): string => `(DATE '1970-01-05' + (7 * ${col})::INTEGER)`;

/** Generates a synthetic register for Denmark into `outDir` (see the register spec). */
export async function generate(opts: GenerateOptions): Promise<GenerateSummary> {
  const o = optionsSchema.parse(opts);
  parseMonth(o.from);
  parseMonth(o.to);
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => {});
  const { first, last, firstMonday, lastMonday } = weeksOfMonths(o.from, o.to);
  const years: number[] = [];
  for (let y = parseMonth(o.from).year; y <= parseMonth(o.to).year; y++) years.push(y);
  const conditions = buildConditions();
  const { planted, late } = plantEffects(o.seed);
  const sim = new Simulator({ seed: o.seed, w0: first, w1: last, years, conditions, planted, lateJobcenters: new Set(late.map((l) => l.jobcenter)) }, o.persons);

  mkdirSync(o.outDir, { recursive: true });
  // truth.json marks a complete register (the server reuses a directory that has one), so it goes first and comes back last.
  rmSync(join(o.outDir, 'truth.json'), { force: true });
  const tmp = join(o.outDir, `.generate-${process.pid}`);
  const { inst, con } = await openScratch(tmp);
  try {
    await con.run(`CREATE TABLE seg (person_id INTEGER, start INTEGER, n INTEGER, municipality SMALLINT, state UTINYINT);
      CREATE TABLE act (person_id INTEGER, kind UTINYINT, due INTEGER, start INTEGER, "end" INTEGER);
      CREATE TABLE per (person_id INTEGER, birth INTEGER, gender UTINYINT, origin UTINYINT);
      CREATE TABLE mem (person_id INTEGER, fund UTINYINT, "from" INTEGER, "to" INTEGER);`);
    const apps = {
      seg: await con.createAppender('seg'), act: await con.createAppender('act'), per: await con.createAppender('per'), mem: await con.createAppender('mem'),
    };
    const batch = newBatch();
    for (let start = 1; start <= sim.nTotal; start += BATCH_PERSONS) {
      const end = Math.min(sim.nTotal, start + BATCH_PERSONS - 1);
      for (let pid = start; pid <= end; pid++) sim.person(pid, batch);
      appendBatch(batch, apps);
      progress({ stage: 'Register: simulerer personer', done: end, total: sim.nTotal });
    }
    for (const a of Object.values(apps)) a.closeSync();

    const out = (f: string): string => join(tmp, f).replaceAll("'", "''");
    progress({ stage: 'Register: skriver parquet', done: 0, total: 5 });
    // Segments were appended in person order and, within a person, in time order; DuckDB preserves
    // insertion order through unnest and COPY, so no 200 M-row sort is needed.
    await con.run(`COPY (
        SELECT person_id, ${weekDate('(start + unnest(range(n)))')} AS week, municipality,
               ${sqlList(STATES)}[state + 1] AS benefit
        FROM seg) TO '${out('register.parquet')}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`);
    progress({ stage: 'Register: skriver parquet', done: 1, total: 5 });
    await con.run(`COPY (SELECT person_id, (DATE '1970-01-01' + birth) AS birth_date, ['K', 'M'][gender + 1] AS gender,
        ['dansk', 'vestlig', 'ikke-vestlig'][origin + 1] AS origin FROM per ORDER BY person_id) TO '${out('persons.parquet')}' (FORMAT parquet)`);
    progress({ stage: 'Register: skriver parquet', done: 2, total: 5 });
    await con.run(`COPY (SELECT person_id, ${sqlList(OFFER_KINDS)}[kind + 1] AS kind,
        CASE WHEN due >= 0 THEN ${weekDate('due')} END AS due_week, CASE WHEN start >= 0 THEN ${weekDate('start')} END AS start_week,
        CASE WHEN "end" >= 0 THEN ${weekDate('"end"')} END AS end_week
        FROM act ORDER BY person_id, coalesce(due, start), kind) TO '${out('activities.parquet')}' (FORMAT parquet)`);
    // A-kasse membership (docs/measures.md): open ends are null (before the first / after the last week).
    await con.run(`COPY (SELECT person_id, ${sqlList(unemploymentFunds.map((f) => f.id))}[fund + 1] AS a_kasse,
        CASE WHEN "from" >= 0 THEN ${weekDate('"from"')} END AS from_week, CASE WHEN "to" >= 0 THEN ${weekDate('"to"')} END AS to_week
        FROM mem ORDER BY person_id, "from") TO '${out('a_kasse.parquet')}' (FORMAT parquet)`);
    progress({ stage: 'Register: skriver parquet', done: 3, total: 5 });
    await writeConditions(con, conditions, out('conditions.parquet'));
    await writePopulation(con, sim, conditions.map((c) => c.code), years, out('population.parquet'));
    progress({ stage: 'Register: skriver parquet', done: 4, total: 5 });
    const count = async (sql: string): Promise<number> => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);
    const registerRows = await count(`SELECT sum(n) FROM seg`);
    const activityRows = await count(`SELECT count(*) FROM act`);
    con.closeSync();
    inst.closeSync();
    for (const f of ['register', 'persons', 'activities', 'a_kasse', 'conditions', 'population']) {
      const target = join(o.outDir, `${f}.parquet`);
      if (existsSync(target)) rmSync(target);
      renameSync(join(tmp, `${f}.parquet`), target);
    }
    const truth: Truth = {
      seed: o.seed, persons: o.persons, from: o.from, to: o.to, planted, lateInterviewJobcenters: late, model: modelDescription(sim.nTotal),
    };
    writeFileSync(join(o.outDir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
    progress({ stage: 'Register: skriver parquet', done: 5, total: 5 });
    return {
      persons: sim.nTotal, registerRows, activityRows, firstWeek: formatDay(firstMonday), lastWeek: formatDay(lastMonday),
      weeks: last - first + 1, seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  } finally {
    closeAndRemove(con, inst, tmp);
  }
}

function appendBatch(b: Batch, apps: { seg: DuckDBAppender; act: DuckDBAppender; per: DuckDBAppender; mem: DuckDBAppender }): void {
  const [sp, ss, sn, sm, st] = b.segments.cols as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < b.segments.n; i++) {
    const a = apps.seg;
    a.appendInteger(sp[i]!);
    a.appendInteger(ss[i]!);
    a.appendInteger(sn[i]!);
    a.appendSmallInt(sm[i]!);
    a.appendUTinyInt(st[i]!);
    a.endRow();
  }
  const [ap, ak, ad, as, ae] = b.activities.cols as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < b.activities.n; i++) {
    const a = apps.act;
    a.appendInteger(ap[i]!);
    a.appendUTinyInt(ak[i]!);
    for (const v of [ad[i]!, as[i]!, ae[i]!]) {
      if (v < 0) a.appendNull();
      else a.appendInteger(v);
    }
    a.endRow();
  }
  const [pp, pb, pg, po] = b.persons.cols as [Int32Array, Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < b.persons.n; i++) {
    const a = apps.per;
    a.appendInteger(pp[i]!);
    a.appendInteger(pb[i]!);
    a.appendUTinyInt(pg[i]!);
    a.appendUTinyInt(po[i]!);
    a.endRow();
  }
  const [mp, mf, ma, mb] = b.memberships.cols as [Int32Array, Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < b.memberships.n; i++) {
    const a = apps.mem;
    a.appendInteger(mp[i]!);
    a.appendUTinyInt(mf[i]!);
    a.appendInteger(ma[i]!);
    a.appendInteger(mb[i]!);
    a.endRow();
  }
  b.segments.clear();
  b.activities.clear();
  b.persons.clear();
  b.memberships.clear();
}

async function writeConditions(con: DuckDBConnection, rows: ReturnType<typeof buildConditions>, file: string): Promise<void> {
  await con.run(`CREATE TABLE cond (municipality SMALLINT, name VARCHAR, region_code SMALLINT, jobcenter VARCHAR, population_16_66 INTEGER,
    unemployment_level DOUBLE, risk_index DOUBLE, non_western_share DOUBLE, western_share DOUBLE, education_level DOUBLE, urban DOUBLE, is_urban BOOLEAN)`);
  const a = await con.createAppender('cond');
  for (const c of rows) {
    a.appendSmallInt(c.code);
    a.appendVarchar(c.name);
    a.appendSmallInt(c.regionCode);
    a.appendVarchar(c.jobcenter);
    a.appendInteger(c.population);
    a.appendDouble(c.unemploymentLevel);
    a.appendDouble(Math.round(c.risk * 1000) / 1000);
    a.appendDouble(Math.round(c.nonWesternShare * 1000) / 1000);
    a.appendDouble(Math.round(c.westernShare * 1000) / 1000);
    a.appendDouble(c.educationLevel);
    a.appendDouble(Math.round(c.urban * 1000) / 1000);
    a.appendBoolean(c.urban >= 0.5);
    a.endRow();
  }
  a.closeSync();
  await con.run(`COPY (SELECT * FROM cond ORDER BY municipality) TO '${file}' (FORMAT parquet)`);
}

async function writePopulation(con: DuckDBConnection, sim: Simulator, codes: number[], years: number[], file: string): Promise<void> {
  await con.run(`CREATE TABLE pop (municipality SMALLINT, year SMALLINT, gender VARCHAR, age_band VARCHAR, origin VARCHAR, population INTEGER, workforce INTEGER)`);
  const a = await con.createAppender('pop');
  const bands = POP_BANDS.slice(0, -1).map((lo, i) => `${lo}-${POP_BANDS[i + 1]! - 1}`);
  const origins = ['dansk', 'vestlig', 'ikke-vestlig'];
  const p = sim.population;
  let i = 0;
  for (let y = 0; y < years.length; y++)
    for (const code of codes)
      for (const g of ['K', 'M'])
        for (const band of bands)
          for (const origin of origins) {
            const n = p[i]!;
            const wf = p[i + 1]!;
            i += 2;
            if (n === 0) continue;
            a.appendSmallInt(code);
            a.appendSmallInt(years[y]!);
            a.appendVarchar(g);
            a.appendVarchar(band);
            a.appendVarchar(origin);
            a.appendInteger(n);
            a.appendInteger(wf);
            a.endRow();
          }
  a.closeSync();
  await con.run(`COPY (SELECT * FROM pop ORDER BY year, municipality, gender, age_band, origin) TO '${file}' (FORMAT parquet)`);
}

function modelDescription(totalPersons: number): Record<string, unknown> {
  return {
    description:
      'Semi-Markov life course from age 16: exponential entry hazards from self-support (age band × gender × origin × employability × municipality risk/education/urban, seasonal by thinning), log-normal spell durations, transition rows between the 13 groups and su. Planted jobcenters divide the durations of their category’s spells (by the municipality at spell start) by exit_rate_multiplier.',
    total_person_ids: totalPersons,
    burn_in: 'each person is simulated from their 16th birthday; only weeks inside the window are written',
    dagpenge_max_weeks: DAGPENGE_MAX_WEEKS,
    sickness: { review_week: SICK_REVIEW_WEEK, to_jobafklaring_share: SICK_TO_JAF },
    efterloen_take_share: EFTERLON.take,
    interviews: { first_due_weeks_after_start: 3, interval_weeks: 13, on_time: ON_TIME, never_held: NEVER_HELD },
    seasonality: 'unemployment entries peak mid-December (±45 %), sickness entries peak January (±30 %), su intake in August/February, su ends late June',
    moves: 'about 2–6 % a year (young more), 75 % within the region, destinations population-weighted',
  };
}
