/**
 * education: young people (15–29 on the last day of the period) whose spell of the benefit
 * value ends in the period (persons_ended), and of those the ones with an `su` row in one of
 * the 4 weeks after the spell (persons_to_education); education_rate = to_education ÷ ended × 100.
 * Reuses the flow's person rows (kinds 1 out / 3 to education), for persons under 30 at some
 * period end containing the month (t30 > month), counted by distinctPersonsSql restricted to age bands 16-24 and 25-29. The register holds only people
 * aged 16–66, so "15–29 at the period end" is the age bands 16-24 and 25-29.
 * Censoring: spells running in the cut-off week have not ended; to_education and the rate
 * are null for periods ending less than 4 weeks before the cut-off.
 */
import type { Calendar } from '../calendar.js';
import { distinctPersonsSql } from './rollup.js';
import { labelled } from './cube.js';

export function educationSql(cal: Calendar): string[] {
  const last = cal.nWeeks - 1;
  return [
    `CREATE OR REPLACE TABLE ed_p_src AS
     SELECT f.* FROM fl_p_src f JOIN pers pe USING (p) WHERE f.kind IN (1, 3) AND pe.t30 > f.m1`,
    ...distinctPersonsSql('ed_p_fine', 'ed_p_src', ['kind'], { points: true, young: true }),
    `CREATE OR REPLACE TABLE ed_p AS
     SELECT ac, bc, pid, bdv,
            sum(persons) FILTER (WHERE kind = 1) AS persons_ended, sum(persons) FILTER (WHERE kind = 3) AS persons_to_education
     FROM ed_p_fine GROUP BY ALL`,
    `CREATE OR REPLACE TABLE education AS
     SELECT area, benefit, freq, period, breakdown, breakdown_value,
            coalesce(persons_ended, 0)::BIGINT AS persons_ended,
            CASE WHEN last_w + 4 <= ${last} THEN coalesce(persons_to_education, 0) END::BIGINT AS persons_to_education,
            CASE WHEN last_w + 4 <= ${last} AND persons_ended > 0 THEN 100 * coalesce(persons_to_education, 0) / persons_ended END::DOUBLE AS education_rate
     FROM ${labelled('ed_p')}`,
  ];
}
