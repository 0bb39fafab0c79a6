/**
 * Weighted least squares with the numbers a reader needs to trust a fit: coefficients with
 * standard errors, R², and prediction intervals for each observation. Small dense problems
 * (≈ 94 jobcenters × ≤ 10 variables), so a Cholesky solve of the normal equations is exact
 * enough and fast; columns that are (nearly) collinear with earlier ones are dropped and
 * reported instead of making the solve fail.
 */

export interface Fit {
  /** Intercept first, then one per kept variable. */
  coefficients: number[];
  standardErrors: number[];
  /** Variable names of the coefficients ('(konstant)' for the intercept). */
  names: string[];
  /** Variables left out because they are collinear with the others. */
  dropped: string[];
  /** Weighted R². */
  r2: number;
  /** Residual variance of an observation with weight 1 (σ²). */
  sigma2: number;
  /** Degrees of freedom of the residuals (n − parameters). */
  df: number;
  n: number;
  /** (X'WX)⁻¹ σ², the coefficients' covariance. */
  covariance: number[][];
}

/** Solves A x = b for symmetric positive definite A (Cholesky). Returns null when A is singular. */
function cholesky(a: number[][]): number[][] | null {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 1e-10 * Math.max(1, a[i]![i]!))) return null;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  return l;
}

function invertSpd(a: number[][]): number[][] | null {
  const l = cholesky(a);
  if (!l) return null;
  const n = a.length;
  const inv = a.map(() => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
      y[i] = s / l[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < n; k++) s -= l[k]![i]! * inv[k]![c]!;
      inv[i]![c] = s / l[i]![i]!;
    }
  }
  return inv;
}

/**
 * Fits y = b0 + Σ b_j x_j by weighted least squares. `x[i]` is observation i's variables
 * (named by `names`), `w[i]` its weight (inverse relative variance; 1 for OLS).
 */
export function fitWls(x: number[][], y: number[], names: string[], w: number[] = y.map(() => 1)): Fit {
  const n = y.length;
  // Drop variables that add nothing new (constant or collinear), greedily in the given order.
  let keep: number[] = [];
  const dropped: string[] = [];
  for (let j = 0; j < names.length; j++) {
    const trial = [...keep, j];
    if (trial.length + 1 < n && invertSpd(normal(x, w, trial))) keep = trial;
    else dropped.push(names[j]!);
  }
  const xtwx = normal(x, w, keep);
  const inv = invertSpd(xtwx);
  if (!inv) throw new Error('Regressionen kan ikke løses: for få observationer.');
  const p = keep.length + 1;
  const row = (i: number) => [1, ...keep.map((j) => x[i]![j]!)];
  const xtwy = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const r = row(i);
    for (let a = 0; a < p; a++) xtwy[a]! += r[a]! * w[i]! * y[i]!;
  }
  const beta = inv.map((ri) => ri.reduce((s, v, k) => s + v * xtwy[k]!, 0));
  let sw = 0, swy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i]!;
    swy += w[i]! * y[i]!;
  }
  const mean = swy / sw;
  let rss = 0, tss = 0;
  for (let i = 0; i < n; i++) {
    const fitted = row(i).reduce((s, v, k) => s + v * beta[k]!, 0);
    rss += w[i]! * (y[i]! - fitted) ** 2;
    tss += w[i]! * (y[i]! - mean) ** 2;
  }
  const df = n - p;
  const sigma2 = df > 0 ? rss / df : NaN;
  const covariance = inv.map((ri) => ri.map((v) => v * sigma2));
  return {
    coefficients: beta,
    standardErrors: covariance.map((ri, k) => Math.sqrt(ri[k]!)),
    names: ['(konstant)', ...keep.map((j) => names[j]!)],
    dropped,
    r2: tss > 0 ? 1 - rss / tss : 0,
    sigma2,
    df,
    n,
    covariance,
  };
}

function normal(x: number[][], w: number[], cols: number[]): number[][] {
  const p = cols.length + 1;
  const m = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < x.length; i++) {
    const r = [1, ...cols.map((j) => x[i]![j]!)];
    for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) m[a]![b]! += r[a]! * w[i]! * r[b]!;
  }
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) m[a]![b] = m[b]![a]!;
  return m;
}

/** The fit's prediction for variables `x` (all variables, in the order given to fitWls). */
export function predict(fit: Fit, x: number[], names: string[]): { value: number; variance: number } {
  const r = [1, ...fit.names.slice(1).map((n) => x[names.indexOf(n)]!)];
  const value = r.reduce((s, v, k) => s + v * fit.coefficients[k]!, 0);
  let variance = 0;
  for (let a = 0; a < r.length; a++) for (let b = 0; b < r.length; b++) variance += r[a]! * fit.covariance[a]![b]! * r[b]!;
  return { value, variance };
}

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9 after one Newton step). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p skal ligge mellem 0 og 1');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5, r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  // One Newton step on the normal CDF (erfc via its continued-fraction-free Chebyshev fit).
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** The standard normal distribution function Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Complementary error function (Numerical Recipes' erfcc, fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/**
 * Student's t quantile by the Cornish–Fisher expansion around the normal quantile
 * (Abramowitz & Stegun 26.7.5); within 1e-3 of the exact value for df ≥ 5.
 */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7, z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Median of χ²₁: the median of e²/σ² when e is normal with variance σ². */
const CHI2_1_MEDIAN = 0.454936;

/**
 * Variance components of residuals `e` whose variance falls with the persons behind them:
 * Var(e_i) = τ² + κ / persons_i (a common part and a sampling part). Fitted robustly, so
 * that the deviations being looked for do not hide themselves by inflating the variance:
 * maximum likelihood under a Student t with `nu` degrees of freedom, over the share of the
 * common part (a grid, then golden-section refinement; the scale by the EM fixed point),
 * then the scale calibrated so that the median of e²/Var matches the normal's (right for
 * the bulk of the jobcenters when they are normal).
 */
export function varianceComponents(e: number[], persons: number[], nu = 4): { tau2: number; kappa: number } {
  const e2 = e.map((x) => x * x);
  // Var_i = scale · (α + (1 − α) · typical ÷ persons_i), α ∈ [0, 1] the common part's share.
  const typical = quantile([...persons].sort((a, b) => a - b), 0.5);
  const shape = (alpha: number) => persons.map((p) => alpha + ((1 - alpha) * typical) / Math.max(p, 1));
  const profile = (alpha: number) => {
    const h = shape(alpha);
    let scale = quantile(e2.map((x, i) => x / h[i]!).sort((a, b) => a - b), 0.5) / CHI2_1_MEDIAN || 1e-12;
    for (let iter = 0; iter < 50; iter++) {
      // EM for the t scale: the mean of the weighted e²/h, weights (ν + 1) ÷ (ν + e²/Var).
      let sum = 0;
      for (let i = 0; i < e2.length; i++) {
        const u = e2[i]! / h[i]!;
        sum += ((nu + 1) / (nu + u / scale)) * u;
      }
      const next = Math.max(sum / e2.length, 1e-12);
      const done = Math.abs(next - scale) <= 1e-6 * scale;
      scale = next;
      if (done) break;
    }
    let ll = 0;
    for (let i = 0; i < e2.length; i++) ll -= 0.5 * Math.log(scale * h[i]!) + ((nu + 1) / 2) * Math.log1p(e2[i]! / (nu * scale * h[i]!));
    return { alpha, scale, ll };
  };
  const grid = Array.from({ length: 11 }, (_, k) => profile(k / 10));
  let best = grid.reduce((a, b) => (b.ll > a.ll ? b : a));
  // Golden-section search between the best grid point's neighbours.
  let lo = Math.max(0, best.alpha - 0.1), hi = Math.min(1, best.alpha + 0.1);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 12; k++) {
    const a = profile(hi - g * (hi - lo)), b = profile(lo + g * (hi - lo));
    if (a.ll >= b.ll) hi = b.alpha;
    else lo = a.alpha;
    for (const c of [a, b]) if (c.ll > best.ll) best = c;
  }
  const h = shape(best.alpha);
  const c = quantile(e2.map((x, i) => x / h[i]!).sort((a, b) => a - b), 0.5) / CHI2_1_MEDIAN;
  return { tau2: Math.max(1e-6, c * best.alpha), kappa: c * (1 - best.alpha) * typical };
}

/** Linear-interpolated quantile of sorted values (type 7, as R and Excel's QUARTILE). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q, lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}

