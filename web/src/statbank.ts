/** The statistics bank's API shapes (/v3, see src/statbank/README.md) and the explorer's URL state. */
export interface TableSummary {
  table_id: string;
  table_name: string;
}
export interface Subject {
  subject_id: string;
  subject_name: string;
  table_groups: { table_group_id: string; table_group_name: string; tables: TableSummary[] }[];
}
export interface Value {
  value_id: string;
  value_name: string;
}
export interface Level {
  level_id: string;
  level_name: string;
  values: Value[];
}
export interface Hierarchy {
  hierarchy_id: string;
  hierarchy_name: string;
  parameter: string;
  levels: Level[];
}
export interface Dimension {
  dimension_id: string;
  dimension_name: string;
  parameter?: string;
  default: string;
  total?: string;
  hierarchies: Hierarchy[];
}
export interface TableInfo {
  table_id: string;
  table_name: string;
  release: number;
  update_latest: string;
  subject: { subject_id: string; subject_name: string };
  description?: string;
  columns: string[];
  mgroups: { mgroup_id: string; mgroup_name: string }[];
  dimensions: Dimension[];
  periods_by_freq: Record<string, string[]>;
}
export type Status = 'published' | 'primary' | 'secondary' | 'unavailable';
export interface DataResult {
  release: number;
  columns: string[];
  rows: (string | number | null)[][];
  status: Status[];
}

export const freqNames: Record<string, string> = { M: 'Måneder', Q: 'Kvartaler', Y: 'År', R: 'Løbende år' };

/** Why a cell has no number, in words (shown beside the table). */
export const statusText: Record<Status, string> = {
  published: '',
  primary: 'Diskretioneret: færre end 5 personer. Tallet vises ikke af hensyn til fortroligheden.',
  secondary: 'Diskretioneret for at beskytte en anden celle: ellers kunne et skjult tal regnes ud ved at trække de øvrige fra totalen.',
  unavailable: 'Ikke opgjort for denne periode (fx fordi de 4 uger efter perioden endnu ikke er med i registeret).',
};

/**
 * The explorer's default query for a table: the 12 latest periods of its first frequency for
 * the whole country, every measure. A table without the country (e.g. the benchmarking's,
 * by jobcenter) starts with every area in the newest period and the first value of each
 * dimension that has no total, so the first view stays readable.
 */
export function defaultQuery(t: TableInfo): URLSearchParams {
  const q = new URLSearchParams();
  const freq = Object.keys(t.periods_by_freq)[0] ?? 'M';
  const areas = defaultAreas(t);
  q.set(`period.${freq}`, areas?.national === false ? 'latest:1' : 'latest:12');
  if (areas) q.set(areas.parameter, areas.value);
  if (areas?.national === false) {
    for (const d of t.dimensions) {
      const first = d.hierarchies[0]?.levels[0]?.values[0];
      if (d.dimension_id !== 'omraade' && d.total === undefined && d.parameter && first) q.set(d.parameter, first.value_id);
    }
  }
  return q;
}

/** The default areas: the whole country where the table has it, else all its areas. */
export function defaultAreas(t: TableInfo): { parameter: string; value: string; national: boolean } | null {
  const hierarchies = t.dimensions.find((d) => d.dimension_id === 'omraade')?.hierarchies ?? [];
  const national = hierarchies.find((h) => h.levels.some((l) => l.level_id === 'country'));
  const h = national ?? hierarchies[0];
  return h ? { parameter: h.parameter, value: national ? '/' : '*', national: national !== undefined } : null;
}
