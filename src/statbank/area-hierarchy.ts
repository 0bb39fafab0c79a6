import { areas, type AreaLevel } from '../reference/index.js';
import type { HierarchyId } from './table.schema.js';
import type { REAL_AREA_HIERARCHIES } from './vocabulary.js';

/** An area hierarchy of the statistics bank (as Jobindsats' `_nykom`) with its levels top-down. */
export interface AreaHierarchy {
  hierarchy_id: string;
  hierarchy_name: string;
  levels: { level_id: string; level_name: string; areas: { id: string; name: string }[] }[];
  /** One of the real API's (`*` then means every area, the total included), not one of ours (`*`: the lowest level). */
  real?: boolean;
}

/** A peer cluster of a benchmarking run as an area of the statistics bank: `KL<number>`. */
export interface ClusterArea {
  id: string;
  name: string;
  members: string[];
}

/** A peer cluster's area id in the statistics bank. */
export const clusterAreaId = (number: number) => `KL${number}`;
/** Its name: a cluster cell is the mean of its jobcenters' cells. */
export const clusterAreaName = (number: number) => `Klynge ${number} (gns. pr. jobcenter)`;

/** The id of the peer-cluster hierarchy, offered by every table with jobcenters once a benchmarking has run. */
export const CLUSTER_HIERARCHY = '_klynge';

const levelNames: Record<AreaLevel, string> = {
  country: 'Hele landet',
  region: 'Regioner',
  employment_region: 'Beskæftigelsesregioner 2007-2014',
  jobcenter: 'Jobcentre',
  municipality: 'Kommuner',
};

type AreaHierarchyId = HierarchyId | (typeof REAL_AREA_HIERARCHIES)[number];

const spec: Record<AreaHierarchyId, { name: string; levels: AreaLevel[]; real?: boolean }> = {
  // As the real API's: the country and its municipalities (regions are in _region and _reko; ids of regions are still accepted here).
  _nykom: { name: 'Kommuner', levels: ['country', 'municipality'], real: true },
  _region: { name: 'Regioner', levels: ['country', 'region'], real: true },
  _reko: { name: 'Regioner og kommuner', levels: ['country', 'region', 'municipality'], real: true },
  _hele_landet: { name: 'Hele landet', levels: ['country'], real: true },
  _jobcenter: { name: 'Jobcentre', levels: ['country', 'jobcenter'] },
  _beskregion: { name: 'Beskæftigelsesregioner 2007-2014', levels: ['country', 'employment_region'] },
};

/** The hierarchy's levels with their areas (reference order), limited to `only` when given. */
export function areaHierarchy(id: AreaHierarchyId, only?: ReadonlySet<string>): AreaHierarchy {
  const s = spec[id];
  return {
    hierarchy_id: id,
    hierarchy_name: s.name,
    levels: s.levels
      .map((level) => ({ level_id: level, level_name: levelNames[level], areas: areas.filter((a) => a.level === level && (!only || only.has(a.id))) }))
      .filter((l) => l.areas.length > 0),
    ...(s.real ? { real: true } : {}),
  };
}

/**
 * The areas in the hierarchy's tree order with their positional paths (the real API's `/2/`):
 * at each node the list is the node itself, then its children, numbered from 1, so `/1/` is
 * the root, `/2/` its first child and `/2/3/` that child's second child. A child belongs to the
 * first area of the level above that contains all its municipalities.
 */
export function areaPaths(h: AreaHierarchy): Map<string, string> {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const within = (child: string, parent: string) => {
    const p = new Set(byId.get(parent)?.municipalities ?? []);
    const c = byId.get(child)?.municipalities ?? [];
    return c.length > 0 && c.every((m) => p.has(m));
  };
  const out = new Map<string, string>();
  const [top, ...below] = h.levels;
  if (!top) return out;
  const walk = (id: string, path: string, depth: number) => {
    out.set(id, path);
    const next = below[depth];
    if (!next) return;
    let n = 1;
    for (const a of next.areas) if (!out.has(a.id) && within(a.id, id)) walk(a.id, `${path}${++n}/`, depth + 1);
  };
  // Only a hierarchy with one root (the country) has paths; the peer clusters have none.
  if (top.areas.length === 1) walk(top.areas[0]!.id, '/', 0);
  return out;
}

/** The peer clusters and, below them, their jobcenters (cluster by cluster). */
export function clusterHierarchy(clusters: ClusterArea[], names: ReadonlyMap<string, string>): AreaHierarchy {
  return {
    hierarchy_id: CLUSTER_HIERARCHY,
    hierarchy_name: 'Klynger af sammenlignelige jobcentre',
    levels: [
      { level_id: 'cluster', level_name: 'Klynger', areas: clusters.map((c) => ({ id: c.id, name: c.name })) },
      { level_id: 'jobcenter', level_name: 'Jobcentre', areas: clusters.flatMap((c) => c.members.map((id) => ({ id, name: names.get(id) ?? id }))) },
    ],
  };
}
