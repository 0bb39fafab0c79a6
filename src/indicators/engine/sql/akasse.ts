/**
 * The a-kasse breakdown of the volume and longterm datasets (gross_unemployed, a_dagpenge,
 * kontanthjaelp_jobparat), from `a_kasse.parquet` (person_id, a_kasse, from_week, to_week; open
 * ends null). See docs/measures.md, "A-kasse".
 *
 * A person-week belongs to the fund the person was a member of that week, or to "not insured"
 * (NOT_INSURED) when none. The breakdown is marginal and placed like a municipality: a person
 * who changes fund inside a period counts once in each fund they were in with the benefit.
 *
 * - `ftl(p, f, a, b)`: every gross-unemployed person's complete fund timeline, week indexes a … b
 *   (±1 000 000 = open), f = fund code (index in unemploymentFunds) or NOT_INSURED's code F.
 *   Memberships with an unknown fund id are ignored; an overlapping later membership starts
 *   after the earlier one ends.
 * - `ak_seg`: the gross segments cut where the fund changes.
 * - `vol_ak` (volume) and `lt_ak` (longterm): cells (ac, bc, pid, bdv = FUND_BDV0 + f, …) for the
 *   three benefit values; the datasets union them with their own cells.
 *
 * The total breakdown is the engine's own (all persons); only the fund values are made here.
 */
import { unemploymentFunds } from '../../../reference/index.js';
import type { Calendar } from '../calendar.js';
import { toAreasSql } from './cube.js';
import { additiveSql, distinctPersonsSql } from './rollup.js';
import { benefitCode, FUND_BDV0, groupCodes, monthOf } from './load.js';

/** Benefit values with an a-kasse breakdown. */
export const fundBenefits = ['gross_unemployed', 'a_dagpenge', 'kontanthjaelp_jobparat'] as const;
/** Code of NOT_INSURED (= the number of funds). */
const NONE = unemploymentFunds.length;
const OPEN = 1_000_000;
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

const gross = () => [groupCodes.get('a_dagpenge')!, groupCodes.get('kontanthjaelp_jobparat')!].join(', ');
const lb = () => fundBenefits.map(benefitCode).join(', ');

/** ftl and ak_seg (after seg). */
export function fundTimelineSql(cal: Calendar, file: string): string[] {
  const ids = unemploymentFunds.map((f) => q(f.id)).join(', ');
  const wk = (col: string) => `floor(datediff('day', DATE '${cal.firstWeek}', ${col}) / 7)::INTEGER`;
  return [
    `CREATE OR REPLACE TABLE ak_mem AS
     WITH gp AS (SELECT DISTINCT p FROM seg WHERE g IN (${gross()})),
     m AS (SELECT person_id AS p, (list_position([${ids}], a_kasse) - 1)::UTINYINT AS f,
                  coalesce(${wk('from_week')}, -${OPEN}) AS a, coalesce(${wk('to_week')}, ${OPEN}) AS b
           FROM read_parquet('${file}') WHERE a_kasse IN (${ids}) AND person_id IN (SELECT p FROM gp)),
     w AS (SELECT *, max(b) OVER (PARTITION BY p ORDER BY a, b ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pmax FROM m)
     SELECT p, f, CASE WHEN pmax IS NULL THEN a ELSE greatest(a, pmax + 1) END AS a, b FROM w WHERE (pmax IS NULL OR b > pmax) AND b >= a`,
    `CREATE OR REPLACE TABLE ftl AS
     WITH gp AS (SELECT DISTINCT p FROM seg WHERE g IN (${gross()}))
     SELECT p, f, a, b FROM ak_mem
     UNION ALL SELECT p, f, ga AS a, gb AS b FROM (
       SELECT p, ${NONE}::UTINYINT AS f, coalesce(lag(b) OVER (PARTITION BY p ORDER BY a) + 1, -${OPEN}) AS ga, a - 1 AS gb FROM ak_mem
       UNION ALL SELECT p, ${NONE}::UTINYINT, max(b) + 1, ${OPEN} FROM ak_mem GROUP BY p
       UNION ALL SELECT p, ${NONE}::UTINYINT, -${OPEN}, ${OPEN} FROM gp WHERE p NOT IN (SELECT p FROM ak_mem)
     ) WHERE ga <= gb`,
    `DROP TABLE ak_mem`,
    // The fund cells are marginal: every person attribute counts in the total breakdown only.
    `CREATE OR REPLACE TABLE bdmap_total AS SELECT DISTINCT attr, 0::UTINYINT AS bdv FROM bdmap`,
    `CREATE OR REPLACE TABLE ak_seg AS
     SELECT p, k, g, f, ws, we, ${monthOf(cal, 'ws')}::INTEGER AS ms, ${monthOf(cal, 'we')}::INTEGER AS me FROM (
       SELECT s.p, s.k, s.g, t.f, greatest(s.ws, t.a)::INTEGER AS ws, least(s.we, t.b)::INTEGER AS we
       FROM seg s JOIN ftl t ON s.p = t.p AND t.a <= s.we AND t.b >= s.ws
       WHERE s.g IN (${gross()}))`,
  ];
}

/** Rows of a table made by additiveSql / distinctPersonsSql for the total breakdown only (bdv 0), as fund cells. */
const asFund = (src: string, vals: string[]) => `SELECT ac, bc, pid, (${FUND_BDV0} + f)::UTINYINT AS bdv, ${vals.join(', ')} FROM ${src} WHERE bdv = 0 AND bc IN (${lb()})`;

/** vol_ak(ac, bc, pid, bdv, persons, person_weeks): the volume's fund cells. */
export function volumeFundSql(): string[] {
  const weeks = 'least(s.we, mo.last_w) - greatest(s.ws, mo.first_w) + 1';
  return [
    `CREATE OR REPLACE TABLE vak_w_src AS
     SELECT s.p, s.k, s.g, s.f, s.mi AS m, sum(${weeks})::BIGINT AS person_weeks
     FROM (SELECT p, k, g, f, ws, we, unnest(range(ms, me + 1))::INTEGER AS mi FROM ak_seg) s JOIN months mo USING (mi)
     GROUP BY ALL`,
    ...additiveSql('vak_w_fine', 'vak_w_src', ['k', 'g', 'f'], ['person_weeks'], false, 'bdmap_total'),
    toAreasSql('vak_w', '(SELECT * FROM vak_w_fine WHERE bdv = 0)', ['f', 'pid', 'bdv'], ['person_weeks']),
    `CREATE OR REPLACE TABLE vak_p_src AS
     SELECT s.p, s.k, b.bc, s.f, s.ms AS m1, s.me AS m2 FROM ak_seg s JOIN bmap b USING (g) WHERE b.bc IN (${lb()})`,
    ...distinctPersonsSql('vak_p', 'vak_p_src', ['f'], { bdmap: 'bdmap_total' }),
    `CREATE OR REPLACE TABLE vol_ak AS
     SELECT ac, bc, pid, bdv, coalesce(sum(persons), 0)::BIGINT AS persons, coalesce(sum(person_weeks), 0)::BIGINT AS person_weeks
     FROM (${asFund('vak_p', ['persons'])} UNION ALL BY NAME ${asFund('vak_w', ['person_weeks'])}) GROUP BY ALL`,
    ...['vak_w_src', 'vak_w_fine', 'vak_w', 'vak_p_src', 'vak_p'].map((t) => `DROP TABLE ${t}`),
  ];
}

/** An empty vol_ak (no a_kasse.parquet: no a-kasse breakdown). */
export const noFundsSql = (): string[] => [
  `CREATE OR REPLACE TABLE vol_ak (ac SMALLINT, bc UTINYINT, pid INTEGER, bdv UTINYINT, persons BIGINT, person_weeks BIGINT)`,
];

/**
 * lt_ak(ac, bc, pid, bdv, longterm_person_weeks, longterm_persons, gross_persons): the longterm
 * dataset's fund cells, from lt_wf(p, k, g, f, m, longterm_person_weeks) (longterm.ts).
 */
export function longtermFundSql(): string[] {
  return [
    ...additiveSql('lak_a_fine', 'lt_wf', ['k', 'g', 'f'], ['longterm_person_weeks'], false, 'bdmap_total'),
    toAreasSql('lak_a', '(SELECT * FROM lak_a_fine WHERE bdv = 0)', ['f', 'pid', 'bdv'], ['longterm_person_weeks']),
    `CREATE OR REPLACE TABLE lak_p_src AS
     SELECT p, k, bc, f, m AS m1, m AS m2 FROM lt_wf JOIN bmap USING (g) WHERE bc IN (${lb()})`,
    ...distinctPersonsSql('lak_p', 'lak_p_src', ['f'], { points: true, bdmap: 'bdmap_total' }),
    `CREATE OR REPLACE TABLE lt_ak AS
     SELECT ac, bc, pid, bdv, sum(longterm_person_weeks) AS longterm_person_weeks, sum(longterm_persons) AS longterm_persons, sum(gross_persons) AS gross_persons
     FROM (${asFund('lak_a', ['longterm_person_weeks'])}
           UNION ALL BY NAME SELECT * EXCLUDE (persons), persons AS longterm_persons FROM (${asFund('lak_p', ['persons'])})
           UNION ALL BY NAME SELECT ac, bc, pid, bdv, persons AS gross_persons FROM vol_ak)
     GROUP BY ALL`,
    ...['lak_a_fine', 'lak_a', 'lak_p_src', 'lak_p'].map((t) => `DROP TABLE ${t}`),
  ];
}
