/**
 * Disclosure control of one dataset table in DuckDB: primary suppression, then secondary
 * suppression to the fixpoint over the additive relations (docs/measures.md, "Disclosure").
 *
 * DuckDB gives every cell integer coordinates (dictionary codes ordered by value, so cell
 * ids follow the key order: the deterministic tie-break) and the counts; the rounds run on
 * typed arrays in fixpoint.ts; the statuses are written back by rowid.
 *
 * Why this fixpoint, and what it does not promise: "no relation has exactly one
 * suppressed member" is the standard condition against single-relation subtraction
 * (total minus the published parts, or the parts summed to a suppressed total), which is
 * what the shared measures.md requires. Chains of such subtractions are covered too: a
 * cell recovered from one relation would be a published member of the next, but every
 * relation has 0 or ≥ 2 unknowns, so no first step exists (test/…/attacker.test.ts
 * checks this on random cubes). It is not a full linear-algebra audit: combining several
 * relations (solving them as a system) can still pin down a few suppressed cells in
 * linked tables, and intervals from non-negativity are not considered.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ageBands, areas, benefits, genders, NOT_INSURED, origins } from '../../reference/index.js';
import { datasets, offerKinds, type DatasetId, type Freq } from '../datasets.js';
import { readColumns } from '../columns.js';
import { secondarySuppression } from './fixpoint.js';
import { dimValue, fundDatasets, fundRelationValues, relationFamilies, type RelationDim } from './relations.js';

/** What {@link applyDisclosure} did, for logs and release notes. */
interface DisclosureReport {
  dataset: DatasetId;
  threshold: number;
  cells: number;
  /** Cells of the unpublished a-kasse part NOT_INSURED, removed after suppression. */
  removedNotInsured: number;
  /** (relation, cell) pairs. */
  memberships: number;
  primary: number;
  secondary: number;
  /** Rounds of secondary suppression that suppressed at least one cell. */
  iterations: number;
  /**
   * Relations still holding exactly one suppressed member at the end: nothing was left to
   * suppress, i.e. the total is absent (a published zero) and so is every other part. For
   * truly additive counts that cannot happen; it does where the relation does not hold for
   * persons, whose age band is taken at each period's end (a person 29 at the end of a month
   * and 30 at the end of its quarter), so the zero total reveals nothing about the part.
   */
  unresolved: number;
  ms: { build: number; iterate: number; write: number; total: number };
}

interface ApplyDisclosureOptions {
  conn: DuckDBConnection;
  dataset: DatasetId;
  /** `DISCLOSURE_THRESHOLD`: counts 1 … threshold − 1 are primary suppressed. */
  threshold: number;
  /** The published periods per frequency (time relations use only these). */
  periods: Record<Freq, string[]>;
  /** Keep the unpublished not-insured cells (with their status), for audits and tests; never when publishing. */
  keepNotInsured?: boolean;
}

const dims: readonly { dim: RelationDim; col: string }[] = [
  { dim: 'area', col: 'a' },
  { dim: 'benefit', col: 'b' },
  { dim: 'period', col: 'p' },
  { dim: 'breakdown', col: 'd' },
  { dim: 'offer', col: 'o' },
];

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const list = (xs: Iterable<string>) => [...xs].map(lit).join(', ');
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const row = (await conn.runAndReadAll(sql)).getRows()[0];
  return Number(row?.[0] ?? 0);
}

async function column(conn: DuckDBConnection, sql: string): Promise<string[]> {
  return (await conn.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
}

/**
 * Sets the `status` column ('published' | 'primary' | 'secondary') of the dataset's
 * table (added if missing; every row is overwritten). Deterministic: ties are broken
 * by the cell's key order, never by row order. Measures are not touched; publishing
 * nulls them for suppressed cells.
 */
export async function applyDisclosure(opts: ApplyDisclosureOptions): Promise<DisclosureReport> {
  const { conn, dataset, threshold, periods } = opts;
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error(`disclosure: threshold must be an integer ≥ 1, got ${threshold}`);
  const spec = datasets[dataset];
  const t0 = performance.now();
  const tbl = ident(dataset);
  const x = `_disc_${dataset}_`; // temp table prefix
  const counts = spec.disclosureCounts.map((c) => `coalesce(${ident(c)}, 0)`);
  const hasOffer = spec.extraKeys.includes('offer');

  const cols = new Set(await column(conn, `SELECT column_name FROM information_schema.columns WHERE table_name = ${lit(dataset)}`));
  const need = ['area', 'benefit', 'freq', 'period', 'breakdown', 'breakdown_value', ...spec.extraKeys, ...spec.disclosureCounts];
  const missing = need.filter((c) => !cols.has(c));
  if (missing.length > 0) throw new Error(`disclosure: table ${dataset} lacks columns ${missing.join(', ')}`);

  const temps: string[] = [];
  const temp = async (name: string, sql: string) => {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${x}${name} AS ${sql}`);
    if (!temps.includes(name)) temps.push(name);
  };
  try {
    // --- Dictionaries: dense integer codes (0 …) per dimension, ordered by value, so the
    // cell id order below is the key order (the deterministic tie-break).
    const offerExpr = hasOffer ? 'offer' : `'all'`;
    // The status column first: cell ids keep the table's rowids for the write-back.
    await conn.run(`ALTER TABLE ${tbl} ADD COLUMN IF NOT EXISTS status VARCHAR`);
    const dimSources: Record<RelationDim, { expr: string; extra: string[] }> = {
      area: { expr: 'area', extra: areas.map((a) => a.id) },
      benefit: { expr: 'benefit', extra: benefits.map((b) => b.id) },
      period: { expr: `freq || '|' || period`, extra: (Object.entries(periods) as [Freq, string[]][]).flatMap(([f, ps]) => ps.map((p) => dimValue.period(f, p))) },
      breakdown: {
        expr: `breakdown || '|' || breakdown_value`,
        extra: [
          'total|total', ...genders.map((g) => `gender|${g.id}`), ...ageBands.map((a) => `age_band|${a.id}`), ...origins.map((o) => `origin|${o.id}`),
          ...(fundDatasets.has(dataset) ? fundRelationValues.map((f) => `a_kasse|${f}`) : []),
        ],
      },
      offer: { expr: offerExpr, extra: hasOffer ? ['all', ...offerKinds] : ['all'] },
    };
    const codes = new Map<RelationDim, Map<string, number>>();
    for (const { dim, col } of dims) {
      const { expr, extra } = dimSources[dim];
      await temp(`dim_${col}`, `SELECT v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS code FROM (SELECT DISTINCT ${expr} AS v FROM ${tbl} UNION SELECT unnest([${list(extra)}]::VARCHAR[]))`);
      const rows = (await conn.runAndReadAll(`SELECT v, code FROM ${x}dim_${col}`)).getRows();
      codes.set(dim, new Map(rows.map((r) => [String(r[0]), Number(r[1])])));
    }

    // --- Cells: integer id (key order), integer coordinates, the counts that rank candidates, primary flag.
    const primary = `(${counts.map((c) => `(${c} BETWEEN 1 AND ${threshold - 1})`).join(' OR ')})`;
    const [n1, ...rest] = counts;
    const cap = (v: string) => `least(${v}, 9007199254740991)::DOUBLE`;
    await temp(
      'cells',
      `SELECT (row_number() OVER (ORDER BY a.code, b.code, p.code, d.code, o.code) - 1)::INTEGER AS cell, t.rowid AS rid,
         a.code AS a, b.code AS b, p.code AS p, d.code AS d, o.code AS o,
         ${cap(n1!)} AS n1, ${cap(rest.length ? rest.join(' + ') : '0')} AS nrest, ${primary}::UTINYINT AS sup
       FROM ${tbl} t
       JOIN ${x}dim_a a ON a.v = t.area JOIN ${x}dim_b b ON b.v = t.benefit
       JOIN ${x}dim_p p ON p.v = t.freq || '|' || t.period
       JOIN ${x}dim_d d ON d.v = t.breakdown || '|' || t.breakdown_value
       JOIN ${x}dim_o o ON o.v = ${hasOffer ? 't.offer' : offerExpr}`,
    );
    const cells = await scalar(conn, `SELECT count(*) FROM ${x}cells`);
    const distinct = await scalar(conn, `SELECT count(*) FROM (SELECT DISTINCT a, b, p, d, o FROM ${x}cells)`);
    if (distinct !== cells) throw new Error(`disclosure: table ${dataset} has ${cells - distinct} duplicate cell keys`);
    const cols = await readColumns(conn, `SELECT a, b, p, d, o, n1, nrest, sup FROM ${x}cells ORDER BY cell`, cells,
      ['int32', 'int32', 'int32', 'int32', 'int32', 'float64', 'float64', 'uint8']);

    // --- Relation families, as codes.
    const families = relationFamilies({
      dataset,
      periods,
      areasPresent: new Set(await column(conn, `SELECT DISTINCT area FROM ${tbl}`)),
      benefitsPresent: new Set(await column(conn, `SELECT DISTINCT benefit FROM ${tbl}`)),
    }).map((f) => {
      const code = (v: string) => codes.get(f.dim)!.get(v)!;
      const unless = f.unless && { dim: dims.findIndex((d) => d.dim === f.unless!.dim), values: new Set(f.unless.values.map((v) => codes.get(f.unless!.dim)!.get(v)!)) };
      return { dim: dims.findIndex((d) => d.dim === f.dim), total: code(f.total), parts: f.parts.map(code), ...(unless ? { unless } : {}) };
    });
    const t1 = performance.now();

    const fix = secondarySuppression({
      sizes: dims.map(({ dim }) => codes.get(dim)!.size),
      coords: cols.slice(0, 5) as Int32Array[],
      n1: cols[5] as Float64Array,
      nrest: cols[6] as Float64Array,
      primary: cols[7] as Uint8Array,
      families,
    });
    const t2 = performance.now();

    // --- Write back by rowid (stable: the table is only updated, never deleted from, here).
    await conn.run(`UPDATE ${tbl} SET status = CASE WHEN ${primary} THEN 'primary' ELSE 'published' END`);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${x}sec (cell INTEGER)`);
    temps.push('sec');
    const appender = await conn.createAppender(`${x}sec`, 'main', 'temp');
    let secondary = 0;
    fix.state.forEach((s, c) => {
      if (s !== 2) return;
      appender.appendInteger(c);
      appender.endRow();
      secondary++;
    });
    appender.closeSync();
    await conn.run(`UPDATE ${tbl} SET status = 'secondary' WHERE rowid IN (SELECT rid FROM ${x}cells WHERE cell IN (SELECT cell FROM ${x}sec))`);
    // The persons without an a-kasse took part as a part of total = Σ funds + not insured; they are never published.
    const hidden = opts.keepNotInsured ? 0 : await scalar(conn, `SELECT count(*) FROM ${tbl} WHERE breakdown = 'a_kasse' AND breakdown_value = ${lit(NOT_INSURED)}`);
    if (hidden > 0) await conn.run(`DELETE FROM ${tbl} WHERE breakdown = 'a_kasse' AND breakdown_value = ${lit(NOT_INSURED)}`);
    const t3 = performance.now();
    const r = (ms: number) => Math.round(ms);
    return {
      dataset, threshold, cells, removedNotInsured: hidden, memberships: fix.memberships, primary: fix.state.reduce((n, s) => n + (s === 1 ? 1 : 0), 0), secondary,
      iterations: fix.iterations, unresolved: fix.unresolved,
      ms: { build: r(t1 - t0), iterate: r(t2 - t1), write: r(t3 - t2), total: r(t3 - t0) },
    };
  } finally {
    for (const name of temps) await conn.run(`DROP TABLE IF EXISTS ${x}${name}`);
  }
}
