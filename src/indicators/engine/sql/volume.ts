/**
 * volume: persons, person_weeks, fulltime (= person-weeks ÷ weeks in the period),
 * pct_population / pct_workforce (fulltime ÷ population of the area, the period's year and
 * the cell's breakdown × 100).
 *
 * A week belongs to the month of its Thursday; segments are cut at those month boundaries.
 * Persons are distinct per area × benefit value: a person moving or changing group inside a
 * period counts once in each municipality/group and once in every aggregate (distinctPersonsSql).
 */
import { additiveSql, distinctPersonsSql } from './rollup.js';
import { labelled, toAreasSql } from './cube.js';
import { groupCodes, SU } from './load.js';

/** Benefit segments cut at month boundaries: `s` (segment, month `mi`) joined to `mo` (its month). */
const segmentMonths = `(SELECT p, k, g, ws, we, unnest(range(ms, me + 1))::INTEGER AS mi FROM seg WHERE g <> ${SU}) s JOIN months mo USING (mi)`;
/** The weeks of segment `s` inside month `mo`. */
const weeks = 'least(s.we, mo.last_w) - greatest(s.ws, mo.first_w) + 1';

/** Person-weeks, full-time and distinct persons per municipality × group × month (see computeCore). */
export function coreSql(): string {
  const labels = [...groupCodes].filter(([, c]) => c !== SU).map(([id, c]) => `(${c}, '${id}')`).join(', ');
  return `CREATE OR REPLACE TABLE core AS
    SELECT s.k AS municipality, gl.benefit, p.period AS month, sum(${weeks})::BIGINT AS person_weeks,
           sum(${weeks}) / any_value(p.weeks) AS fulltime, count(DISTINCT s.p) AS persons
    FROM ${segmentMonths} JOIN periods p ON p.pid = mo.mi JOIN (VALUES ${labels}) gl(g, benefit) ON gl.g = s.g
    GROUP BY ALL`;
}

/**
 * The volume dataset. Needs vol_ak (the a-kasse breakdown's cells, akasse.ts; empty without
 * a_kasse.parquet), made after vol_cells: the fund cells are not part of vol_cells, so activation
 * and the other datasets never get them.
 */
export function volumeSql(hasPopulation: boolean, populationFile: string, fundSql: string[]): string[] {
  return [
    // Person-weeks per person × municipality × group × month.
    `CREATE OR REPLACE TABLE vol_w_src AS
     SELECT s.p, s.k, s.g, s.mi AS m, sum(${weeks})::BIGINT AS person_weeks
     FROM ${segmentMonths}
     GROUP BY ALL`,
    ...additiveSql('vol_w_fine', 'vol_w_src', ['k', 'g'], ['person_weeks']),
    toAreasSql('vol_w', 'vol_w_fine', ['pid', 'bdv'], ['person_weeks']),
    // Distinct persons: each segment is active in the months of its first … last week.
    `CREATE OR REPLACE TABLE vol_p_src AS
     SELECT s.p, s.k, b.bc, s.ms AS m1, s.me AS m2 FROM seg s JOIN bmap b USING (g)`,
    ...distinctPersonsSql('vol_p', 'vol_p_src', []),
    // Cells by code, reused by activation (persons, person-weeks) and longterm (gross persons).
    `CREATE OR REPLACE TABLE vol_cells AS
     SELECT ac, bc, pid, bdv, coalesce(sum(persons), 0)::BIGINT AS persons, coalesce(sum(person_weeks), 0)::BIGINT AS person_weeks
     FROM (SELECT * FROM vol_p UNION ALL BY NAME SELECT * FROM vol_w) GROUP BY ALL`,
    ...fundSql,
    hasPopulation
      ? `CREATE OR REPLACE TABLE popc AS
         SELECT area, year, CASE WHEN GROUPING(gender) = 0 THEN 'gender' WHEN GROUPING(age_band) = 0 THEN 'age_band' WHEN GROUPING(origin) = 0 THEN 'origin' ELSE 'total' END AS breakdown,
                coalesce(CASE WHEN GROUPING(gender) = 0 THEN gender WHEN GROUPING(age_band) = 0 THEN age_band WHEN GROUPING(origin) = 0 THEN origin END, 'total') AS breakdown_value,
                sum(population) AS population, sum(workforce) AS workforce
         FROM read_parquet('${populationFile}') x JOIN amap a ON a.k = x.municipality JOIN alabel USING (ac)
         GROUP BY GROUPING SETS ((area, year), (area, year, gender), (area, year, age_band), (area, year, origin))`
      : `CREATE OR REPLACE TABLE popc (area VARCHAR, year INTEGER, breakdown VARCHAR, breakdown_value VARCHAR, population HUGEINT, workforce HUGEINT)`,
    `CREATE OR REPLACE TABLE volume AS
     SELECT x.area, x.benefit, x.freq, x.period, x.breakdown, x.breakdown_value,
            x.persons,
            x.person_weeks / x.weeks AS fulltime,
            CASE WHEN pc.workforce > 0 THEN 100 * x.person_weeks / x.weeks / pc.workforce END::DOUBLE AS pct_workforce,
            CASE WHEN pc.population > 0 THEN 100 * x.person_weeks / x.weeks / pc.population END::DOUBLE AS pct_population,
            x.person_weeks
     FROM ${labelled('(SELECT * FROM vol_cells UNION ALL BY NAME SELECT * FROM vol_ak)')} x
     LEFT JOIN popc pc ON pc.area = x.area AND pc.year = x.year AND pc.breakdown = x.breakdown AND pc.breakdown_value = x.breakdown_value`,
  ];
}
