/**
 * flow: inflow, outflow, outflow_self_support, avg_duration (+ distinct persons of each).
 *
 * A spell of a benefit value = consecutive weeks whose group is in the value; moving
 * municipality does not break it. Spells come from segments × benefit values with one
 * lag/lead per person × value. Inflow is placed at the spell's first week (its area and
 * month), outflow at its last week.
 * Censoring: no inflow at the register's first week (w = 0) and flow periods start after it;
 * no outflow for spells running in the cut-off week; durations only for spells that began
 * after the first week; self-support (4 empty weeks) is null for periods ending < 4 weeks
 * before the cut-off. fl_ev is shared with the education rate.
 */
import type { Calendar } from '../calendar.js';
import { additiveSql, distinctPersonsSql } from './rollup.js';
import { labelled, toAreasSql } from './cube.js';

export function flowSql(cal: Calendar): string[] {
  const last = cal.nWeeks - 1;
  return [
    `CREATE OR REPLACE TABLE fl_seg AS
     SELECT p, bc, k, ws, we, ms, me, nxt_any, nxt_su,
            lag(we) OVER w IS DISTINCT FROM ws - 1 AS st,   -- the value's spell starts with this segment
            lead(ws) OVER w IS DISTINCT FROM we + 1 AS en   -- … ends with it
     FROM seg JOIN bmap USING (g) WINDOW w AS (PARTITION BY p, bc ORDER BY ws)`,
    // Only first/last segments of spells; an ending segment's spell start is the previous kept row's start.
    `CREATE OR REPLACE TABLE fl_ev AS
     SELECT p, bc, k, ws, we, ms, me, st, en, nxt_any, nxt_su,
            CASE WHEN st THEN ws ELSE lag(ws) OVER (PARTITION BY p, bc ORDER BY ws) END AS spell_start
     FROM fl_seg WHERE st OR en`,
    `DROP TABLE fl_seg`,
    `CREATE OR REPLACE TABLE fl_a_src AS
     SELECT p, k, bc, ms AS m, 1::BIGINT AS inflow, 0::BIGINT AS outflow, 0::BIGINT AS outflow_self_support, 0::BIGINT AS dur_sum, 0::BIGINT AS dur_n
     FROM fl_ev WHERE st AND ws > 0
     UNION ALL
     SELECT p, k, bc, me AS m, 0, 1, (nxt_any IS NULL OR nxt_any > we + 4)::BIGINT,
            CASE WHEN spell_start > 0 THEN we - spell_start + 1 ELSE 0 END, (spell_start > 0)::BIGINT
     FROM fl_ev WHERE en AND we < ${last}`,
    ...additiveSql('fl_a_fine', 'fl_a_src', ['k', 'bc'], ['inflow', 'outflow', 'outflow_self_support', 'dur_sum', 'dur_n']),
    toAreasSql('fl_a', 'fl_a_fine', ['pid', 'bdv'], ['inflow', 'outflow', 'outflow_self_support', 'dur_sum', 'dur_n'], false),
    // Distinct persons per kind: 0 in, 1 out, 2 self-support, 3 to education (for the education dataset).
    `CREATE OR REPLACE TABLE fl_p_src AS
     SELECT p, k, bc, kind, m AS m1, m AS m2 FROM (
       SELECT p, k, bc, 0 AS kind, ms AS m FROM fl_ev WHERE st AND ws > 0
       UNION ALL SELECT p, k, bc, 1, me FROM fl_ev WHERE en AND we < ${last}
       UNION ALL SELECT p, k, bc, 2, me FROM fl_ev WHERE en AND we < ${last} AND (nxt_any IS NULL OR nxt_any > we + 4)
       UNION ALL SELECT p, k, bc, 3, me FROM fl_ev WHERE en AND we < ${last} AND nxt_su <= we + 4
     )`,
    ...distinctPersonsSql('fl_p_fine', 'fl_p_src', ['kind'], { points: true }),
    `CREATE OR REPLACE TABLE fl_p AS
     SELECT ac, bc, pid, bdv,
            sum(persons) FILTER (WHERE kind = 0) AS inflow_persons, sum(persons) FILTER (WHERE kind = 1) AS outflow_persons,
            sum(persons) FILTER (WHERE kind = 2) AS self_support_persons
     FROM fl_p_fine WHERE kind <= 2 GROUP BY ALL`,
    `CREATE OR REPLACE TABLE flow AS
     SELECT area, benefit, freq, period, breakdown, breakdown_value,
            coalesce(inflow, 0)::BIGINT AS inflow, coalesce(outflow, 0)::BIGINT AS outflow,
            CASE WHEN last_w + 4 <= ${last} THEN coalesce(outflow_self_support, 0) END::BIGINT AS outflow_self_support,
            (dur_sum / nullif(dur_n, 0))::DOUBLE AS avg_duration,
            coalesce(inflow_persons, 0)::BIGINT AS inflow_persons, coalesce(outflow_persons, 0)::BIGINT AS outflow_persons,
            CASE WHEN last_w + 4 <= ${last} THEN coalesce(self_support_persons, 0) END::BIGINT AS self_support_persons
     FROM ${labelled(`(SELECT ac, bc, pid, bdv, sum(inflow) AS inflow, sum(outflow) AS outflow,
                         sum(outflow_self_support) AS outflow_self_support, sum(dur_sum) AS dur_sum, sum(dur_n) AS dur_n,
                         sum(inflow_persons) AS inflow_persons, sum(outflow_persons) AS outflow_persons, sum(self_support_persons) AS self_support_persons
                       FROM (SELECT * FROM fl_a UNION ALL BY NAME SELECT * FROM fl_p) GROUP BY ALL)`, 'first_w > 0')}`,
  ];
}
