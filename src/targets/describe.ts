/** A target in one line of Danish, as the documents, their diffs and the PDF show it. */
import { isMeasurable, targetValue, type Indicator, type Target } from './target.js';

const num = (v: number) => v.toLocaleString('da-DK', { maximumFractionDigits: 2 });

export const describeIndicator = (i: Indicator) =>
  `${i.table}/${i.measure}${Object.keys(i.dims).length ? ` [${Object.entries(i.dims).map(([k, v]) => `${k}=${v}`).join(', ')}]` : ''}, ${i.area}`;

export function describeTarget(t: Target): string {
  if (!isMeasurable(t)) return `${t.title} (ikke målbart)`;
  const { value, direction } = targetValue(t);
  const goal = t.goal.kind === 'level' ? '' : t.goal.kind === 'change' ? ` (${t.goal.value > 0 ? '+' : ''}${num(t.goal.value)} fra ${t.baseline!.period}: ${num(t.baseline!.value)})` : ` (${t.goal.value > 0 ? '+' : ''}${num(t.goal.value * 100)} % fra ${t.baseline!.period}: ${num(t.baseline!.value)})`;
  return `${t.title}: ${direction === 'at_least' ? 'mindst' : 'højst'} ${num(value)} i ${t.deadline}${goal} [${describeIndicator(t.indicator)}]`;
}
