/**
 * Expected levels, peer clusters, result problems and savings potential, from a panel of
 * measures and the framework conditions. Pure computation (no database), so it can be
 * tested on hand-made panels and timed on its own.
 *
 * Expected level (per measure and rolling year): ln(actual) is regressed on the jobcenters'
 * framework conditions (z-scores), weighted by the inverse of each jobcenter's variance
 * τ² + κ ÷ persons (a common between-jobcenter part and a sampling part that shrinks with
 * size; both fitted robustly to the residuals, see varianceComponents). Jobcenters with
 * fewer than `minPersons` are left out of the fit and never flagged; jobcenters beyond
 * 3 standard deviations are left out of a refit so that they do not bend the expected
 * level of the others. The prediction interval is ŷ ± t·√(variance + x'Cov x),
 * back-transformed: expected = e^ŷ, and actual ÷ expected is the "løfteevne".
 */
import { nearestNeighbours, peerClusters } from './cluster.js';
import { conditionVariables, type JobcenterConditions } from './conditions.js';
import type { Flag, Savings } from './benchmark.table.js';
import { benchmarkMeasureById, benchmarkMeasures, benchmarkCategories, type BenchmarkSettings } from './measures.js';
import type { Panel } from './panel.js';
import { fitWls, normalQuantile, predict, quantile, tQuantile, varianceComponents, type Fit } from '../stats/index.js';

/**
 * Fields per period in a result series. `z`: the deviation's strength, the mean log
 * deviation of the last `years` rolling years (a year apart) divided by its standard
 * deviation (see pooledEvidence); the flag is raised on it.
 */
export const BENCHMARK_FIELDS = ['actual', 'expected', 'lower', 'upper', 'ratio', 'rank', 'z'] as const;
const F = BENCHMARK_FIELDS.length;
const OUTLIER_Z = 3;

export interface ModelFit {
  period: string;
  conditionsYear: number;
  n: number;
  r2: number;
  df: number;
  /** Between-jobcenter variance τ² and sampling constant κ of the weights (log scale). */
  tau2: number;
  kappa: number;
  coefficients: { variable: string; label: string; estimate: number; standardError: number }[];
  dropped: string[];
  excluded: { jobcenter: string; reason: string }[];
}

export interface BenchmarkResult {
  periods: string[];
  jobcenters: string[];
  /** Per measure: jobcenter-major, then period, then BENCHMARK_FIELDS. */
  series: Map<string, Float64Array>;
  /** Per measure: the fit of every period (the newest last). */
  fits: Map<string, ModelFit[]>;
  clustering: {
    k: number;
    criterion: { k: number; calinski_harabasz: number }[];
    weights: { variable: string; label: string; weight: number }[];
    conditionsYear: number;
    labels: number[];
  };
  neighbours: { jobcenter: string; distance: number }[][];
  flags: Flag[];
  savings: Savings[];
  unavailable: Panel['unavailable'];
}

const labelOf = (v: string) => conditionVariables.find((c) => c.id === v)?.label ?? v;
/** The model's variables, in the order of a row of `standardise`. */
const MODEL_VARIABLES: string[] = conditionVariables.map((v) => v.id);

/** The conditions of the year a rolling year ends in, or the nearest year there is. */
function conditionsFor(period: string, byYear: Map<number, JobcenterConditions[]>): { year: number; rows: JobcenterConditions[] } {
  const year = Number(period.slice(-7, -3));
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (years.length === 0) throw new Error('Der er ingen rammevilkår. Indlæs dem med `styr import conditions FIL.csv`.');
  const use = byYear.has(year) ? year : (years.filter((y) => y <= year).at(-1) ?? years[0]!);
  return { year: use, rows: byYear.get(use)! };
}

/** z-scores of each variable over the jobcenters (a constant variable becomes 0). */
function standardise(rows: JobcenterConditions[]): number[][] {
  const raw = rows.map((r) => conditionVariables.map((v) => (v.log ? Math.log(r.values[v.id]) : r.values[v.id])));
  const stats = conditionVariables.map((_, k) => {
    const xs = raw.map((r) => r[k]!);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    return { mean, sd };
  });
  return raw.map((r) => r.map((v, k) => (stats[k]!.sd > 0 ? (v - stats[k]!.mean) / stats[k]!.sd : 0)));
}

interface PeriodFit {
  fit: ModelFit;
  /** Per jobcenter: expected (log), its prediction variance (log), eligible. */
  yhat: Float64Array;
  pvar: Float64Array;
  eligible: Uint8Array;
}

/** One measure in one period: fit, then predict every jobcenter. */
function fitPeriod(period: string, value: Float64Array, base: Float64Array, x: number[][], jobcenters: string[], conditionsYear: number, s: BenchmarkSettings): PeriodFit | null {
  const names = MODEL_VARIABLES;
  const excluded: ModelFit['excluded'] = [];
  const usable: number[] = [];
  const eligible = new Uint8Array(jobcenters.length);
  jobcenters.forEach((jc, j) => {
    const v = value[j]!, b = base[j]!;
    if (!Number.isFinite(v) || !Number.isFinite(b)) excluded.push({ jobcenter: jc, reason: 'Intet offentliggjort tal (diskretioneret eller mangler).' });
    else if (b < s.minPersons) excluded.push({ jobcenter: jc, reason: `For få personer bag tallet (${Math.round(b)} < ${s.minPersons}).` });
    else if (!(v > 0)) excluded.push({ jobcenter: jc, reason: 'Værdien er 0.' });
    else {
      usable.push(j);
      eligible[j] = 1;
    }
  });
  if (usable.length < names.length + 5) return null;
  // Robust fitting: fit, leave out jobcenters beyond OUTLIER_Z standard deviations (so the
  // result problems being looked for do not bend the expected level of the others), fit
  // again on the rest, until the set is stable. The variance components come from the
  // robust estimator, so a large jobcenter far out is not hidden by a widened variance.
  let inFit = usable;
  let fit!: Fit;
  let vc = { tau2: 0, kappa: 0 };
  for (let round = 0; round < 6; round++) {
    const xi = inFit.map((j) => x[j]!), yi = inFit.map((j) => Math.log(value[j]!)), bi = inFit.map((j) => base[j]!);
    // The variance from the previous fit's residuals (the first time, an unweighted fit's).
    if (round === 0) fit = fitWls(xi, yi, names);
    vc = varianceComponents(yi.map((y, i) => y - predict(fit, xi[i]!, names).value), bi);
    fit = fitWls(xi, yi, names, bi.map((b) => 1 / (vc.tau2 + vc.kappa / b)));
    const next = usable.filter((j) => Math.abs(Math.log(value[j]!) - predict(fit, x[j]!, names).value) <= OUTLIER_Z * Math.sqrt(vc.tau2 + vc.kappa / base[j]!));
    if (next.length < names.length + 5) break;
    if (round > 0 && next.length === inFit.length && next.every((j, i) => j === inFit[i])) break;
    inFit = next;
  }
  for (const j of usable) {
    if (!inFit.includes(j)) excluded.push({ jobcenter: jobcenters[j]!, reason: `Afviger mere end ${OUTLIER_Z} standardafvigelser fra modellen; holdt uden for skønnet, men vurderes.` });
  }
  // The coefficients' covariance from the variance model itself (weights 1/variance), not
  // rescaled by the weighted σ², which the jobcenters left out would otherwise decide.
  const scale = 1 / fit.sigma2;
  const yhat = new Float64Array(jobcenters.length);
  const pvar = new Float64Array(jobcenters.length);
  for (let j = 0; j < jobcenters.length; j++) {
    const p = predict(fit, x[j]!, names);
    yhat[j] = p.value;
    pvar[j] = vc.tau2 + vc.kappa / Math.max(base[j]! || 1, 1) + p.variance * scale;
  }
  return {
    fit: {
      period, conditionsYear, n: inFit.length, r2: fit.r2, df: fit.df, tau2: vc.tau2, kappa: vc.kappa,
      coefficients: fit.names.map((n, k) => ({ variable: n, label: k === 0 ? 'Konstant' : labelOf(n), estimate: fit.coefficients[k]!, standardError: fit.standardErrors[k]! * Math.sqrt(scale) })),
      dropped: fit.dropped.map(labelOf),
      excluded,
    },
    yhat, pvar, eligible,
  };
}

/** Runs the whole benchmarking on a panel. */
export function benchmark(panel: Panel, byYear: Map<number, JobcenterConditions[]>, s: BenchmarkSettings): BenchmarkResult {
  const { periods, jobcenters } = panel;
  const P = periods.length, J = jobcenters.length;
  const xByPeriod = periods.map((p) => {
    const c = conditionsFor(p, byYear);
    return { year: c.year, x: standardise(c.rows) };
  });
  const zCrit = normalQuantile(1 - (1 - s.level) / 2);
  const series = new Map<string, Float64Array>();
  const fits = new Map<string, ModelFit[]>();
  /** Per result measure, marks[j*P+t]: +1 worse, −1 better, 0 inside or not judged. */
  const outside = new Map<string, Int8Array>();
  /** Per measure: ln(actual ÷ expected), and its geometric mean over the years pooled. */
  const logDeviations = new Map<string, Float64Array>();
  const pooledRatios = new Map<string, Float64Array>();
  /** The newest period each measure has a fit for (flows end earlier than stocks). */
  const newest = new Map<string, number>();

  for (const [id, data] of panel.measures) {
    const m = benchmarkMeasureById.get(id)!;
    const out = new Float64Array(J * P * F).fill(NaN);
    const marks = new Int8Array(J * P);
    /** ln(actual ÷ expected) of the jobcenters judged. */
    const lres = new Float64Array(J * P).fill(NaN);
    const measureFits: ModelFit[] = [];
    for (let t = 0; t < P; t++) {
      const v = new Float64Array(J), b = new Float64Array(J);
      for (let j = 0; j < J; j++) {
        v[j] = data.value[j * P + t]!;
        b[j] = data.base[j * P + t]!;
      }
      const pf = fitPeriod(periods[t]!, v, b, xByPeriod[t]!.x, jobcenters, xByPeriod[t]!.year, s);
      if (!pf) continue;
      measureFits.push(pf.fit);
      newest.set(id, t);
      const tq = tQuantile(1 - (1 - s.level) / 2, Math.max(1, pf.fit.df));
      const ratios: { j: number; r: number }[] = [];
      for (let j = 0; j < J; j++) {
        const o = (j * P + t) * F;
        const expected = Math.exp(pf.yhat[j]!), half = tq * Math.sqrt(pf.pvar[j]!);
        out[o] = v[j]!;
        out[o + 1] = expected;
        out[o + 2] = Math.exp(pf.yhat[j]! - half);
        out[o + 3] = Math.exp(pf.yhat[j]! + half);
        if (!pf.eligible[j]) continue;
        const ratio = v[j]! / expected;
        out[o + 4] = ratio;
        ratios.push({ j, r: ratio });
        lres[j * P + t] = Math.log(v[j]!) - pf.yhat[j]!;
      }
      ratios.sort((a, c) => (m.higherIsBetter ? c.r - a.r : a.r - c.r)).forEach((x, i) => (out[(x.j * P + t) * F + 5] = i + 1));
    }
    const pooled = new Float64Array(J * P).fill(NaN);
    pooledEvidence(lres, data.base, J, P, s, (j, t, z, ratio) => {
      out[(j * P + t) * F + 6] = z;
      pooled[j * P + t] = ratio;
      // Significant and material, both judged on the years pooled.
      if (m.role === 'result' && Math.abs(z) > zCrit && Math.abs(ratio - 1) >= s.minDeviation) marks[j * P + t] = (z > 0) !== m.higherIsBetter ? 1 : -1;
    });
    pooledRatios.set(id, pooled);
    logDeviations.set(id, lres);
    series.set(id, out);
    fits.set(id, measureFits);
    if (m.role === 'result') outside.set(id, marks);
  }

  corroborate(outside, series, newest, J, P, s);
  const clustering = clusterJobcenters(panel, fits, byYear, s);
  const neighbourIdx = nearestNeighbours(clustering.points, s.neighbours);
  const neighbours = neighbourIdx.map((ns) => ns.map((n) => ({ jobcenter: jobcenters[n.index]!, distance: n.distance })));
  /** The other members of j's cluster, as indices. */
  const peersOf = (j: number) => jobcenters.map((_, i) => i).filter((i) => i !== j && clustering.labels[i] === clustering.labels[j]);

  const flags: Flag[] = [];
  for (const [id, marks] of outside) {
    const data = series.get(id)!;
    const measure = benchmarkMeasureById.get(id)!;
    if (!newest.has(id)) continue;
    const explanations = benchmarkMeasures.filter((m) => m.role === 'explanation' && m.category === measure.category && series.has(m.id));
    for (let j = 0; j < J; j++) {
      const course = courseOf(marks, j, P, newest.get(id)!, s);
      if (!course) continue;
      const t = course.at;
      const o = (j * P + t) * F;
      const at = (jj: number) => ({ jobcenter: jobcenters[jj]!, actual: data[(jj * P + t) * F]!, expected: data[(jj * P + t) * F + 1]!, ratio: data[(jj * P + t) * F + 4]! });
      flags.push({
        jobcenter: jobcenters[j]!, measure: id, kind: 'expected_level', direction: course.direction, status: course.status,
        first_period: periods[course.first]!, last_period: periods[course.last]!,
        evidence: {
          period: periods[t]!, actual: data[o]!, expected: data[o + 1]!, lower: data[o + 2]!, upper: data[o + 3]!, ratio: data[o + 4]!, rank: data[o + 5]!,
          z: data[o + 6]!, pooled_ratio: pooledRatios.get(id)![j * P + t]!, level: s.level, persons: panel.measures.get(id)!.base[j * P + t]!,
          years_published: Array.from({ length: s.years }, (_, k) => t - 12 * k)
            .filter((tt) => tt >= 0 && Number.isFinite(logDeviations.get(id)![j * P + tt]!))
            .map((tt) => periods[tt]!),
          flagged_periods: periods.filter((_, tt) => marks[j * P + tt] !== 0),
          cluster: clustering.labels[j]! + 1,
          peers: peersOf(j).map(at),
          neighbours: neighbourIdx[j]!.map((n) => at(n.index)),
          // The flows behind the result in the same period (or their newest, if they end earlier).
          explanations: explanations.map((m) => {
            const d = series.get(m.id)!, tt = Math.min(t, newest.get(m.id) ?? t), oo = (j * P + tt) * F;
            return { measure: m.id, period: periods[tt]!, actual: d[oo]!, expected: d[oo + 1]!, ratio: d[oo + 4]!, z: d[oo + 6]! };
          }),
        },
      });
    }
  }
  if (panel.timeliness) {
    const { value, due } = panel.timeliness;
    const marks = new Int8Array(J * P);
    let last = -1;
    for (let i = 0; i < J * P; i++) {
      if (Number.isFinite(value[i]!)) last = Math.max(last, i % P);
      if (due[i]! >= s.minPersons && value[i]! < s.timelinessThreshold) marks[i] = 1;
    }
    for (let j = 0; j < J && last >= 0; j++) {
      const course = courseOf(marks, j, P, last, s);
      if (!course) continue;
      const t = course.at;
      flags.push({
        jobcenter: jobcenters[j]!, measure: 'timeliness', kind: 'legal_requirement', direction: 'worse', status: course.status,
        first_period: periods[course.first]!, last_period: periods[course.last]!,
        evidence: {
          period: periods[t]!, actual: value[j * P + t]!, threshold: s.timelinessThreshold, interviews_due: due[j * P + t]!,
          flagged_periods: periods.filter((_, tt) => marks[j * P + tt] !== 0),
          cluster: clustering.labels[j]! + 1,
          peers: peersOf(j).map((i) => ({ jobcenter: jobcenters[i]!, actual: value[i * P + t]! })),
        },
      });
    }
  }

  return {
    periods, jobcenters, series, fits, neighbours, flags,
    clustering: { k: clustering.k, criterion: clustering.criterion, weights: clustering.weights, conditionsYear: clustering.conditionsYear, labels: clustering.labels },
    savings: savingsOf(panel, series, clustering.labels, s),
    unavailable: panel.unavailable,
  };
}

/**
 * The evidence of a lasting deviation in period t: each jobcenter's mean log deviation
 * (ln actual ÷ expected) over the rolling years t, t − 12, … (`years` of them, those that
 * exist), divided by its standard deviation √(τ² + κ ÷ persons). τ² and κ are estimated
 * robustly on these means across the jobcenters, so the spread is measured, not assumed:
 * right whether the years' deviations are independent (sampling noise; the mean narrows,
 * the more so the larger the jobcenter) or the same (what the conditions miss; it does not).
 * Persons are the mean over the years used, scaled down when years are missing.
 * A jobcenter needs at least half of the years published to be judged.
 */
function pooledEvidence(lres: Float64Array, persons: Float64Array, J: number, P: number, s: BenchmarkSettings, emit: (j: number, t: number, z: number, ratio: number) => void): void {
  for (let t = 0; t < P; t++) {
    const years = Math.min(s.years, Math.floor(t / 12) + 1);
    const js: number[] = [], means: number[] = [], weights: number[] = [];
    for (let j = 0; j < J; j++) {
      let sum = 0, b = 0, n = 0;
      for (let k = 0; k < years; k++) {
        const r = lres[j * P + t - 12 * k]!;
        if (Number.isFinite(r)) {
          sum += r;
          b += persons[j * P + t - 12 * k]!;
          n++;
        }
      }
      // At least half the years published: when disclosure hides the newest year, the
      // evidence rests on the published ones (and says nothing of the hidden one).
      if (n < Math.ceil(years / 2)) continue;
      js.push(j);
      means.push(sum / n);
      weights.push((b / n) * (n / years));
    }
    if (js.length < 10) continue;
    const vc = varianceComponents(means, weights);
    js.forEach((j, i) => emit(j, t, means[i]! / Math.sqrt(vc.tau2 + vc.kappa / weights[i]!), Math.exp(means[i]!)));
  }
}

/**
 * A deviation in a result must be borne out by the flows behind it: some explanation of
 * the same category (exits to self-support, durations; awards for førtidspension) deviates
 * the same way with its pooled z beyond the one-sided `explanationLevel` quantile. A share
 * that deviates while its flows are as expected stems from who happens to live there, not
 * from the effort, and is not flagged (it still shows in the ranking). Where the release
 * has no flow for the jobcenter (not published, too few persons, or no flows at all, as in
 * a Jobindsats import), the result is judged alone.
 */
function corroborate(outside: Map<string, Int8Array>, series: Map<string, Float64Array>, newest: Map<string, number>, J: number, P: number, s: BenchmarkSettings): void {
  const zMin = normalQuantile(s.explanationLevel);
  for (const [id, marks] of outside) {
    const category = benchmarkMeasureById.get(id)!.category;
    const flows = benchmarkMeasures.filter((m) => m.role === 'explanation' && m.category === category && series.has(m.id) && newest.has(m.id));
    for (let i = 0; i < J * P; i++) {
      if (marks[i] === 0) continue;
      const j = Math.floor(i / P), t = i % P;
      // A flow's z in "worse" units (positive = worse), in the same period or its newest.
      const worse = flows.map((m) => series.get(m.id)![(j * P + Math.min(t, newest.get(m.id)!)) * F + 6]! * (m.higherIsBetter ? -1 : 1)).filter(Number.isFinite);
      if (worse.length > 0 && !worse.some((z) => z * marks[i]! >= zMin)) marks[i] = 0;
    }
  }
}

/**
 * A jobcenter's course on one measure: flagged in the newest period `last` (new, or lasting
 * after `lastingPeriods` consecutive periods in the same direction), or flagged within the
 * `resolvedWithin` periods before but no longer (resolved). Null when neither.
 */
function courseOf(marks: Int8Array, j: number, P: number, last: number, s: BenchmarkSettings) {
  const m = (t: number) => marks[j * P + t]!;
  if (m(last) !== 0) {
    let first = last;
    while (first > 0 && m(first - 1) === m(last)) first--;
    return { status: last - first + 1 >= s.lastingPeriods ? ('lasting' as const) : ('new' as const), direction: m(last) > 0 ? ('worse' as const) : ('better' as const), first, last, at: last };
  }
  for (let t = last - 1; t >= Math.max(0, last - s.resolvedWithin); t--) {
    if (m(t) !== 0) {
      let first = t;
      while (first > 0 && m(first - 1) === m(t)) first--;
      return { status: 'resolved' as const, direction: m(t) > 0 ? ('worse' as const) : ('better' as const), first, last: t, at: t };
    }
  }
  return null;
}

/**
 * Peer clusters on the newest conditions: each variable's z-score weighted by the size of
 * its standardised coefficient in the regression of the main target (share on public
 * support, newest period), then Ward + k-means with k chosen by Calinski–Harabasz; a
 * cluster under `minClusterSize` jobcenters is dissolved into the nearest others.
 */
function clusterJobcenters(panel: Panel, fits: Map<string, ModelFit[]>, byYear: Map<number, JobcenterConditions[]>, s: BenchmarkSettings) {
  const main = fits.get('share_public_support')?.at(-1) ?? [...fits.values()].find((f) => f.length > 0)?.at(-1);
  const { year, rows } = conditionsFor(panel.periods.at(-1)!, byYear);
  const z = standardise(rows);
  const weights = MODEL_VARIABLES.map((v) => Math.abs(main?.coefficients.find((c) => c.variable === v)?.estimate ?? (main ? 0 : 1)));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const points = z.map((r) => r.map((v, k) => (v * weights[k]!) / total));
  const chosen = peerClusters(points, s.clusterRange, s.minClusterSize);
  return {
    ...chosen,
    points,
    conditionsYear: year,
    weights: MODEL_VARIABLES.map((v, k) => ({ variable: v, label: labelOf(v), weight: weights[k]! / total })),
  };
}

/** Savings in the newest period, for the share measures. */
function savingsOf(panel: Panel, series: Map<string, Float64Array>, labels: number[], s: BenchmarkSettings): Savings[] {
  const { periods, jobcenters } = panel;
  const P = periods.length, t = P - 1;
  const out: Savings[] = [];
  for (const c of benchmarkCategories) {
    const data = series.get(`share_${c.id}`);
    if (!data) continue;
    const actual = (j: number) => data[(j * P + t) * F]!;
    // The best quartile (lowest shares) of each cluster.
    const bestOf = new Map(
      [...new Set(labels)].map((l) => [l, quantile(jobcenters.map((_, i) => i).filter((i) => labels[i] === l).map(actual).filter(Number.isFinite).sort((a, b) => a - b), 0.25)]),
    );
    for (let j = 0; j < jobcenters.length; j++) {
      const pop = panel.population[j * P + t]!;
      const expected = data[(j * P + t) * F + 1]!;
      const best = bestOf.get(labels[j]!)!;
      if (!Number.isFinite(pop) || !Number.isFinite(actual(j))) continue;
      const vsExpected = Math.max(0, ((actual(j) - expected) / 100) * pop);
      const vsBest = Math.max(0, ((actual(j) - best) / 100) * pop);
      out.push({
        jobcenter: jobcenters[j]!, category: c.id, period: periods[t]!,
        fulltime_vs_expected: vsExpected, fulltime_vs_best_quartile: vsBest,
        dkk_vs_expected: vsExpected * s.unitCosts[c.id], dkk_vs_best_quartile: vsBest * s.unitCosts[c.id],
      });
    }
  }
  return out;
}
