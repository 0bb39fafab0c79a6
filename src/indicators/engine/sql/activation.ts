/**
 * activation: an offer covers start_week … end_week; each offer-week is placed in the area
 * and benefit of the person's register row that week (no row → not counted). Overlapping
 * offers are first made disjoint per person × offer kind (and for 'all'), so an offer-week
 * counts once. activation_rate = activated weeks ÷ the cell's person-weeks × 100
 * (= fulltime_activated ÷ fulltime × 100). Cells: every volume cell (offer 'all'), and per
 * offer kind for the total breakdown; `persons` (the volume's) is a disclosure count.
 */
import type { Calendar } from '../calendar.js';
import { offerKinds } from '../../datasets.js';
import { monthOf, weekIndex } from './load.js';
import { additiveSql, distinctPersonsSql } from './rollup.js';
import { labelled, toAreasSql } from './cube.js';

export function activationSql(cal: Calendar, activitiesFile: string | null): string[] {
  const kinds = offerKinds.map((k) => `'${k}'`).join(', ');
  const src = activitiesFile
    ? `SELECT person_id AS p, kind AS offer, ${weekIndex(cal, 'start_week')}::INTEGER AS sw, ${weekIndex(cal, 'coalesce(end_week, start_week)')}::INTEGER AS ew
       FROM read_parquet('${activitiesFile}') WHERE kind IN (${kinds}) AND start_week IS NOT NULL`
    : `SELECT NULL::INTEGER AS p, NULL::VARCHAR AS offer, NULL::INTEGER AS sw, NULL::INTEGER AS ew WHERE FALSE`;
  return [
    `CREATE OR REPLACE TABLE act_off AS
     WITH o AS (SELECT p, list_position([${kinds}], offer) AS oc, sw, ew FROM (${src}) UNION ALL SELECT p, 0, sw, ew FROM (${src})),
     w AS (SELECT *, max(ew) OVER (PARTITION BY p, oc ORDER BY sw, ew ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pmax FROM o)
     SELECT p, oc, greatest(sw, pmax + 1) AS a, ew AS b FROM w WHERE (pmax IS NULL OR ew > pmax) AND ew >= sw`,
    `CREATE OR REPLACE TABLE act_piece AS
     SELECT o.p, o.oc, s.k, s.g, greatest(o.a, s.ws) AS a, least(o.b, s.we) AS b
     FROM act_off o JOIN seg s ON o.p = s.p AND s.ws <= o.b AND s.we >= o.a
     WHERE s.g IN (SELECT g FROM bmap)`,
    `CREATE OR REPLACE TABLE act_a_src AS
     SELECT x.p, x.k, x.g, x.oc, x.mi AS m, sum(least(x.b, mo.last_w) - greatest(x.a, mo.first_w) + 1)::BIGINT AS activated_weeks
     FROM (SELECT *, unnest(range(${monthOf(cal, 'a')}, ${monthOf(cal, 'b')} + 1))::INTEGER AS mi FROM act_piece) x JOIN months mo USING (mi)
     GROUP BY ALL`,
    ...additiveSql('act_a_fine', 'act_a_src', ['k', 'g', 'oc'], ['activated_weeks']),
    toAreasSql('act_a', 'act_a_fine', ['oc', 'pid', 'bdv'], ['activated_weeks']),
    `CREATE OR REPLACE TABLE act_p_src AS
     SELECT p, k, bc, oc, ${monthOf(cal, 'a')}::INTEGER AS m1, ${monthOf(cal, 'b')}::INTEGER AS m2
     FROM act_piece JOIN bmap USING (g)`,
    ...distinctPersonsSql('act_p', 'act_p_src', ['oc']),
    // Every volume cell (offer 'all', code 0) and its total-breakdown cells per offer kind (codes 1…3).
    `CREATE OR REPLACE TABLE activation AS
     WITH a AS (SELECT ac, bc, oc, pid, bdv, sum(activated_weeks) AS activated_weeks, sum(activated) AS activated
                FROM (SELECT * FROM act_a UNION ALL BY NAME SELECT * EXCLUDE (persons), persons AS activated FROM act_p) GROUP BY ALL),
     base AS (SELECT v.*, o.oc FROM vol_cells v, range(${offerKinds.length + 1}) o(oc) WHERE o.oc = 0 OR v.bdv = 0),
     cells AS (SELECT b.ac, b.bc, b.oc, b.pid, b.bdv, b.persons, b.person_weeks, coalesce(a.activated, 0) AS activated, coalesce(a.activated_weeks, 0) AS activated_weeks
               FROM base b LEFT JOIN a USING (ac, bc, oc, pid, bdv))
     SELECT area, benefit, freq, period, breakdown, breakdown_value, ol.offer,
            activated::BIGINT AS activated,
            activated_weeks / weeks AS fulltime_activated,
            CASE WHEN person_weeks > 0 THEN 100 * activated_weeks / person_weeks END::DOUBLE AS activation_rate,
            activated_weeks::BIGINT AS activated_weeks,
            persons::BIGINT AS persons
     FROM ${labelled('cells')} x JOIN (SELECT unnest(range(${offerKinds.length + 1})) AS oc, unnest(['all', ${kinds}]) AS offer) ol USING (oc)`,
  ];
}
