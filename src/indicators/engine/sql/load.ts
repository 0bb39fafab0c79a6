/**
 * Loading: the register is read once and turned into run-length **segments** — maximal runs
 * of consecutive weeks in which a person has the same municipality and benefit group.
 * Every later stage works on segments (≈ 10–30× fewer rows than person-weeks), never on
 * single weeks (except long-term unemployment, which needs a 52-week window).
 */
import { ageBands, areas, benefitGroups, benefits, genders, NOT_INSURED, origins, unemploymentFunds } from '../../../reference/index.js';
import type { Freq } from '../../datasets.js';
import type { Calendar } from '../calendar.js';

/** Small integer codes of the register's benefit groups (`su` included). */
export const groupCodes: ReadonlyMap<string, number> = new Map(benefitGroups.map((g, i) => [g.id, i]));
export const SU = groupCodes.get('su')!;
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Period id = offset of its freq + its index (M/R: month index, Q: mi // 3, Y: year). */
export const FREQ_OFFSET: Record<Freq, number> = { M: 0, Q: 1_000_000, Y: 2_000_000, R: 3_000_000 };

const genderCodes = genders.map((g) => g.id);
const originCodes = origins.map((o) => o.id);
/** Values of the a-kasse breakdown in code order: the funds, then NOT_INSURED (see akasse.ts). */
export const fundValues: readonly string[] = [...unemploymentFunds.map((f) => f.id), NOT_INSURED];
/** Breakdown value code (bdv) of the first a-kasse value: after total, genders, age bands, origins. */
export const FUND_BDV0 = 1 + genderCodes.length + ageBands.length + originCodes.length;

/**
 * Reference tables, all keyed by small integers: amap (municipality k → area code ac),
 * bmap (group code g → benefit code bc), bdmap (person attr → breakdown value code bdv),
 * their label tables, months and periods.
 * attr = go · 8 + band with go = gender code · 4 + origin code (2 / 3 = unknown) and band
 * 0 … 5 (7 = unknown): a person counts in the total and in each known breakdown value.
 */
export function referenceSql(cal: Calendar): string[] {
  const areaIds = areas.map((a) => a.id);
  const amap = areas.flatMap((a, ac) => a.municipalities.map((k) => `(${k}, ${ac})`)).join(',');
  const bmap = benefits.flatMap((b, bc) => b.groups.map((g) => `(${groupCodes.get(g)!}, ${bc})`)).join(',');
  const months = cal.months.map((m) => `(${m.mi}, ${m.firstW}, ${m.lastW})`).join(',');
  const periods = cal.periods.map((p) => `(${FREQ_OFFSET[p.freq] + p.pidx}, ${q(p.freq)}, ${q(p.label)}, ${p.firstW}, ${p.lastW}, ${p.weeks}, ${p.year})`).join(',');
  const bdLabels: [string, string][] = [['total', 'total'], ...genderCodes.map((g) => ['gender', g] as [string, string]), ...ageBands.map((b) => ['age_band', b.id] as [string, string]), ...originCodes.map((o) => ['origin', o] as [string, string]),
    ...fundValues.map((f) => ['a_kasse', f] as [string, string])];
  const bdmap: string[] = [];
  for (let gc = 0; gc < 3; gc++) for (let oc = 0; oc < 4; oc++) for (let band = 0; band < 8; band++) {
    const attr = (gc * 4 + oc) * 8 + band;
    bdmap.push(`(${attr}, 0)`);
    if (gc < 2) bdmap.push(`(${attr}, ${1 + gc})`);
    if (band < 6) bdmap.push(`(${attr}, ${3 + band})`);
    if (oc < 3) bdmap.push(`(${attr}, ${9 + oc})`);
  }
  return [
    `CREATE OR REPLACE TABLE amap AS SELECT k::SMALLINT AS k, ac::SMALLINT AS ac FROM (VALUES ${amap}) t(k, ac)`,
    `CREATE OR REPLACE TABLE alabel AS SELECT ac::SMALLINT AS ac, area FROM (VALUES ${areaIds.map((a, i) => `(${i}, ${q(a)})`).join(',')}) t(ac, area)`,
    `CREATE OR REPLACE TABLE bmap AS SELECT g::UTINYINT AS g, bc::UTINYINT AS bc FROM (VALUES ${bmap}) t(g, bc)`,
    `CREATE OR REPLACE TABLE blabel AS SELECT bc::UTINYINT AS bc, benefit FROM (VALUES ${benefits.map((b, i) => `(${i}, ${q(b.id)})`).join(',')}) t(bc, benefit)`,
    `CREATE OR REPLACE TABLE bdmap AS SELECT attr::INTEGER AS attr, bdv::UTINYINT AS bdv FROM (VALUES ${bdmap.join(',')}) t(attr, bdv)`,
    `CREATE OR REPLACE TABLE bdlabel AS SELECT bdv::UTINYINT AS bdv, breakdown, breakdown_value FROM (VALUES ${bdLabels.map(([b, v], i) => `(${i}, ${q(b)}, ${q(v)})`).join(',')}) t(bdv, breakdown, breakdown_value)`,
    `CREATE OR REPLACE TABLE months AS SELECT mi::INTEGER AS mi, fw::INTEGER AS first_w, lw::INTEGER AS last_w FROM (VALUES ${months}) t(mi, fw, lw)`,
    `CREATE OR REPLACE TABLE periods AS SELECT pid::INTEGER AS pid, f AS freq, l AS period, fw::INTEGER AS first_w, lw::INTEGER AS last_w, n::INTEGER AS weeks, y::INTEGER AS year
       FROM (VALUES ${periods}) t(pid, f, l, fw, lw, n, y)`,
  ];
}

/** Code of a benefit value (its index in `benefits`). */
export const benefitCode = (id: string) => benefits.findIndex((b) => b.id === id);

/** Week index (0 = the register's first week) of a DATE expression. */
export const weekIndex = (cal: Calendar, expr: string) => `(datediff('day', DATE '${cal.firstWeek}', ${expr}) // 7)`;
/** Month index (year·12 + month − 1) of week index `w`: the month of its Thursday. */
export const monthOf = (cal: Calendar, w: string) => `(year(DATE '${cal.firstWeek}' + (7 * (${w}) + 3)::INTEGER) * 12 + month(DATE '${cal.firstWeek}' + (7 * (${w}) + 3)::INTEGER) - 1)`;

/**
 * seg(p, ws, we, k, g, ms, me, nxt_any, nxt_su): segments with their month range and the
 * start of the person's next segment (any group) and next `su` segment — what outflow to
 * self-support and the education rate look at. One sort of the register (by person, week).
 * Week, group and municipality are packed into one INTEGER so a single lag/lead compares them.
 */
export function segmentSql(cal: Calendar, file: string): string[] {
  const cases = [...groupCodes].map(([id, c]) => `WHEN ${q(id)} THEN ${c}`).join(' ');
  return [
    `CREATE OR REPLACE TABLE seg_raw AS
     WITH r AS (
       SELECT person_id AS p,
              (${weekIndex(cal, 'week')} * 16384 + (CASE benefit ${cases} END) * 1024 + municipality)::INTEGER AS x
       FROM read_parquet('${file}')
       WHERE benefit IN (${[...groupCodes.keys()].map(q).join(',')})
     ), se AS (
       SELECT p, x,
              lag(x) OVER w + 16384 IS DISTINCT FROM x AS s,   -- previous week differs: a segment starts
              lead(x) OVER w - 16384 IS DISTINCT FROM x AS e   -- next week differs: a segment ends
       FROM r WINDOW w AS (PARTITION BY p ORDER BY x)
     ), b AS (SELECT * FROM se WHERE s OR e)
     SELECT p, (x // 16384)::SMALLINT AS ws,
            (CASE WHEN e THEN x ELSE lead(x) OVER (PARTITION BY p ORDER BY x) END // 16384)::SMALLINT AS we,
            (x % 1024)::SMALLINT AS k, ((x // 1024) % 16)::UTINYINT AS g
     FROM b QUALIFY s`,
    `CREATE OR REPLACE TABLE seg AS
     SELECT p, ws, we, k, g,
            ${monthOf(cal, 'ws')}::INTEGER AS ms, ${monthOf(cal, 'we')}::INTEGER AS me,
            lead(ws) OVER w AS nxt_any,
            min(CASE WHEN g = ${SU} THEN ws END) OVER (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS nxt_su
     FROM seg_raw WINDOW w AS (PARTITION BY p ORDER BY ws)`,
    `DROP TABLE seg_raw`,
  ];
}

/** Age thresholds: month index in which the person turns `n` (29 February → 1 March in other years). */
const turns = (n: number) =>
  `((year(birth_date) + ${n}) * 12 + month(birth_date) - 1 + CASE WHEN month(birth_date) = 2 AND day(birth_date) = 29
     AND NOT (((year(birth_date) + ${n}) % 4 = 0 AND (year(birth_date) + ${n}) % 100 <> 0) OR (year(birth_date) + ${n}) % 400 = 0) THEN 1 ELSE 0 END)::INTEGER`;

/** pers(p, go, t25 … t60): gender·4 + origin codes, and the age band boundaries as month indexes. */
export function personsSql(file: string): string {
  const code = (col: string, ids: string[], unknown: number) => `CASE ${col} ${ids.map((x, i) => `WHEN ${q(x)} THEN ${i}`).join(' ')} ELSE ${unknown} END`;
  return `CREATE OR REPLACE TABLE pers AS
    SELECT person_id AS p, (${code('gender', genderCodes, 2)} * 4 + ${code('origin', originCodes, 3)})::UTINYINT AS go, ${turns(25)} AS t25, ${turns(30)} AS t30, ${turns(40)} AS t40, ${turns(50)} AS t50, ${turns(60)} AS t60
    FROM read_parquet('${file}')`;
}
