import { areas, type AreaLevel } from '../reference/index.js';
import type { HierarchyId } from './table.schema.js';

/** An area hierarchy of the statistics bank (as Jobindsats' `_nykom`) with its levels top-down. */
export interface AreaHierarchy {
  hierarchy_id: string;
  hierarchy_name: string;
  levels: { level_id: string; level_name: string; areas: { id: string; name: string }[] }[];
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

const spec: Record<HierarchyId, { name: string; levels: AreaLevel[] }> = {
  _nykom: { name: 'Kommuner og regioner', levels: ['country', 'region', 'municipality'] },
  _jobcenter: { name: 'Jobcentre', levels: ['country', 'jobcenter'] },
  _beskregion: { name: 'Beskæftigelsesregioner 2007-2014', levels: ['country', 'employment_region'] },
};

/** The hierarchy's levels with their areas (reference order), limited to `only` when given. */
export function areaHierarchy(id: HierarchyId, only?: ReadonlySet<string>): AreaHierarchy {
  const s = spec[id];
  return {
    hierarchy_id: id,
    hierarchy_name: s.name,
    levels: s.levels
      .map((level) => ({ level_id: level, level_name: levelNames[level], areas: areas.filter((a) => a.level === level && (!only || only.has(a.id))) }))
      .filter((l) => l.areas.length > 0),
  };
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
