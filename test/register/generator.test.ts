/** Properties of the synthetic register: shapes, ages, geography, durations, moves, seasonality, planted effects, determinism. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaById, municipalities } from '../../src/reference/index.js';
import { generate, type Truth } from '../../src/register/index.js';
import { num, query, tempDir } from './helpers.js';

const dirs: string[] = [];
let dir = '';
let truth: Truth;
const PERSONS = 300_000;
const reg = (): string => `'${dir}/register.parquet'`;

beforeAll(async () => {
  dir = tempDir('gen');
  dirs.push(dir);
  await generate({ persons: PERSONS, from: '2021-01', to: '2025-12', seed: 1, outDir: dir });
  truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Spells (runs of consecutive weeks on one benefit) with their first municipality and length. */
const spells = (): string => `(
  WITH r AS (SELECT *, week - INTERVAL 7 DAY <> coalesce(lag(week) OVER w, DATE '1900-01-01') AS st FROM ${reg()}
             WINDOW w AS (PARTITION BY person_id, benefit ORDER BY week)),
       s AS (SELECT *, sum(st::INT) OVER (PARTITION BY person_id, benefit ORDER BY week) AS sid FROM r)
  SELECT person_id, benefit, sid, count(*) AS n, min(week) AS first, max(week) AS last, arg_min(municipality, week) AS municipality
  FROM s GROUP BY person_id, benefit, sid)`;

describe('synthetic register', () => {
  it('writes the spec columns and types', async () => {
    const types = async (f: string): Promise<string> =>
      (await query(`DESCRIBE SELECT * FROM '${dir}/${f}.parquet'`)).map((r) => `${String(r.column_name)}:${String(r.column_type)}`).join(',');
    expect(await types('register')).toBe('person_id:INTEGER,week:DATE,municipality:SMALLINT,benefit:VARCHAR');
    expect(await types('persons')).toBe('person_id:INTEGER,birth_date:DATE,gender:VARCHAR,origin:VARCHAR');
    expect(await types('activities')).toBe('person_id:INTEGER,kind:VARCHAR,due_week:DATE,start_week:DATE,end_week:DATE');
    expect(await types('population')).toBe(
      'municipality:SMALLINT,year:SMALLINT,gender:VARCHAR,age_band:VARCHAR,origin:VARCHAR,population:INTEGER,workforce:INTEGER',
    );
    const cond = await query(`SELECT count(*) AS n, count(DISTINCT municipality) AS m FROM '${dir}/conditions.parquet'`);
    expect(num(cond[0]!.n)).toBe(98);
    expect(num(cond[0]!.m)).toBe(98);
  });

  it('is ordered by person and week, Mondays only, one row per person-week', async () => {
    const r = await query(`SELECT count(*) FILTER (WHERE NOT ok) AS bad, count(*) FILTER (WHERE dow <> 1) AS notmon FROM (
      SELECT (person_id, week) > lag((person_id, week)) OVER () AS ok, isodow(week) AS dow FROM ${reg()})`);
    expect(num(r[0]!.bad)).toBe(0);
    expect(num(r[0]!.notmon)).toBe(0);
  });

  it('holds only weeks in which the person is 16–66', async () => {
    const r = await query(`SELECT min(age) AS lo, max(age) AS hi FROM (
      SELECT year(week) - year(birth_date) - CASE WHEN (month(week), day(week)) < (month(birth_date), day(birth_date)) THEN 1 ELSE 0 END AS age
      FROM ${reg()} JOIN '${dir}/persons.parquet' USING (person_id))`);
    expect(num(r[0]!.lo)).toBe(16);
    expect(num(r[0]!.hi)).toBe(66);
  });

  it('spreads the population like approx_population_16_66 and keeps it stable', async () => {
    const pop = await query(`SELECT municipality, year, sum(population) AS p, sum(workforce) AS w FROM '${dir}/population.parquet' GROUP BY ALL`);
    const total = (y: number): number => pop.filter((r) => num(r.year) === y).reduce((s, r) => s + num(r.p), 0);
    expect(Math.abs(total(2021) / PERSONS - 1)).toBeLessThan(0.03);
    expect(Math.abs(total(2025) / total(2021) - 1)).toBeLessThan(0.03);
    const refTotal = municipalities.reduce((s, m) => s + m.approxPopulation, 0);
    for (const m of municipalities) {
      const got = num(pop.find((r) => num(r.municipality) === m.code && num(r.year) === 2021)?.p ?? 0) / total(2021);
      const want = m.approxPopulation / refTotal;
      expect(Math.abs(got - want)).toBeLessThan(0.001 + 0.12 * want);
    }
    const wf = pop.reduce((s, r) => s + num(r.w), 0) / pop.reduce((s, r) => s + num(r.p), 0);
    expect(wf).toBeGreaterThan(0.7);
    expect(wf).toBeLessThan(0.85);
  });

  it('has more non-western residents in Ishøj than in Lemvig', async () => {
    const r = await query(`SELECT municipality, sum(population) FILTER (WHERE origin = 'ikke-vestlig') / sum(population) AS nw
      FROM '${dir}/population.parquet' WHERE year = 2021 AND municipality IN (183, 665) GROUP BY 1`);
    const nw = (code: number): number => num(r.find((x) => num(x.municipality) === code)!.nw);
    expect(nw(183)).toBeGreaterThan(0.2);
    expect(nw(665)).toBeLessThan(0.08);
  });

  it('has realistic durations', async () => {
    const r = await query(`SELECT benefit, median(n) AS med, count(*) FILTER (WHERE n >= 52) AS long FROM ${spells()}
      WHERE first > DATE '2021-01-04' GROUP BY benefit`);
    const get = (b: string): Record<string, unknown> => r.find((x) => x.benefit === b)!;
    expect(num(get('sygedagpenge').med)).toBeLessThan(num(get('foertidspension').med));
    expect(num(get('sygedagpenge').med)).toBeLessThan(8);
    expect(num(get('a_dagpenge').long)).toBeGreaterThan(0);
  });

  it('moves some persons between municipalities', async () => {
    const r = await query(`SELECT count(*) FILTER (WHERE m > 1) AS movers, count(*) AS n FROM (
      SELECT person_id, count(DISTINCT municipality) AS m FROM ${reg()} GROUP BY 1)`);
    const share = num(r[0]!.movers) / num(r[0]!.n);
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.3);
  });

  it('shows seasonality: more dagpenge in January than in August', async () => {
    const r = await query(`SELECT month(week + INTERVAL 3 DAY) AS m, count(*) / count(DISTINCT week) AS ft FROM ${reg()}
      WHERE benefit = 'a_dagpenge' GROUP BY 1`);
    const ft = (m: number): number => num(r.find((x) => num(x.m) === m)!.ft);
    expect(ft(1)).toBeGreaterThan(ft(8) * 1.1);
  });

  it('writes consistent activities', async () => {
    const r = await query(`SELECT
        count(*) FILTER (WHERE kind <> 'interview' AND (due_week IS NOT NULL OR end_week < start_week)) AS bad_offer,
        count(*) FILTER (WHERE kind = 'interview' AND (due_week IS NULL OR end_week IS DISTINCT FROM start_week)) AS bad_interview,
        count(*) FILTER (WHERE kind = 'interview') AS interviews,
        count(*) FILTER (WHERE kind = 'interview' AND start_week <= due_week) AS on_time
      FROM '${dir}/activities.parquet'`);
    expect(num(r[0]!.bad_offer)).toBe(0);
    expect(num(r[0]!.bad_interview)).toBe(0);
    const onTime = num(r[0]!.on_time) / num(r[0]!.interviews);
    expect(onTime).toBeGreaterThan(0.7);
    expect(onTime).toBeLessThan(0.95);
    const overlap = await query(`SELECT count(*) AS n FROM (SELECT start_week, lag(end_week) OVER (PARTITION BY person_id ORDER BY start_week) AS prev_end
      FROM '${dir}/activities.parquet' WHERE kind <> 'interview') WHERE start_week <= prev_end`);
    expect(num(overlap[0]!.n)).toBe(0);
    const rate = await query(`WITH o AS (SELECT person_id, unnest(range(start_week, end_week + INTERVAL 1 DAY, INTERVAL 7 DAY))::DATE AS week
        FROM '${dir}/activities.parquet' WHERE kind <> 'interview')
      SELECT count(o.week) / count(*) AS rate FROM ${reg()} r LEFT JOIN o USING (person_id, week) WHERE r.benefit = 'a_dagpenge'`);
    expect(num(rate[0]!.rate)).toBeGreaterThan(0.08);
    expect(num(rate[0]!.rate)).toBeLessThan(0.25);
  });

  it('records planted jobcenters that exist and are reflected in spell lengths', async () => {
    expect(truth.planted.filter((p) => p.size === 'serious')).toHaveLength(15);
    expect(truth.planted.filter((p) => p.size === 'moderate')).toHaveLength(8);
    for (const p of [...truth.planted, ...truth.lateInterviewJobcenters]) expect(areaById.get(p.jobcenter)?.level).toBe('jobcenter');
    const munis = (dir: 'better' | 'worse'): number[] =>
      truth.planted.filter((p) => p.category === 'dagpenge' && p.direction === dir).flatMap((p) => areaById.get(p.jobcenter)!.municipalities);
    const plantedDagpenge = [...munis('worse'), ...munis('better')];
    const mean = async (codes: number[], not = false): Promise<number> =>
      num((await query(`SELECT avg(n) AS m FROM ${spells()} WHERE benefit = 'a_dagpenge' AND first > DATE '2021-01-04'
        AND last < DATE '2025-12-22' AND municipality ${not ? 'NOT' : ''} IN (${codes.join(',')})`))[0]!.m);
    const worse = await mean(munis('worse'));
    const better = await mean(munis('better'));
    const others = await mean(plantedDagpenge, true);
    expect(worse).toBeGreaterThan(others * 1.1);
    expect(better).toBeLessThan(others * 0.92);
  });

  it('is deterministic in the seed', async () => {
    const run = async (seed: number): Promise<string> => {
      const d = tempDir('det');
      dirs.push(d);
      await generate({ persons: 5000, from: '2024-01', to: '2024-06', seed, outDir: d });
      const h = async (f: string, cols: string): Promise<string> =>
        String((await query(`SELECT count(*) || ':' || sum(hash(${cols})) AS h FROM '${d}/${f}.parquet'`))[0]!.h);
      return [
        await h('register', 'person_id, week, municipality, benefit'),
        await h('persons', 'person_id, birth_date, gender, origin'),
        await h('activities', 'person_id, kind, due_week, start_week, end_week'),
        await h('population', 'municipality, year, gender, age_band, origin, population, workforce'),
        readFileSync(join(d, 'truth.json'), 'utf8'),
      ].join('|');
    };
    const a = await run(11);
    expect(await run(11)).toBe(a);
    expect(await run(12)).not.toBe(a);
  });
});
