/** A target in one line of Danish, as the documents, their diffs and the PDF show it: names, never ids. */
import { areaById } from '../reference/index.js';
import { clusterAreaName, formatValue, measureUnit, periodName, tableDefinitions, targetAmount, type TableDefinition } from '../statbank/index.js';
import { isMeasurable, targetValue, type Indicator, type Target } from './target.js';

let catalogue: Map<string, TableDefinition> | undefined;
const tableOf = (id: string) => (catalogue ??= new Map(tableDefinitions().map((t) => [t.table_id, t]))).get(id);
/** A table's Danish name (undefined for a table the catalogue does not know). */
export const tableName = (id: string) => tableOf(id)?.table_name;

/** An area's Danish name (clusters too); the id only when the reference does not know it. */
const areaLabel = (id: string) => (/^KL\d+$/.test(id) ? clusterAreaName(Number(id.slice(2))) : (areaById.get(id)?.name ?? id));

/** The indicator in Danish: table, measure and dimension values by name, and the area. */
export function describeIndicator(i: Indicator): string {
  const t = tableOf(i.table);
  const measure = t?.mgroups.find((m) => m.mgroup_id === i.measure)?.mgroup_name ?? i.measure;
  const dims = Object.entries(i.dims).map(([d, v]) => {
    const dim = t?.dimensions.find((x) => x.id === d);
    return dim?.levels.flatMap((l) => l.values).find((x) => x.value_id === v)?.value_name ?? v;
  });
  return `${[t?.table_name ?? 'Statistikbanken', ...dims].join(', ')}: ${measure.charAt(0).toLowerCase()}${measure.slice(1)}, ${areaLabel(i.area)}`;
}

export function describeTarget(t: Target): string {
  if (!isMeasurable(t)) return `${t.title} (ikke målbart)`;
  const { value, direction } = targetValue(t);
  const m = t.indicator.measure;
  const val = (v: number) => formatValue(v, m);
  const signed = (v: number, text: string) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${text}`;
  const goal =
    t.goal.kind === 'level' ? ''
    : t.goal.kind === 'change' ? ` (${signed(t.goal.value, formatValue(Math.abs(t.goal.value), m, { unit: measureUnit(m).kind === 'count' }))}${measureUnit(m).kind === 'rate' && measureUnit(m).unit.startsWith('pct.') ? ' procentpoint' : ''} fra ${periodName(t.baseline!.period)}: ${val(t.baseline!.value)})`
    : ` (${signed(t.goal.value, `${Math.abs(t.goal.value * 100).toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`)} fra ${periodName(t.baseline!.period)}: ${val(t.baseline!.value)})`;
  return `${t.title}: ${direction === 'at_least' ? 'mindst' : 'højst'} ${val(targetAmount(value, m, direction))} i ${periodName(t.deadline)}${goal}. Måles som ${describeIndicator(t.indicator)}.`;
}
