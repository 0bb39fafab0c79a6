import { sql, type Kysely } from 'kysely';
import { findClusters, findLatestRunId, loadRun } from '../benchmark/index.js';
import type { Database } from '../db/index.js';
import type { DatasetShape, SeriesStatusName } from '../indicators/index.js';
import { decodeValues, statusNames } from '../indicators/index.js';
import { BENCHMARK_DATASET, BENCHMARK_TABLE, benchmarkSeries, benchmarkTable } from './benchmark-table.js';
import { clusterAreaId, clusterAreaName } from './area-hierarchy.js';
import { clusterSeries, type CellSeries } from './cluster-cells.js';
import { notFound, StatbankError } from './statbank.errors.js';
import type { Selection } from './statbank.query.js';
import { compileTable, type CompiledTable } from './table.compile.js';
import { tableDefinitionSchema, type TableDefinition } from './table.schema.js';
import { realPeriodId, tablesWithoutAccess } from './vocabulary.js';

/** A data response: the columns and rows exactly as Jobindsats, plus the status of each row. */
export interface DataResult {
  release: number;
  columns: string[];
  rows: (string | number | null)[][];
  /** Status of each row's cell, aligned with `rows`. */
  status: SeriesStatusName[];
}

/** A table as listed in the catalogue, with the release that holds its newest version. */
interface CatalogueEntry {
  definition: TableDefinition;
  release: number;
  createdAt: Date;
}

type Cell = string | number | null;

function round(v: number, decimals: number): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Reads tables and data of releases, and the benchmarking's `styr_benchmark`. Compiled
 * tables are cached by release, benchmarking run and table (releases and runs are
 * immutable), and which ones are the newest is remembered for `latestTtlMs`, so a data
 * request costs at most two round trips (which release, then the series) and usually one.
 */
export class StatbankService {
  private readonly cache = new Map<string, CompiledTable>();
  private readonly aliases = new Map<string, { table: CompiledTable; until: number }>();
  /** Lookups under way, so that concurrent requests for a table share one. */
  private readonly pending = new Map<string, Promise<CompiledTable>>();

  /**
   * @param latestTtlMs how long "the release (and benchmarking run) a table is read from" is
   *   remembered; a new publication or run is served at most this long after it is committed.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly latestTtlMs = 1000,
    private readonly cacheSize = 500,
  ) {}

  /** The table in release `version`, or in the newest release holding it; 404 when there is none. */
  async table(tableId: string, version?: number): Promise<CompiledTable> {
    // An explicit version never changes; the newest release is looked up again after LATEST_TTL_MS.
    // A release never changes, but a benchmarking run may be added to it: every alias expires.
    const alias = version === undefined ? `latest:${tableId}` : `v${version}:${tableId}`;
    const known = this.aliases.get(alias);
    if (known && known.until > Date.now()) return known.table;
    let pending = this.pending.get(alias);
    if (!pending) {
      pending = (tableId === BENCHMARK_TABLE ? this.lookupBenchmark(version) : this.lookup(tableId, version))
        .then((t) => {
          if (this.aliases.size >= this.cacheSize) this.aliases.clear();
          this.aliases.set(alias, { table: t, until: Date.now() + this.latestTtlMs });
          return t;
        })
        .finally(() => this.pending.delete(alias));
      this.pending.set(alias, pending);
    }
    return pending;
  }

  private remember(key: string, compiled: CompiledTable): CompiledTable {
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, compiled);
    return compiled;
  }

  private notFound(tableId: string, version?: number) {
    const missing = tablesWithoutAccess[tableId];
    // As the real API answers a table the key has no access to.
    if (missing && version === undefined) return new StatbankError(403, 'no_access', `Styringshjulet beregner ikke tabellen ${tableId} (${missing.name}): ${missing.reason}.`, undefined, `No access to table: ${tableId}`);
    return notFound(version === undefined ? `Tabellen ${tableId} findes ikke.` : `Tabellen ${tableId} findes ikke i udgivelse ${version}.`, `Unknown table: ${tableId}`);
  }

  /** A release's table, with the peer clusters of the newest benchmarking run on it or an earlier release. */
  private async lookup(tableId: string, version?: number): Promise<CompiledTable> {
    let q = this.db
      .selectFrom('release_table as t')
      .innerJoin('release as r', 'r.id', 't.release_id')
      .select(['r.id', 'r.version', 'r.created_at'])
      .select((eb) =>
        eb
          .selectFrom('benchmark_run as b')
          .innerJoin('release as br', 'br.id', 'b.release_id')
          .select('b.id')
          .whereRef('br.version', '<=', 'r.version')
          .orderBy('br.version', 'desc')
          .orderBy('b.id', 'desc')
          .limit(1)
          .as('run_id'),
      )
      .where('t.table_id', '=', tableId);
    q = version === undefined ? q.orderBy('r.version', 'desc').limit(1) : q.where('r.version', '=', version);
    const rel = await q.executeTakeFirst();
    if (!rel) throw this.notFound(tableId, version);
    const key = `${rel.id}:${rel.run_id ?? '-'}:${tableId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = await this.db
      .selectFrom('release_table as t')
      .innerJoin('release_dataset as d', (j) => j.onRef('d.release_id', '=', 't.release_id').onRef('d.dataset', '=', 't.dataset'))
      .select(['t.definition', 'd.spec'])
      .where('t.release_id', '=', rel.id)
      .where('t.table_id', '=', tableId)
      .executeTakeFirst();
    if (!row) throw new Error(`Udgivelse ${rel.version}: tabellen ${tableId} mangler sit datasæt`);
    const run = rel.run_id === null ? undefined : { id: rel.run_id, clusters: (await findClusters(this.db, rel.run_id)).map((c) => ({ id: clusterAreaId(c.number), name: clusterAreaName(c.number), members: c.members })) };
    return this.remember(key, compileTable(row.definition, row.spec as DatasetShape, { id: rel.id, version: rel.version, createdAt: new Date(rel.created_at) }, run));
  }

  /** `styr_benchmark` of the newest benchmarking run on release `version` (default: on any release). */
  private async lookupBenchmark(version?: number): Promise<CompiledTable> {
    const found = await findLatestRunId(this.db, version);
    if (!found) throw this.notFound(BENCHMARK_TABLE, version);
    const key = `run:${found.runId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const run = await loadRun(this.db, found.runId, found.release);
    const jobcenters = (await findClusters(this.db, run.id)).flatMap((c) => c.members);
    const { definition, shape } = benchmarkTable(run, jobcenters);
    return this.remember(key, compileTable(definition, shape, { id: run.release.id, version: run.release.version, createdAt: new Date(run.created_at) }, { id: run.id, clusters: [] }));
  }

  /** Every table of release `version`, or the newest version of every table of any release. */
  async catalogue(version?: number): Promise<CatalogueEntry[]> {
    let q = this.db
      .selectFrom('release_table as t')
      .innerJoin('release as r', 'r.id', 't.release_id')
      .select(['t.table_id', 't.definition', 'r.version', 'r.created_at']);
    if (version !== undefined) {
      const exists = await this.db.selectFrom('release').select('id').where('version', '=', version).executeTakeFirst();
      if (!exists) throw notFound(`Udgivelse ${version} findes ikke.`);
      q = q.where('r.version', '=', version).orderBy('t.table_id');
    } else {
      q = q.distinctOn('t.table_id').orderBy('t.table_id').orderBy('r.version', 'desc');
    }
    const rows = await q.execute();
    const entries = rows.map((r) => ({ definition: tableDefinitionSchema.parse(r.definition), release: r.version, createdAt: r.created_at }));
    // The benchmarking's table, when a run exists (compiled and cached like any table).
    const bench = await this.table(BENCHMARK_TABLE, version).catch((err: unknown) => {
      if (err instanceof StatbankError && err.statusCode === 404) return null;
      throw err;
    });
    if (bench) entries.push({ definition: bench.def, release: bench.release.version, createdAt: bench.release.createdAt });
    return entries.sort((a, b) => a.definition.table_id.localeCompare(b.definition.table_id));
  }

  /**
   * Decoded series of the table for the areas, with `dims` position-wise in `allowed`: from
   * the release's dataset (a peer cluster from its jobcenters) or from the benchmarking run.
   */
  private async fetchSeries(t: CompiledTable, areas: string[], allowed: (Set<string> | undefined)[]): Promise<CellSeries[]> {
    if (t.def.dataset === BENCHMARK_DATASET) return benchmarkSeries(this.db, t.runId!, [...allowed[0]!], areas, t.shape.periods.length);
    const clusters = new Map(areas.filter((a) => t.clusters.has(a)).map((a) => [a, t.clusters.get(a)!]));
    const wanted = [...new Set([...areas.filter((a) => !clusters.has(a)), ...[...clusters.values()].flat()])];
    let q = this.db
      .selectFrom('release_series')
      .select(['area', 'dims', 'values', 'status', 'codec'])
      .where('release_id', '=', t.release.id)
      .where('dataset', '=', t.def.dataset)
      .where('area', 'in', wanted.length > 0 ? wanted : ['-']);
    let combos: string[][] | undefined = [[]];
    for (const set of allowed) {
      if (!set || combos.length * set.size > 256) combos = undefined;
      if (!combos) break;
      combos = combos.flatMap((c) => [...set!].map((v) => [...c, v]));
    }
    if (combos) {
      if (combos.length === 0) return [];
      q = q.where(sql<boolean>`dims in (${sql.join(combos.map((c) => sql`${c}::text[]`))})`);
    } else {
      allowed.forEach((values, i) => {
        if (values) q = q.where(sql<string>`dims[${sql.lit(i + 1)}]`, 'in', values.size > 0 ? [...values] : ['-']);
      });
    }
    const rows = (await q.execute()).map((r) => ({ area: r.area, dims: r.dims, values: decodeValues(r.values, r.codec), status: r.status }));
    if (clusters.size === 0) return rows;
    const asked = new Set(areas);
    return [...rows.filter((r) => asked.has(r.area)), ...clusterSeries(rows, clusters, t.shape.measures.length)];
  }

  /** The rows a selection asks for: period-major, then area, then dimension values in table order. */
  async data(t: CompiledTable, sel: Selection): Promise<DataResult> {
    const { def, shape } = t;
    const filter = def.filter ?? {};
    const pos = (d: string) => t.dimPos.get(d)!;

    // Allowed values per series dim position (prefilter in SQL; the exact check follows below).
    const allowed: (Set<string> | undefined)[] = shape.dims.map((d) => (filter[d] ? new Set(filter[d]) : undefined));
    const narrow = (dim: string, values: Iterable<string>) => {
      const i = pos(dim);
      const set = new Set(values);
      allowed[i] = allowed[i] ? new Set([...allowed[i]!].filter((v) => set.has(v))) : set;
    };
    const breakdownDims = t.dimensions.filter((d) => d.def.map.kind === 'breakdown');
    for (const d of t.dimensions) if (d.def.map.kind === 'series') narrow(d.def.map.dim, sel.dims.get(d.def.id)!);
    if (breakdownDims.length > 0) {
      const hasTotal = (id: string) => sel.dims.get(id)!.has('total');
      const breakdowns: string[] = [];
      const values: string[] = [];
      if (breakdownDims.every((d) => hasTotal(d.def.id))) {
        breakdowns.push('total');
        values.push('total');
      }
      for (const d of breakdownDims) {
        if (!breakdownDims.every((o) => o === d || hasTotal(o.def.id))) continue;
        const own = [...sel.dims.get(d.def.id)!].filter((v) => v !== 'total');
        if (own.length === 0) continue;
        breakdowns.push((d.def.map as { breakdown: string }).breakdown);
        values.push(...own);
      }
      narrow('breakdown', breakdowns);
      narrow('breakdown_value', values);
    }

    const nm = shape.measures.length;
    const series = sel.periods.length === 0 ? [] : await this.fetchSeries(t, sel.areas, allowed);

    // Exact check and the displayed value of every dimension.
    const areaOrder = new Map(sel.areas.map((a, i) => [a, i]));
    const bPos = t.dimPos.get('breakdown');
    const bvPos = t.dimPos.get('breakdown_value');
    const matched: { area: string; names: string[]; order: number[]; values: Float64Array; status: Uint8Array }[] = [];
    outer: for (const s of series) {
      if (s.dims.some((v, i) => allowed[i] && !allowed[i]!.has(v))) continue;
      const breakdown = bPos === undefined ? 'total' : s.dims[bPos]!;
      if (breakdown !== 'total' && !breakdownDims.some((d) => (d.def.map as { breakdown: string }).breakdown === breakdown)) continue;
      const names: string[] = [];
      const order: number[] = [areaOrder.get(s.area) ?? 0];
      for (const d of t.dimensions) {
        const m = d.def.map;
        const id = m.kind === 'series' ? s.dims[pos(m.dim)]! : m.kind === 'breakdown' && m.breakdown === breakdown ? s.dims[bvPos!]! : d.def.total!;
        const v = d.values.get(id);
        if (!v || !sel.dims.get(d.def.id)!.has(id)) continue outer;
        names.push(v.name);
        order.push(v.order);
      }
      matched.push({ area: s.area, names, order, values: s.values, status: s.status });
    }
    matched.sort((a, b) => {
      for (let i = 0; i < a.order.length; i++) if (a.order[i] !== b.order[i]) return a.order[i]! - b.order[i]!;
      return 0;
    });

    // Column plan: each response column is the period, the area, a dimension or a selected mgroup.
    const dimIdx = new Map(t.dimensions.map((d, i) => [d.def.name, i]));
    const selected = new Map(sel.mgroups.map((i) => [t.mgroups[i]!.name, t.mgroups[i]!]));
    const plan: ({ k: 'p' } | { k: 'a' } | { k: 'd'; i: number } | { k: 'm'; index: number; decimals: number })[] = [];
    const columns: string[] = [];
    for (const c of def.columns) {
      if (c === def.period.column) plan.push({ k: 'p' });
      else if (c === def.area.column) plan.push({ k: 'a' });
      else if (dimIdx.has(c)) plan.push({ k: 'd', i: dimIdx.get(c)! });
      else if (selected.has(c)) plan.push({ k: 'm', index: selected.get(c)!.index, decimals: selected.get(c)!.decimals });
      else continue;
      columns.push(c);
    }

    const rows: Cell[][] = [];
    const status: SeriesStatusName[] = [];
    for (const period of sel.periods) {
      const p = t.periodIndex.get(period)!;
      for (const s of matched) {
        const st = statusNames[s.status[p] ?? 3] ?? 'unavailable';
        if (st === 'unavailable' && def.omit_unavailable) continue;
        const suppressed = st === 'primary' || st === 'secondary';
        const row: Cell[] = [];
        for (const c of plan) {
          if (c.k === 'p') row.push(sel.periodFormat === 'jobindsats' ? realPeriodId(period) : period);
          else if (c.k === 'a') row.push(t.areaName.get(s.area) ?? s.area);
          else if (c.k === 'd') row.push(s.names[c.i]!);
          else {
            const v = s.values[p * nm + c.index];
            row.push(suppressed || v === undefined || Number.isNaN(v) ? null : round(v, c.decimals));
          }
        }
        rows.push(row);
        status.push(st);
      }
    }
    return { release: t.release.version, columns, rows, status };
  }
}
