/**
 * The forecast of an indicator to a target's deadline: a seasonal trend model, fitted by
 * least squares to the last three years of the series — a linear trend plus one level per
 * month (or quarter) of the year — on the log scale when every value is positive (so a
 * trend is a steady percentage change and the band stays positive). The band is the
 * prediction interval of a new observation at the deadline (the fit's uncertainty plus the
 * residual spread), and the probability of meeting the target is read from the same
 * normal approximation.
 */
import { fitWls, normalCdf, predict, tQuantile } from '../stats/index.js';
import { freqOf, seasonLength, stepOf, type Freq } from './periods.js';

export interface SeriesPoint {
  period: string;
  value: number | null;
}

export interface Forecast {
  period: string;
  value: number;
  lower: number;
  upper: number;
  /** Of the band (e.g. 0.8). */
  level: number;
  /** The model on its scale: mean and standard deviation of a new observation at the deadline. */
  mean: number;
  sd: number;
  scale: 'log' | 'linear';
  seasonal: boolean;
  /** The periods the model was fitted to. */
  from: string;
  to: string;
  n: number;
  /** The method in Danish, for the reader. */
  method: string;
}

/** Periods of history the model is fitted to: three years (eight for yearly series). */
const windowOf = (f: Freq) => (f === 'Y' ? 8 : f === 'Q' ? 12 : 36);
const MIN_POINTS = 6;

/** The forecast at `deadline`, or null when the series has too few published periods (fewer than 6 in the window). */
export function forecast(series: readonly SeriesPoint[], deadline: string, level = 0.8): Forecast | null {
  const observed = series.filter((p): p is { period: string; value: number } => p.value !== null && Number.isFinite(p.value));
  if (observed.length === 0) return null;
  const f = freqOf(observed.at(-1)!.period);
  const last = stepOf(observed.at(-1)!.period);
  const points = observed.filter((p) => stepOf(p.period) > last - windowOf(f));
  if (points.length < MIN_POINTS) return null;
  const s = seasonLength(f);
  const seasonal = s > 1 && points.length >= 2 * s;
  const scale = points.every((p) => p.value > 0) ? ('log' as const) : ('linear' as const);
  const g = (v: number) => (scale === 'log' ? Math.log(v) : v);
  const names = ['trend', ...(seasonal ? Array.from({ length: s - 1 }, (_, k) => `season${k + 1}`) : [])];
  const row = (step: number) => [step - last, ...(seasonal ? Array.from({ length: s - 1 }, (_, k) => (((step % s) + s) % s === k + 1 ? 1 : 0)) : [])];
  const fit = fitWls(points.map((p) => row(stepOf(p.period))), points.map((p) => g(p.value)), names);
  const at = predict(fit, row(stepOf(deadline)), names);
  const sigma2 = Number.isFinite(fit.sigma2) ? fit.sigma2 : 0;
  const sd = Math.sqrt(Math.max(0, at.variance + sigma2));
  const half = fit.df > 0 ? tQuantile((1 + level) / 2, fit.df) * sd : 0;
  const back = (v: number) => (scale === 'log' ? Math.exp(v) : v);
  const unit = f === 'Q' ? 'kvartal' : f === 'Y' ? 'år' : 'måned';
  return {
    period: deadline,
    value: back(at.value),
    lower: back(at.value - half),
    upper: back(at.value + half),
    level,
    mean: at.value,
    sd,
    scale,
    seasonal,
    from: points[0]!.period,
    to: points.at(-1)!.period,
    n: points.length,
    method:
      `Lineær tendens${seasonal ? ` plus et fast niveau for hver ${unit} i året` : ''}, tilpasset med mindste kvadraters metode til ${points.length} perioder (${points[0]!.period}–${points.at(-1)!.period})` +
      `${scale === 'log' ? ' på logaritmisk skala, så tendensen er en fast procentvis ændring' : ''}. Båndet er et ${Math.round(level * 100)} %-prædiktionsinterval.`,
  };
}

/** The probability that the value at the deadline meets `value` from `direction`'s side. */
export function probabilityOfMeeting(fc: Forecast, value: number, direction: 'at_least' | 'at_most'): number {
  let target: number;
  if (fc.scale === 'log') {
    if (value <= 0) return direction === 'at_least' ? 1 : 0;
    target = Math.log(value);
  } else target = value;
  // P(value ≤ target); an exact fit (no spread) decides outright.
  const below = fc.sd > 0 ? normalCdf((target - fc.mean) / fc.sd) : target > fc.mean ? 1 : target < fc.mean ? 0 : 0.5;
  return direction === 'at_least' ? 1 - below : below;
}
