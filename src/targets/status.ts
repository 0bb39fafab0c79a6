/**
 * A target's status against a release: met or missed (Ikke nået) once the deadline is in the data;
 * before it, on track, at risk or off track by the probability that the forecast meets it.
 */
import { forecast, probabilityOfMeeting, type Forecast, type SeriesPoint } from './forecast.js';
import { stepOf } from './periods.js';
import { isMeasurable, targetValue, type Target } from './target.js';
import { formatValue, periodName, targetAmount } from '../statbank/index.js';

import type { TargetStatus } from './names.js';

export { statusLabels, type TargetStatus } from './names.js';

/** Probability of meeting the target from which a target is on track, and below which it is off track. */
const ON_TRACK = 0.8;
const OFF_TRACK = 0.2;

export interface TargetEvaluation {
  status: TargetStatus;
  /** The value to reach and from which side; null when not measurable. */
  target: { value: number; direction: 'at_least' | 'at_most' } | null;
  latest: { period: string; value: number } | null;
  /** Once the deadline is in the data: the value then. */
  atDeadline: { period: string; value: number } | null;
  forecast: Forecast | null;
  probability: number | null;
  /** Why, in Danish. */
  reason: string;
  /** The deadline lies before the bank's first period: a target set on other data, not judged on these. */
  before_data?: boolean;
}


const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const meets = (v: number, t: { value: number; direction: 'at_least' | 'at_most' }) => (t.direction === 'at_least' ? v >= t.value : v <= t.value);

/** Evaluates a target on its indicator's series (periods ascending; null = not published). */
export function evaluateTarget(t: Target, series: readonly SeriesPoint[]): TargetEvaluation {
  const none = { latest: null, atDeadline: null, forecast: null, probability: null };
  if (!isMeasurable(t)) return { ...none, status: 'not_measurable', target: null, reason: 'Målet er ikke bundet til et tal i statistikbanken.' };
  const target = targetValue(t);
  if (!Number.isFinite(target.value)) return { ...none, status: 'no_data', target, reason: 'Udgangspunktet mangler, så målværdien kan ikke regnes ud.' };
  const observed = series.filter((p): p is { period: string; value: number } => p.value !== null && Number.isFinite(p.value));
  const latest = observed.at(-1) ?? null;
  if (!latest) return { ...none, status: 'no_data', target, reason: 'Der er ingen offentliggjorte tal for indikatoren.' };
  const first = series[0]?.period;
  // A target for a time before the data (seed 004's 2013 targets against the 2021– demo) is not judged on it.
  if (first && stepOf(t.deadline) < stepOf(first) && !series.some((p) => p.period === t.deadline)) {
    return { ...none, latest, status: 'no_data', target, before_data: true, reason: `Fristen ${periodName(t.deadline)} ligger før statistikbankens første periode (${periodName(first)}), så målet kan ikke følges op på disse tal.` };
  }
  const side = target.direction === 'at_least' ? 'mindst' : 'højst';
  const fmt = (v: number) => formatValue(v, t.indicator.measure);
  const goal = fmt(targetAmount(target.value, t.indicator.measure, target.direction));
  if (stepOf(t.deadline) <= stepOf(latest.period)) {
    const at = observed.find((p) => p.period === t.deadline) ?? null;
    if (!at) return { ...none, latest, status: 'no_data', target, reason: `Tallet for ${periodName(t.deadline)} er ikke offentliggjort.` };
    const ok = meets(at.value, target);
    return { ...none, latest, atDeadline: at, status: ok ? 'met' : 'missed', target, reason: `${cap(periodName(t.deadline))}: ${fmt(at.value)}; målet var ${side} ${goal}${ok ? '' : ' og blev ikke nået'}.` };
  }
  const fc = forecast(series, t.deadline);
  if (!fc) return { ...none, latest, status: 'no_data', target, reason: 'For få offentliggjorte perioder til en prognose (mindst 6).' };
  const p = probabilityOfMeeting(fc, target.value, target.direction);
  const status: TargetStatus = p >= ON_TRACK ? 'on_track' : p >= OFF_TRACK ? 'at_risk' : 'off_track';
  return {
    status, target, latest, atDeadline: null, forecast: fc, probability: p,
    reason: `Prognosen for ${periodName(t.deadline)} er ${fmt(fc.value)} (${Math.round(fc.level * 100)} %-interval ${formatValue(fc.lower, t.indicator.measure, { unit: false })}–${fmt(fc.upper)}); målet er ${side} ${goal}. Sandsynligheden for at nå det er ${Math.round(p * 100)} %.`,
  };
}
