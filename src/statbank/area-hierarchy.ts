import { areas, type Area, type AreaLevel } from '../reference/index.js';
import type { HierarchyId } from './table.schema.js';

/** An area hierarchy of the statistics bank (as Jobindsats' `_nykom`) with its levels top-down. */
export interface AreaHierarchy {
  hierarchy_id: HierarchyId;
  hierarchy_name: string;
  levels: { level_id: AreaLevel; level_name: string; areas: Area[] }[];
}

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
