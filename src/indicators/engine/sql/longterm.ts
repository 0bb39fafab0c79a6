/**
 * longterm (gross_unemployed, a_dagpenge, kontanthjaelp_jobparat): a person counts in week w
 * when gross unemployed in w and in at least 42 of the 52 weeks ending with w; the week's
 * group and municipality place them. The 52-week count is a RANGE window over the person's
 * gross weeks — only for persons with ≥ 42 gross weeks at all.
 * Censoring: published only for periods starting ≥ 51 weeks after the first week.
 */
import { benefitCode, groupCodes } from './load.js';
import { additiveSql, distinctPersonsSql } from './rollup.js';
import { labelled, toAreasSql } from './cube.js';
import { longtermFundSql } from './akasse.js';

const longtermBenefits = ['gross_unemployed', 'a_dagpenge', 'kontanthjaelp_jobparat'];

/**
 * With funds (a_kasse.parquet present), each long-term week is also placed in the person's fund
 * that week (the gross segments cut by fund, ak_seg in akasse.ts): lt_wf(p, k, g, f, m, …) and the
 * fund cells lt_ak; lt_w is then its sum over funds, the same numbers.
 */
export function longtermSql(hasFunds = false): string[] {
  const gross = [groupCodes.get('a_dagpenge')!, groupCodes.get('kontanthjaelp_jobparat')!].join(', ');
  const lb = longtermBenefits.map(benefitCode).join(', ');
  // With funds the gross weeks come from ak_seg (the same segments, cut where the fund changes).
  const weeks = `gs AS (${hasFunds ? 'SELECT * FROM ak_seg' : `SELECT * FROM seg WHERE g IN (${gross})`}),
     gw AS (SELECT p, k, g, ${hasFunds ? 'f, ' : ''}unnest(range(ws, we + 1))::INTEGER AS w FROM gs
            WHERE p IN (SELECT p FROM gs GROUP BY p HAVING sum(we - ws + 1) >= 42)),
     c AS (SELECT *, count(*) OVER (PARTITION BY p ORDER BY w RANGE BETWEEN 51 PRECEDING AND CURRENT ROW) AS n52 FROM gw)`;
  const perWeek = hasFunds
    ? [
        `CREATE OR REPLACE TABLE lt_wf AS
         WITH ${weeks}
         SELECT c.p, c.k, c.g, c.f, mo.mi AS m, count(*)::BIGINT AS longterm_person_weeks
         FROM c JOIN months mo ON c.w BETWEEN mo.first_w AND mo.last_w WHERE n52 >= 42 GROUP BY ALL`,
        `CREATE OR REPLACE TABLE lt_w AS SELECT p, k, g, m, sum(longterm_person_weeks)::BIGINT AS longterm_person_weeks FROM lt_wf GROUP BY ALL`,
        ...longtermFundSql(),
        `DROP TABLE lt_wf`,
      ]
    : [
        `CREATE OR REPLACE TABLE lt_w AS
         WITH ${weeks}
         SELECT c.p, c.k, c.g, mo.mi AS m, count(*)::BIGINT AS longterm_person_weeks
         FROM c JOIN months mo ON c.w BETWEEN mo.first_w AND mo.last_w WHERE n52 >= 42 GROUP BY ALL`,
        `CREATE OR REPLACE TABLE lt_ak (ac SMALLINT, bc UTINYINT, pid INTEGER, bdv UTINYINT, longterm_person_weeks HUGEINT, longterm_persons HUGEINT, gross_persons HUGEINT)`,
      ];
  return [
    ...perWeek,
    ...additiveSql('lt_a_fine', 'lt_w', ['k', 'g'], ['longterm_person_weeks']),
    toAreasSql('lt_a', 'lt_a_fine', ['pid', 'bdv'], ['longterm_person_weeks']),
    `CREATE OR REPLACE TABLE lt_p_src AS
     SELECT p, k, bc, m AS m1, m AS m2 FROM lt_w JOIN bmap USING (g) WHERE bc IN (${lb})`,
    ...distinctPersonsSql('lt_p', 'lt_p_src', [], { points: true }),
    `CREATE OR REPLACE TABLE longterm AS
     SELECT area, benefit, freq, period, breakdown, breakdown_value,
            coalesce(longterm_person_weeks, 0) / weeks AS longterm_fulltime,
            coalesce(longterm_persons, 0)::BIGINT AS longterm_persons,
            coalesce(gross_persons, 0)::BIGINT AS gross_persons,
            CASE WHEN gross_persons > 0 THEN 100 * coalesce(longterm_persons, 0) / gross_persons END::DOUBLE AS longterm_share,
            coalesce(longterm_person_weeks, 0)::BIGINT AS longterm_person_weeks
     FROM ${labelled(`(SELECT ac, bc, pid, bdv, sum(longterm_person_weeks) AS longterm_person_weeks,
                         sum(longterm_persons) AS longterm_persons, sum(gross_persons) AS gross_persons
                       FROM (SELECT * FROM lt_a WHERE bc IN (${lb})
                             UNION ALL BY NAME SELECT ac, bc, pid, bdv, persons AS longterm_persons FROM lt_p
                             UNION ALL BY NAME SELECT ac, bc, pid, bdv, persons AS gross_persons FROM vol_cells WHERE bc IN (${lb})
                             UNION ALL BY NAME SELECT * FROM lt_ak)
                       GROUP BY ALL)`, 'first_w >= 51')}`,
  ];
}
