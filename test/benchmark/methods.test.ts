/** Textbook cases for the benchmarking methods: regression, quantiles, clusters, neighbours. */
import { describe, expect, it } from 'vitest';
import { calinskiHarabasz, enforceMinSize, nearestNeighbours, peerClusters, ward, kmeans } from '../../src/benchmark/cluster.js';
import { fitWls, normalQuantile, predict, tQuantile, varianceComponents } from '../../src/stats/index.js';

describe('regression', () => {
  it('reproduces an exact line', () => {
    const x = [[0], [1], [2], [5]];
    const fit = fitWls(x, x.map(([v]) => 2 + 3 * v!), ['x']);
    expect(fit.coefficients[0]).toBeCloseTo(2, 12);
    expect(fit.coefficients[1]).toBeCloseTo(3, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it('matches the hand-computed fit of a five-point example (b = 2.2 + 0.6x)', () => {
    // x̄ = 3, Sxx = 10, Sxy = 6; residuals −0.8, 0.6, 1, −0.6, −0.2 → RSS 2.4, σ² = 0.8, TSS 6.
    const fit = fitWls([[1], [2], [3], [4], [5]], [2, 4, 5, 4, 5], ['x']);
    expect(fit.coefficients).toEqual([expect.closeTo(2.2, 12), expect.closeTo(0.6, 12)]);
    expect(fit.sigma2).toBeCloseTo(0.8, 12);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(0.88), 12);
    expect(fit.r2).toBeCloseTo(0.6, 12);
    expect(fit.df).toBe(3);
    // Variance of the fitted mean at x0: σ² (1/n + (x0 − x̄)²/Sxx).
    expect(predict(fit, [3], ['x']).variance).toBeCloseTo(0.16, 12);
    expect(predict(fit, [5], ['x'])).toEqual({ value: expect.closeTo(5.2, 12), variance: expect.closeTo(0.8 * (0.2 + 0.4), 12) });
  });

  it('a weight of 2 equals a duplicated observation', () => {
    const x = [[1], [2], [3], [4]], y = [1, 3, 2, 5];
    const weighted = fitWls(x, y, ['x'], [1, 2, 1, 1]);
    const duplicated = fitWls([...x, [2]], [...y, 3], ['x']);
    expect(weighted.coefficients[0]).toBeCloseTo(duplicated.coefficients[0]!, 12);
    expect(weighted.coefficients[1]).toBeCloseTo(duplicated.coefficients[1]!, 12);
  });

  it('drops a collinear variable and says so', () => {
    const x = [[1, 2, 0], [2, 4, 1], [3, 6, 0], [4, 8, 1], [5, 10, 1]];
    const fit = fitWls(x, [1, 2, 2, 4, 5], ['a', 'to_gange_a', 'b']);
    expect(fit.dropped).toEqual(['to_gange_a']);
    expect(fit.names).toEqual(['(konstant)', 'a', 'b']);
  });

  it('quantiles match the tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 6);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228139, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272, 4);
    expect(tQuantile(0.995, 80)).toBeCloseTo(2.638691, 4);
    expect(tQuantile(0.9995, 88)).toBeCloseTo(3.40, 2);
  });
});

describe('variance components τ² + κ ÷ persons', () => {
  // Residuals whose standardised values are exact normal quantiles, in an order unrelated
  // to size: a sample with no sampling luck, so the estimates must land on the truth.
  const n = 1200;
  const persons = Array.from({ length: n }, (_, i) => 20 * 100 ** ((i * 0.618034) % 1)); // 20–2 000
  const quantiles = Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
  const residuals = (tau2: number, kappa: number) => persons.map((p, i) => quantiles[(i * 7) % n]! * Math.sqrt(tau2 + kappa / p));

  it('recovers both parts, and a pure common part', () => {
    const both = varianceComponents(residuals(0.01, 1), persons);
    expect(both.tau2).toBeCloseTo(0.01, 2);
    expect(both.kappa / 1).toBeCloseTo(1, 1);
    const common = varianceComponents(residuals(0.02, 0), persons);
    expect(common.tau2).toBeCloseTo(0.02, 2);
    expect(common.kappa).toBeLessThan(0.05);
  });

  it('is not fooled by a few large units far out (the result problems it must not hide)', () => {
    const e = residuals(0.002, 1);
    // The 3 % largest units get a deviation of 0.4 (ln 1.5): a plain moment fit would call
    // that common variance and widen every large unit's interval until they vanish.
    const largest = persons.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p).slice(0, n * 0.03);
    for (const { i } of largest) e[i] = 0.4;
    const robust = varianceComponents(e, persons);
    expect(robust.tau2).toBeLessThan(0.004);
    expect(robust.kappa).toBeCloseTo(1, 0);
    // Each of them stands out at > 5 standard deviations.
    for (const { i } of largest) expect(0.4 / Math.sqrt(robust.tau2 + robust.kappa / persons[i]!)).toBeGreaterThan(5);
  });
});

describe('clusters and neighbours', () => {
  // Three well-separated groups of four points.
  const groups = [[0, 0], [10, 0], [0, 10]];
  const offsets = [[0, 0], [1, 0], [0, 1], [1, 1]];
  const points = groups.flatMap((g) => offsets.map((o) => [g[0]! + o[0]!, g[1]! + o[1]!]));

  it('Ward finds the obvious groups, and k-means keeps them', () => {
    const labels = ward(points, 3);
    expect(labels).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(kmeans(points, labels, 3)).toEqual(labels);
  });

  it('k-means moves a point that Ward put in the wrong cluster', () => {
    const wrong = [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2];
    expect(kmeans(points, wrong, 3)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('the Calinski–Harabasz criterion picks three clusters', () => {
    const c = peerClusters(points, [2, 6]);
    expect(c.k).toBe(3);
    expect(c.criterion.map((x) => x.k)).toEqual([2, 3, 4, 5, 6]);
    expect(calinskiHarabasz(points, c.labels, 3)).toBe(Math.max(...c.criterion.map((x) => x.calinski_harabasz)));
  });

  it('Ward merges by the smallest increase of within-cluster variance', () => {
    // 0, 1, 5: Ward merges {0,1} (cost 0.5) before {1,5} (cost 8).
    expect(ward([[0], [1], [5]], 2)).toEqual([0, 0, 1]);
    // A pair and a far single point: the single point stays alone.
    expect(ward([[0], [0.5], [3], [3.5], [20]], 3)).toEqual([0, 0, 1, 1, 2]);
  });

  it('lists the nearest neighbours, nearest first, across cluster borders', () => {
    const line = [[0], [1], [3], [6], [10]]; // 3 is as far from 0 as from 6: the lower index wins
    expect(nearestNeighbours(line, 2).map((n) => n.map((x) => x.index))).toEqual([[1, 2], [0, 2], [1, 0], [2, 4], [3, 2]]);
    expect(nearestNeighbours(line, 1)[4]![0]!.distance).toBe(4);
  });
});

describe('minimum cluster size', () => {
  it('dissolves a cluster that is too small into the nearest other', () => {
    // Two groups of four and a pair near the second group.
    const pts = [[0], [0.1], [0.2], [0.3], [10], [10.1], [10.2], [10.3], [13], [13.1]];
    expect(enforceMinSize(pts, [0, 0, 0, 0, 1, 1, 1, 1, 2, 2], 3, 3)).toEqual({ labels: [0, 0, 0, 0, 1, 1, 1, 1, 1, 1], k: 2 });
    expect(peerClusters(pts, [2, 4], 3).labels.every((l, i) => l === (i < 4 ? 0 : 1))).toBe(true);
  });
});
