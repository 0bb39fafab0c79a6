/** The statistics bank's API shapes (/v3, see src/statbank/README.md: its schemas' types) and the explorer's URL state. */
import type { z } from 'zod';
import { AREA_DIMENSION, type dataResponse, type tableResponse, type tablesResponse } from '../../src/statbank/shared';
export type Subject = z.output<typeof tablesResponse>[number];
export type TableInfo = z.output<typeof tableResponse>;
export type Dimension = TableInfo['dimensions'][number];
export type DataResult = z.output<typeof dataResponse>;
export type Status = DataResult['status'][number];

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
      if (d.dimension_id !== AREA_DIMENSION && d.total === undefined && d.parameter && first) q.set(d.parameter, first.value_id);
    }
  }
  return q;
}

/** The default areas: the whole country where the table has it, else all its areas. */
export function defaultAreas(t: TableInfo): { parameter: string; value: string; national: boolean } | null {
  const hierarchies = t.dimensions.find((d) => d.dimension_id === AREA_DIMENSION)?.hierarchies ?? [];
  const national = hierarchies.find((h) => h.levels.some((l) => l.level_id === 'country'));
  const h = national ?? hierarchies[0];
  return h ? { parameter: h.parameter, value: national ? '/' : '*', national: national !== undefined } : null;
}
