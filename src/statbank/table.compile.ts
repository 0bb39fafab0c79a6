import type { DatasetShape, Freq } from '../indicators/index.js';
import { areaHierarchy, areaPaths, clusterHierarchy, CLUSTER_HIERARCHY, type AreaHierarchy, type ClusterArea } from './area-hierarchy.js';
import { tableDefinitionSchema, type DimensionDefinition, type TableDefinition } from './table.schema.js';
import { REAL_AREA_HIERARCHIES, realDecimals, realHierarchyOf, realMgroupOf } from './vocabulary.js';

/** A dimension with lookups for queries and rows. */
export interface CompiledDimension {
  def: DimensionDefinition;
  /** value id → display name and order. */
  values: Map<string, { name: string; order: number }>;
  allIds: string[];
  levels: Map<string, string[]>;
  /** The real API's hierarchy id for it (e.g. `_ygrpi09`), beside ours (`_<id>`). */
  realHierarchy?: string;
  /** value id → its positional path (`/2/`: the total is `/1/`, then the values of the level below it). */
  paths: Map<string, string>;
}

/** A table of one release, ready to answer queries (cached per release: releases are immutable). */
export interface CompiledTable {
  def: TableDefinition;
  release: { id: number; version: number; createdAt: Date };
  shape: DatasetShape;
  /** Period id → index in the series. */
  periodIndex: Map<string, number>;
  /** The table's periods per frequency, ascending. */
  periodsByFreq: Map<Freq, string[]>;
  hierarchies: Map<string, AreaHierarchy>;
  /** Per area hierarchy: area id → its positional path. */
  areaPaths: Map<string, Map<string, string>>;
  areaName: Map<string, string>;
  /** Peer cluster id → its jobcenters in the table (cells of a cluster aggregate theirs). */
  clusters: Map<string, string[]>;
  /** The benchmarking run whose clusters (or, for `styr_benchmark`, whose results) the table shows. */
  runId: number | null;
  dimensions: CompiledDimension[];
  dimById: Map<string, CompiledDimension>;
  /** Position of each shape dim in `release_series.dims`. */
  dimPos: Map<string, number>;
  /** Per mgroup: index of its measure in the shape, its decimals and the real API's id for it (an alias). */
  mgroups: { id: string; name: string; index: number; decimals: number; aliases: string[] }[];
}

const freqOrder: Freq[] = ['M', 'Q', 'Y', 'R'];

/**
 * Validates a stored definition against its dataset shape and builds the lookups; throws on
 * a broken definition. A table with jobcenters also gets the peer clusters of `run` as a
 * hierarchy of their own.
 */
export function compileTable(definition: unknown, shape: DatasetShape, release: CompiledTable['release'], run?: { id: number; clusters: ClusterArea[] }): CompiledTable {
  const parsed = tableDefinitionSchema.safeParse(definition);
  if (!parsed.success) throw new Error(`Tabeldefinitionen er ugyldig: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const def = parsed.data;
  const where = `tabel ${def.table_id} (udgivelse ${release.version})`;

  const periodIndex = new Map(shape.periods.map((p, i) => [p.id, i]));
  const periodsByFreq = new Map<Freq, string[]>();
  for (const f of freqOrder) {
    if (!def.period.freqs.includes(f)) continue;
    const ids = shape.periods.filter((p) => p.freq === f).map((p) => p.id).sort();
    if (ids.length > 0) periodsByFreq.set(f, ids);
  }

  const only = def.area.areas ? new Set(def.area.areas) : undefined;
  const hierarchies = new Map<string, AreaHierarchy>(def.area.hierarchies.map((h) => [h, areaHierarchy(h, only)]));
  if (hierarchies.has('_nykom')) for (const h of REAL_AREA_HIERARCHIES) hierarchies.set(h, areaHierarchy(h, only));
  const areaName = new Map<string, string>();
  for (const h of hierarchies.values()) for (const l of h.levels) for (const a of l.areas) areaName.set(a.id, def.area.names?.[a.id] ?? a.name);
  const clusters = new Map<string, string[]>();
  if (run && hierarchies.has('_jobcenter') && run.clusters.length > 0) {
    const inTable = run.clusters.map((c) => ({ ...c, members: c.members.filter((m) => areaName.has(m)) })).filter((c) => c.members.length > 0);
    const h = clusterHierarchy(inTable, areaName);
    hierarchies.set(CLUSTER_HIERARCHY, h);
    for (const c of inTable) {
      clusters.set(c.id, c.members);
      areaName.set(c.id, c.name);
    }
  }

  const dimPos = new Map(shape.dims.map((d, i) => [d, i]));
  const dimensions = def.dimensions.map((d): CompiledDimension => {
    const values = new Map<string, { name: string; order: number }>();
    for (const l of d.levels) for (const v of l.values) if (!values.has(v.value_id)) values.set(v.value_id, { name: v.value_name, order: values.size });
    if (d.total !== undefined && !values.has(d.total)) throw new Error(`${where}: dimensionen ${d.id} mangler sin total ${d.total}`);
    if (d.map.kind === 'series' && !dimPos.has(d.map.dim)) throw new Error(`${where}: datasættet har ikke dimensionen ${d.map.dim}`);
    if (d.map.kind === 'breakdown' && !(dimPos.has('breakdown') && dimPos.has('breakdown_value'))) throw new Error(`${where}: datasættet har ingen opdelinger`);
    if (d.map.kind !== 'series' && d.total === undefined) throw new Error(`${where}: dimensionen ${d.id} skal have en total`);
    // Positions: the total first (/1/), then the values of the level below it (/2/, /3/, …).
    const paths = new Map<string, string>();
    if (d.total !== undefined) {
      paths.set(d.total, '/');
      const below = d.levels.find((l) => !l.values.some((v) => v.value_id === d.total));
      below?.values.forEach((v, i) => paths.set(v.value_id, `/${i + 2}/`));
    }
    const realHierarchy = realHierarchyOf(def.table_id, d.name);
    return { def: d, values, allIds: [...values.keys()], levels: new Map(d.levels.map((l) => [l.level_id, l.values.map((v) => v.value_id)])), paths, ...(realHierarchy ? { realHierarchy } : {}) };
  });
  const covered = new Set([...dimensions.flatMap((d) => (d.def.map.kind === 'series' ? [d.def.map.dim] : d.def.map.kind === 'breakdown' ? ['breakdown', 'breakdown_value'] : [])), ...Object.keys(def.filter ?? {})]);
  for (const d of shape.dims) if (!covered.has(d)) throw new Error(`${where}: dimensionen ${d} er hverken vist eller fastlagt`);

  const measureIdx = new Map(shape.measures.map((m, i) => [m.id, i]));
  const mgroups = def.mgroups.map((g) => {
    const index = measureIdx.get(g.measure);
    if (index === undefined) throw new Error(`${where}: målet ${g.measure} findes ikke i datasættet ${def.dataset}`);
    const real = realMgroupOf(def.table_id, g.mgroup_name);
    return { id: g.mgroup_id, name: g.mgroup_name, index, decimals: realDecimals[def.table_id]?.[g.mgroup_name] ?? shape.measures[index]!.decimals, aliases: real ? [real] : [] };
  });

  return {
    def,
    release,
    shape,
    periodIndex,
    periodsByFreq,
    hierarchies,
    areaPaths: new Map([...hierarchies].map(([id, h]) => [id, areaPaths(h)])),
    areaName,
    clusters,
    runId: run?.id ?? null,
    dimensions,
    dimById: new Map(dimensions.map((d) => [d.def.id, d])),
    dimPos,
    mgroups,
  };
}
