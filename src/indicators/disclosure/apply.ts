/**
 * Disclosure control of one dataset table in DuckDB: primary suppression, then secondary
 * suppression to the fixpoint over the additive relations (docs/measures.md, "Disclosure").
 *
 * Set-based: every cell gets an integer id, every relation an integer (BIGINT) id, and a
 * membership table `relation × cell` is built once. Each round only looks at relations
 * touched by the cells suppressed in the previous round, since a relation's number of
 * suppressed members only grows.
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
import { ageBands, areas, benefits, genders, origins } from '../../reference/index.js';
import { datasets, offerKinds, type DatasetId, type Freq } from '../datasets.js';
import { dimValue, relationFamilies, type RelationDim } from './relations.js';

/** What {@link applyDisclosure} did, for logs and release notes. */
export interface DisclosureReport {
  dataset: DatasetId;
  threshold: number;
  cells: number;
  /** Rows of the relation × cell membership table. */
  memberships: number;
  primary: number;
  secondary: number;
  /** Rounds of secondary suppression that suppressed at least one cell. */
  iterations: number;
  /**
   * Relations still holding exactly one suppressed member at the end. Always 0 for
   * consistent data; only possible when a relation has nothing left to suppress (its
   * total absent and every other part absent or zero-free), which non-negative data rules out.
   */
  unresolved: number;
  ms: { build: number; iterate: number; write: number; total: number };
}

export interface ApplyDisclosureOptions {
  conn: DuckDBConnection;
  dataset: DatasetId;
  /** `DISCLOSURE_THRESHOLD`: counts 1 … threshold − 1 are primary suppressed. */
  threshold: number;
  /** The published periods per frequency (time relations use only these). */
  periods: Record<Freq, string[]>;
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
    // --- Dictionaries: dense integer codes per dimension, ordered by value, so the
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
        extra: ['total|total', ...genders.map((g) => `gender|${g.id}`), ...ageBands.map((a) => `age_band|${a.id}`), ...origins.map((o) => `origin|${o.id}`)],
      },
      offer: { expr: offerExpr, extra: hasOffer ? ['all', ...offerKinds] : ['all'] },
    };
    const size: Record<string, number> = {};
    for (const { dim, col } of dims) {
      const { expr, extra } = dimSources[dim];
      await temp(`dim_${col}`, `SELECT v, (row_number() OVER (ORDER BY v))::INTEGER AS code FROM (SELECT DISTINCT ${expr} AS v FROM ${tbl} UNION SELECT unnest([${list(extra)}]::VARCHAR[]))`);
      size[col] = await scalar(conn, `SELECT count(*) FROM ${x}dim_${col}`);
    }

    // --- Cells: integer id, integer coordinates, the counts that rank candidates, primary flag.
    const primary = `(${counts.map((c) => `(${c} BETWEEN 1 AND ${threshold - 1})`).join(' OR ')})`;
    const [n1, ...rest] = counts;
    await temp(
      'cells',
      `SELECT (row_number() OVER (ORDER BY a.code, b.code, p.code, d.code, o.code))::INTEGER AS cell, t.rowid AS rid,
         a.code AS a, b.code AS b, p.code AS p, d.code AS d, o.code AS o,
         ${n1} AS n1, ${rest.length ? rest.join(' + ') : '0'} AS nrest,
         ${primary} AS sup, false AS sec
       FROM ${tbl} t
       JOIN ${x}dim_a a ON a.v = t.area JOIN ${x}dim_b b ON b.v = t.benefit
       JOIN ${x}dim_p p ON p.v = t.freq || '|' || t.period
       JOIN ${x}dim_d d ON d.v = t.breakdown || '|' || t.breakdown_value
       JOIN ${x}dim_o o ON o.v = ${hasOffer ? 't.offer' : offerExpr}`,
    );
    const cells = await scalar(conn, `SELECT count(*) FROM ${x}cells`);
    const distinct = await scalar(conn, `SELECT count(*) FROM (SELECT DISTINCT a, b, p, d, o FROM ${x}cells)`);
    if (distinct !== cells) throw new Error(`disclosure: table ${dataset} has ${cells - distinct} duplicate cell keys`);

    // --- Relation families → (fam, dim, value code, is_total).
    const families = relationFamilies({
      dataset,
      periods,
      areasPresent: new Set(await column(conn, `SELECT DISTINCT area FROM ${tbl}`)),
      benefitsPresent: new Set(await column(conn, `SELECT DISTINCT benefit FROM ${tbl}`)),
    });
    const famRows = families.flatMap((f, i) => [
      `(${i + 1}, ${lit(f.dim)}, ${lit(f.total)}, true)`,
      ...f.parts.map((p) => `(${i + 1}, ${lit(f.dim)}, ${lit(p)}, false)`),
    ]);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${x}fam (fam INTEGER, dim VARCHAR, v VARCHAR, is_total BOOLEAN)`);
    temps.push('fam');
    for (let i = 0; i < famRows.length; i += 2000) await conn.run(`INSERT INTO ${x}fam VALUES ${famRows.slice(i, i + 2000).join(', ')}`);

    // --- Membership relation × cell. A relation is a family plus the cell's coordinates
    // in the other four dimensions, packed into one BIGINT (mixed radix) so the table
    // is two integers and a flag per row, however many millions of rows it has.
    const radix = dims.map(({ col }) => BigInt(size[col]! + 1));
    const span = radix.reduce((acc, r) => acc * r, 1n);
    if (BigInt(families.length + 1) * span >= 2n ** 62n) throw new Error('disclosure: relation ids would overflow BIGINT');
    const pack = (zero: string) =>
      dims.reduce((acc, { col }, i) => {
        const v = col === zero ? '0' : `c.${col}::BIGINT`;
        return i === 0 ? v : `(${acc}) * ${radix[i]} + ${v}`;
      }, '');
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${x}mem (rel BIGINT, cell INTEGER, is_total BOOLEAN)`);
    temps.push('mem');
    for (const { dim, col } of dims) {
      await conn.run(
        `INSERT INTO ${x}mem SELECT f.fam::BIGINT * ${span} + ${pack(col)}, c.cell, f.is_total
         FROM ${x}cells c JOIN (SELECT f.fam, f.is_total, d.code FROM ${x}fam f JOIN ${x}dim_${col} d ON d.v = f.v WHERE f.dim = ${lit(dim)}) f
           ON f.code = c.${col}`,
      );
    }
    // Relations with a total but no part present (e.g. breakdowns of an offer kind) stay in:
    // pruning them costs a pass over the table, and they never get a pick (a lone
    // suppressed total has no other member); they are left out of `unresolved` below.
    // A relation with parts but an absent total is a real one: the total is a published zero.
    const memberships = await scalar(conn, `SELECT count(*) FROM ${x}mem`);
    const t1 = performance.now();

    // --- Fixpoint. Invariant: after a round, every relation holding exactly one suppressed
    // member got one more, so only relations touched by the newly suppressed cells can
    // hold exactly one. `supmem` is the membership of all suppressed cells so far.
    await temp('new', `SELECT cell FROM ${x}cells WHERE sup`);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${x}supmem (rel BIGINT)`);
    temps.push('supmem');
    let iterations = 0;
    for (;;) {
      await temp('delta', `SELECT m.rel FROM ${x}mem m WHERE m.cell IN (SELECT cell FROM ${x}new)`);
      await conn.run(`INSERT INTO ${x}supmem SELECT rel FROM ${x}delta`);
      await temp('single', `SELECT rel FROM ${x}supmem WHERE rel IN (SELECT rel FROM ${x}delta) GROUP BY rel HAVING count(*) = 1`);
      // Choose one unsuppressed member per offending relation: the non-zero part with the
      // fewest persons (first disclosure count); else the total; else (guards for
      // inconsistent data, e.g. a lone suppressed total) a part non-zero in another
      // count; else a zero row. Ties by cell id, i.e. key order.
      // The order (tier, n1, nrest, cell) packed into one HUGEINT for arg_min; counts are
      // capped at 2^31 − 1, far above any number of persons.
      const cap = (v: string) => `least(${v}, 2147483647)::HUGEINT`;
      await temp(
        'new',
        `SELECT DISTINCT arg_min(m.cell,
           ((CASE WHEN NOT m.is_total AND c.n1 > 0 THEN 0 WHEN m.is_total THEN 1 WHEN c.nrest > 0 THEN 2 ELSE 3 END)::HUGEINT << 96)
           + (${cap('c.n1')} << 64) + (${cap('c.nrest')} << 32) + m.cell) AS cell
         FROM (SELECT * FROM ${x}mem WHERE rel IN (SELECT rel FROM ${x}single)) m JOIN ${x}cells c ON c.cell = m.cell
         WHERE NOT c.sup
         GROUP BY m.rel`,
      );
      const picked = await scalar(conn, `SELECT count(*) FROM ${x}new`);
      if (picked === 0) break;
      iterations++;
      await conn.run(`UPDATE ${x}cells SET sup = true, sec = true WHERE cell IN (SELECT cell FROM ${x}new)`);
    }
    const unresolved = await scalar(
      conn,
      `SELECT count(*) FROM (SELECT rel FROM ${x}supmem GROUP BY rel HAVING count(*) = 1)
       WHERE rel IN (SELECT rel FROM ${x}mem WHERE NOT is_total)`,
    );
    const t2 = performance.now();

    // --- Write back by rowid (stable: the table is only updated, never deleted from, here).
    await conn.run(`UPDATE ${tbl} SET status = CASE WHEN ${primary} THEN 'primary' ELSE 'published' END`);
    await conn.run(`UPDATE ${tbl} SET status = 'secondary' WHERE rowid IN (SELECT rid FROM ${x}cells WHERE sec)`);
    const primaryN = await scalar(conn, `SELECT count(*) FROM ${x}cells WHERE sup AND NOT sec`);
    const secondaryN = await scalar(conn, `SELECT count(*) FROM ${x}cells WHERE sec`);
    const t3 = performance.now();
    const r = (ms: number) => Math.round(ms);
    return {
      dataset, threshold, cells, memberships, primary: primaryN, secondary: secondaryN, iterations, unresolved,
      ms: { build: r(t1 - t0), iterate: r(t2 - t1), write: r(t3 - t2), total: r(t3 - t0) },
    };
  } finally {
    for (const name of temps) await conn.run(`DROP TABLE IF EXISTS ${x}${name}`);
  }
}
