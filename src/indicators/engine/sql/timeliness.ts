/**
 * timeliness: interviews due in the period (by the Thursday rule on due_week), on time when
 * start_week ≤ due_week (never held = late). Area and benefit: the person's latest register
 * row at or before the due week — an ASOF JOIN on the segments (the latest segment starting
 * at or before the due week holds that row). Interviews with no earlier row are not placed.
 */
import type { Calendar } from '../calendar.js';
import { monthOf, weekIndex } from './load.js';
import { additiveSql, distinctPersonsSql } from './rollup.js';
import { labelled, toAreasSql } from './cube.js';

export function timelinessSql(cal: Calendar, activitiesFile: string | null): string[] {
  const src = activitiesFile
    ? `SELECT person_id AS p, ${weekIndex(cal, 'due_week')}::INTEGER AS due_w, coalesce(start_week <= due_week, FALSE) AS on_time
       FROM read_parquet('${activitiesFile}') WHERE kind = 'interview' AND due_week IS NOT NULL`
    : `SELECT NULL::INTEGER AS p, NULL::INTEGER AS due_w, NULL::BOOLEAN AS on_time WHERE FALSE`;
  return [
    `CREATE OR REPLACE TABLE tl_src AS
     SELECT i.p, s.k, s.g, ${monthOf(cal, 'i.due_w')}::INTEGER AS m, 1::BIGINT AS interviews_due, i.on_time::BIGINT AS interviews_on_time
     FROM (${src}) i ASOF JOIN seg s ON i.p = s.p AND i.due_w >= s.ws
     WHERE i.due_w BETWEEN 0 AND ${cal.nWeeks - 1}`,
    ...additiveSql('tl_a_fine', 'tl_src', ['k', 'g'], ['interviews_due', 'interviews_on_time']),
    toAreasSql('tl_a', 'tl_a_fine', ['pid', 'bdv'], ['interviews_due', 'interviews_on_time']),
    `CREATE OR REPLACE TABLE tl_p_src AS
     SELECT p, k, bc, kind, m AS m1, m AS m2 FROM (
       SELECT p, k, g, 0 AS kind, m FROM tl_src UNION ALL SELECT p, k, g, 1, m FROM tl_src WHERE interviews_on_time = 1
     ) JOIN bmap USING (g)`,
    ...distinctPersonsSql('tl_p_fine', 'tl_p_src', ['kind'], { points: true }),
    `CREATE OR REPLACE TABLE tl_p AS
     SELECT ac, bc, pid, bdv,
            sum(persons) FILTER (WHERE kind = 0) AS persons_due, sum(persons) FILTER (WHERE kind = 1) AS persons_on_time
     FROM tl_p_fine GROUP BY ALL`,
    `CREATE OR REPLACE TABLE timeliness AS
     SELECT area, benefit, freq, period, breakdown, breakdown_value,
            coalesce(interviews_due, 0)::BIGINT AS interviews_due, coalesce(interviews_on_time, 0)::BIGINT AS interviews_on_time,
            CASE WHEN interviews_due > 0 THEN 100 * coalesce(interviews_on_time, 0) / interviews_due END::DOUBLE AS timeliness,
            coalesce(persons_due, 0)::BIGINT AS persons_due, coalesce(persons_on_time, 0)::BIGINT AS persons_on_time
     FROM ${labelled(`(SELECT ac, bc, pid, bdv, sum(interviews_due) AS interviews_due, sum(interviews_on_time) AS interviews_on_time,
                         sum(persons_due) AS persons_due, sum(persons_on_time) AS persons_on_time
                       FROM (SELECT * FROM tl_a UNION ALL BY NAME SELECT * FROM tl_p) GROUP BY ALL)`)}`,
  ];
}
