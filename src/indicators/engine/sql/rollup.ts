/**
 * Generic SQL builders that turn person-level rows into counts per period of every freq.
 * All keys are small integers (area code `ac`, benefit code `bc`, …); labels are joined at
 * the very end. Output rows: keys × pid (period id) × bdv (breakdown value: total, the
 * person's gender, age band at the period end, origin — each person counts in 4).
 *
 * - `additiveSql`: sums values over the months of each period (person-weeks, spells, …).
 * - `distinctSql`: counts DISTINCT persons active in a period, by turning each person's
 *   months into disjoint intervals of period indexes and summing +1/−1 events — no
 *   expansion to 12 rows per rolling year.
 *
 * Period indexes: M and R by (last) month index mi = year·12 + month − 1, Q = mi // 3,
 * Y = mi // 12; pid = freq offset + index (see load.ts `pidOf`). The age band at a period
 * end changes in the period containing the birthday; pers.t25 … t60 hold those months.
 */
import type { Freq } from '../../datasets.js';
import { FREQ_OFFSET } from './load.js';

const fi = (f: Freq, x: string) => (f === 'Q' ? `(${x}) // 3` : f === 'Y' ? `(${x}) // 12` : `(${x})`);
const TH = ['t25', 't30', 't40', 't50', 't60'];
/** Age band index (0 = 16-24 … 5 = 60-66, so ≥ 67 clamps into 60-66; 7 = unknown) at the end of period `P`. */
const bandAt = (f: Freq, P: string, pre = '') => `coalesce(${TH.map((t) => `(${P} >= ${fi(f, pre + t)})::INTEGER`).join(' + ')}, 7)`;
/** First and last period index of band j for freq f. */
const bandLo = (f: Freq, j: string) => `CASE ${j} ${TH.map((t, i) => `WHEN ${i + 1} THEN ${fi(f, t)}`).join(' ')} ELSE -1000000 END`;
const bandHi = (f: Freq, j: string) => `CASE ${j} ${TH.map((t, i) => `WHEN ${i} THEN ${fi(f, t)} - 1`).join(' ')} ELSE 1000000 END`;
const list = (cols: string[], prefix = '') => cols.map((c) => `${prefix}${c}`).join(', ');
const THS = `pe.t25, pe.t30, pe.t40, pe.t50, pe.t60`;

/**
 * Events table (keys, fo, attr, i, vals): +v at a piece's start, −v after its end, summed per
 * person attributes → each attr counts in its 4 breakdown values (bdmap) → running sums per
 * key → rows (keys, pid, bdv, vals) for every period index with a non-zero value.
 */
function eventsToCountsSql(out: string, events: string, keys: string[], vals: string[], bdmap = 'bdmap'): string {
  const k = list(keys);
  const sums = vals.map((v) => `sum(${v}) AS ${v}`).join(', ');
  return `CREATE OR REPLACE TABLE ${out} AS
    WITH ev AS (SELECT ${k}, fo, bdv, i, ${sums} FROM ${events} JOIN ${bdmap} USING (attr) GROUP BY ALL),
    cum AS (
      SELECT ${k}, fo, bdv, i, lead(i) OVER w AS nxt, ${vals.map((v) => `sum(${v}) OVER w AS ${v}`).join(', ')}
      FROM ev WINDOW w AS (PARTITION BY ${k}, fo, bdv ORDER BY i ROWS UNBOUNDED PRECEDING)
    )
    SELECT ${k}, (fo + unnest(generate_series(i, nxt - 1)))::INTEGER AS pid, bdv, ${vals.join(', ')}
    FROM cum WHERE nxt IS NOT NULL AND (${vals.map((v) => `${v} <> 0`).join(' OR ')})`;
}

/** Pieces (keys, fo, attr, s, t, vals) → summed events (keys, fo, attr, i, vals). */
const eventsOf = (pieces: string, keys: string[], vals: string[], where = 'TRUE') =>
  `(SELECT ${list(keys)}, fo, attr, i, ${vals.map((v) => `sum(${v}) AS ${v}`).join(', ')} FROM (
     SELECT ${list(keys)}, fo, attr, unnest([s, t + 1]) AS i, ${vals.map((v) => `unnest([${v}, -${v}]) AS ${v}`).join(', ')} FROM ${pieces} WHERE ${where}
   ) GROUP BY ALL)`;

/**
 * Sums of `vals` per keys × period × breakdown value. `src(p, keys…, m, vals…)`: rows per
 * person × keys × month (month index m). The rows are first collapsed to keys × month × go ×
 * band at the month's end (bm) × the month of the next band change if within the following
 * 11 months (tn) — all any freq needs: a quarter or year ends at most 11 months later, so its
 * band is bm or bm + 1. M, Q, Y are then plain sums; rolling years go through events.
 * Output table `out(keys…, pid, bdv, vals…)`.
 */
export function additiveSql(out: string, src: string, keys: string[], vals: string[], young = false, bdmap = 'bdmap'): string[] {
  const k = list(keys);
  const keep = young ? 'attr % 8 <= 1' : 'TRUE';
  const sums = vals.map((v) => `sum(${v}) AS ${v}`).join(', ');
  const tn = `CASE ${TH.map((t) => `WHEN pe.${t} > x.m AND pe.${t} <= x.m + 11 THEN pe.${t}`).join(' ')} END`;
  const direct = (f: Freq) => {
    const last = f === 'M' ? 'm' : f === 'Q' ? '3 * (m // 3) + 2' : '12 * (m // 12) + 11';
    return `SELECT ${k}, (${FREQ_OFFSET[f]} + ${fi(f, 'm')})::INTEGER AS pid, bd.bdv, ${sums}
      FROM (SELECT *, go * 8 + CASE WHEN bm < 7 THEN bm + (tn IS NOT NULL AND tn <= ${last})::INTEGER ELSE 7 END AS attr FROM ${out}_pa) JOIN ${bdmap} bd USING (attr)
      WHERE ${keep} GROUP BY ALL`;
  };
  return [
    `CREATE OR REPLACE TABLE ${out}_pa AS
     SELECT ${list(keys, 'x.')}, x.m, coalesce(pe.go, 11) AS go, ${bandAt('M', 'x.m', 'pe.')} AS bm, ${tn} AS tn, ${vals.map((v) => `sum(x.${v}) AS ${v}`).join(', ')}
     FROM ${src} x LEFT JOIN pers pe USING (p) GROUP BY ALL`,
    // rolling years ending in m … m + 11 (split where the band changes)
    eventsToCountsSql(`${out}_r`, eventsOf(`(
      SELECT ${k}, ${FREQ_OFFSET.R} AS fo, go * 8 + bm AS attr, m AS s, coalesce(tn - 1, m + 11) AS t, ${vals.join(', ')} FROM ${out}_pa
      UNION ALL SELECT ${k}, ${FREQ_OFFSET.R}, go * 8 + bm + 1, tn, m + 11, ${vals.join(', ')} FROM ${out}_pa WHERE tn IS NOT NULL)`, keys, vals, keep), keys, vals, bdmap),
    `CREATE OR REPLACE TABLE ${out} AS ${direct('M')} UNION ALL ${direct('Q')} UNION ALL ${direct('Y')} UNION ALL SELECT * FROM ${out}_r`,
    `DROP TABLE ${out}_pa`,
    `DROP TABLE ${out}_r`,
  ];
}

/**
 * Distinct persons per keys × period × breakdown value. `src(p, keys…, m1, m2)`: the person is
 * active in months m1 … m2 (rows may overlap). A running max over the person's earlier rows
 * keeps only months not seen before (pmax = last month already covered), so the remaining
 * pieces are disjoint and each period counts a person once; per freq, the periods up to the
 * one holding pmax are already counted. Each interval of period indexes is split where the
 * person's age band changes. Output table `out(keys…, pid, bdv, persons)`; `young`: persons
 * aged 15–29 at the period end only (age bands 16-24, 25-29).
 */
function distinctSql(out: string, src: string, keys: string[], young = false, bdmap = 'bdmap'): string[] {
  const k = list(keys);
  const iv = (f: Freq) => {
    const s = f === 'R' ? `greatest(a, pmax + 12)` : `greatest(${fi(f, 'a')}, ${fi(f, 'pmax')} + 1)`;
    const t = f === 'R' ? `m2 + 11` : fi(f, 'm2');
    return `SELECT ${k}, go, ${FREQ_OFFSET[f]} AS fo, ${s} AS s, ${t} AS t, ${bandAt(f, s)} AS b, ${bandAt(f, t)} AS bt, t25, t30, t40, t50, t60 FROM ${out}_nw WHERE ${s} <= ${t}`;
  };
  const split = (f: Freq) =>
    `SELECT ${k}, fo, go * 8 + j AS attr, greatest(s, ${bandLo(f, 'j')}) AS s, least(t, ${bandHi(f, 'j')}) AS t, 1 AS persons
     FROM ${out}_iv, range(b, bt + 1) r(j) WHERE b <> bt AND fo = ${FREQ_OFFSET[f]}`;
  return [
    `CREATE OR REPLACE TABLE ${out}_nw AS
     WITH w AS (
       SELECT p, ${k}, m1, m2, max(m2) OVER (PARTITION BY p, ${k} ORDER BY m1, m2 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pmax
       FROM ${src}
     )
     SELECT ${list(keys, 'w.')}, greatest(m1, pmax + 1) AS a, m2, pmax, coalesce(pe.go, 11) AS go, ${THS}
     FROM w LEFT JOIN pers pe USING (p) WHERE pmax IS NULL OR m2 > pmax`,
    `CREATE OR REPLACE TABLE ${out}_iv AS ${(['M', 'Q', 'Y', 'R'] as Freq[]).map(iv).join('\nUNION ALL ')}`,
    `CREATE OR REPLACE TABLE ${out}_pc AS
     SELECT ${k}, fo, go * 8 + b AS attr, s, t, 1 AS persons FROM ${out}_iv WHERE b = bt
     UNION ALL ${(['M', 'Q', 'Y', 'R'] as Freq[]).map(split).join('\nUNION ALL ')}`,
    eventsToCountsSql(out, eventsOf(`${out}_pc`, keys, ['persons'], young ? 'attr % 8 <= 1' : 'TRUE'), keys, ['persons'], bdmap),
    `DROP TABLE ${out}_nw`,
    `DROP TABLE ${out}_iv`,
    `DROP TABLE ${out}_pc`,
  ];
}

/**
 * Distinct persons per area × benefit value × `rest` × period × breakdown value, from
 * municipality-level rows `src(p, k, bc, rest…, m1, m2)`. Most persons keep one municipality
 * for a given benefit value (and rest): they are counted once per municipality and rolled up
 * to the larger areas by plain sums. Only the others (movers) are expanded to every area
 * before counting. With `points` (every row is one month, m1 = m2), persons with a single
 * row are a plain sum (additiveSql). Output `out(ac, bc, rest…, pid, bdv, persons)`.
 */
export function distinctPersonsSql(out: string, src: string, rest: string[], opts: { points?: boolean; young?: boolean; bdmap?: string } = {}): string[] {
  const by = ['p', 'bc', ...rest];
  const r = rest.map((c) => `, ${c}`).join('');
  const single = opts.points ? 'count(*) = 1' : 'FALSE';
  const parts = [
    `CREATE OR REPLACE TABLE ${out}_cls AS SELECT ${list(by)}, min(k) <> max(k) AS mover, ${single} AS single FROM ${src} GROUP BY ALL`,
    `CREATE OR REPLACE TABLE ${out}_l AS SELECT s.* FROM ${src} s JOIN ${out}_cls c USING (${list(by)}) WHERE NOT c.mover AND NOT c.single`,
    ...distinctSql(`${out}_lc`, `${out}_l`, ['k', 'bc', ...rest], opts.young, opts.bdmap),
    `CREATE OR REPLACE TABLE ${out}_m AS SELECT s.p, a.ac, s.bc${r}, s.m1, s.m2 FROM ${src} s JOIN ${out}_cls c USING (${list(by)}) JOIN amap a USING (k) WHERE c.mover`,
    ...distinctSql(`${out}_mc`, `${out}_m`, ['ac', 'bc', ...rest], opts.young, opts.bdmap),
  ];
  const local = [`SELECT * FROM ${out}_lc`];
  if (opts.points) {
    parts.push(
      `CREATE OR REPLACE TABLE ${out}_s AS SELECT s.p, s.k, s.bc${r}, s.m1 AS m, 1::BIGINT AS persons FROM ${src} s JOIN ${out}_cls c USING (${list(by)}) WHERE c.single`,
      ...additiveSql(`${out}_sc`, `${out}_s`, ['k', 'bc', ...rest], ['persons'], opts.young, opts.bdmap),
    );
    local.push(`SELECT * FROM ${out}_sc`);
  }
  return [
    ...parts,
    `CREATE OR REPLACE TABLE ${out} AS
     SELECT ac, bc${r}, pid, bdv, sum(persons) AS persons FROM (
       SELECT a.ac, x.* EXCLUDE (k) FROM (${local.join(' UNION ALL BY NAME ')}) x JOIN amap a USING (k)
       UNION ALL BY NAME SELECT * FROM ${out}_mc
     ) GROUP BY ALL`,
    ...['cls', 'l', 'lc', 'm', 'mc', ...(opts.points ? ['s', 'sc'] : [])].map((t) => `DROP TABLE ${out}_${t}`),
  ];
}
