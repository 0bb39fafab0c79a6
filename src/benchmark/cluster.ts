/**
 * Peer clusters the German way (§48a SGB II comparison types): hierarchical Ward clustering
 * on weighted variables, refined by k-means started from Ward's centroids; the number of
 * clusters maximises the Calinski–Harabasz index. Plus each unit's nearest neighbours,
 * because two units at the edge of different clusters can be closer than two in one.
 */

const dist2 = (a: number[], b: number[]) => a.reduce((s, v, k) => s + (v - b[k]!) ** 2, 0);

/**
 * Ward's minimum-variance agglomeration (Lance–Williams update on squared Euclidean
 * distances); returns the cluster label (0..k−1) of every point for k clusters.
 */
export function ward(points: number[][], k: number): number[] {
  const n = points.length;
  if (k < 1 || k > n) throw new RangeError(`k skal ligge mellem 1 og ${n}`);
  const d = points.map((p) => points.map((q) => dist2(p, q)));
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const members = points.map((_, i) => [i]);
  for (let clusters = n; clusters > k; clusters--) {
    let bi = -1, bj = -1, best = Infinity;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && d[i]![j]! < best) {
          best = d[i]![j]!;
          bi = i;
          bj = j;
        }
      }
    }
    // Merge bj into bi; Lance–Williams for Ward on squared distances.
    for (let m = 0; m < n; m++) {
      if (!alive[m] || m === bi || m === bj) continue;
      const t = size[bi]! + size[bj]! + size[m]!;
      const v = ((size[bi]! + size[m]!) * d[bi]![m]! + (size[bj]! + size[m]!) * d[bj]![m]! - size[m]! * d[bi]![bj]!) / t;
      d[bi]![m] = v;
      d[m]![bi] = v;
    }
    size[bi]! += size[bj]!;
    members[bi]!.push(...members[bj]!);
    alive[bj] = false;
  }
  return labelsFrom(n, members.filter((_, i) => alive[i]));
}

/** Labels ordered by each cluster's first member, so equal partitions get equal labels. */
function labelsFrom(n: number, groups: number[][]): number[] {
  const labels = new Array<number>(n).fill(-1);
  groups
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!)
    .forEach((g, c) => g.forEach((i) => (labels[i] = c)));
  return labels;
}

function centroids(points: number[][], labels: number[], k: number): number[][] {
  const dim = points[0]?.length ?? 0;
  const sums = Array.from({ length: k }, () => new Array<number>(dim).fill(0));
  const counts = new Array<number>(k).fill(0);
  points.forEach((p, i) => {
    counts[labels[i]!]!++;
    p.forEach((v, j) => (sums[labels[i]!]![j]! += v));
  });
  return sums.map((s, c) => s.map((v) => v / Math.max(1, counts[c]!)));
}

/** Lloyd's k-means from the given labels until no point moves (or 100 rounds); no cluster is left empty. */
export function kmeans(points: number[][], start: number[], k: number): number[] {
  let labels = [...start];
  for (let round = 0; round < 100; round++) {
    const c = centroids(points, labels, k);
    const next = points.map((p) => {
      let best = 0;
      for (let j = 1; j < k; j++) if (dist2(p, c[j]!) < dist2(p, c[best]!)) best = j;
      return best;
    });
    const counts = new Array<number>(k).fill(0);
    next.forEach((l) => counts[l]!++);
    if (counts.some((x) => x === 0) || next.every((l, i) => l === labels[i])) break;
    labels = next;
  }
  const groups = Array.from({ length: k }, (): number[] => []);
  labels.forEach((l, i) => groups[l]!.push(i));
  return labelsFrom(points.length, groups);
}

/** Calinski–Harabasz: between-cluster over within-cluster dispersion, each per degree of freedom. */
export function calinskiHarabasz(points: number[][], labels: number[], k: number): number {
  const n = points.length;
  const all = centroids(points, points.map(() => 0), 1)[0]!;
  const c = centroids(points, labels, k);
  const counts = new Array<number>(k).fill(0);
  labels.forEach((l) => counts[l]!++);
  const between = c.reduce((s, ci, j) => s + counts[j]! * dist2(ci, all), 0);
  const within = points.reduce((s, p, i) => s + dist2(p, c[labels[i]!]!), 0);
  return within === 0 ? Infinity : (between / (k - 1)) / (within / (n - k));
}

interface Clustering {
  k: number;
  labels: number[];
  /** The criterion for every k tried, so the choice can be shown. */
  criterion: { k: number; calinski_harabasz: number }[];
}

/**
 * Clusters smaller than `minSize` are dissolved, smallest first: their members join the
 * nearest centroid of the remaining clusters. Returns labels 0..k'−1 and k'.
 */
export function enforceMinSize(points: number[][], labels: number[], k: number, minSize: number): { labels: number[]; k: number } {
  let cur = [...labels];
  let kk = k;
  for (;;) {
    const counts = new Array<number>(kk).fill(0);
    cur.forEach((l) => counts[l]!++);
    const small = counts.map((n, c) => ({ n, c })).filter((x) => x.n < minSize).sort((a, b) => a.n - b.n)[0];
    if (!small || kk <= 1) return { labels: cur, k: kk };
    const cents = centroids(points, cur, kk);
    const others = cents.map((_, c) => c).filter((c) => c !== small.c);
    cur = cur.map((l, i) => (l === small.c ? others.reduce((b, c) => (dist2(points[i]!, cents[c]!) < dist2(points[i]!, cents[b]!) ? c : b), others[0]!) : l));
    const groups = Array.from({ length: kk }, (): number[] => []);
    cur.forEach((l, i) => groups[l]!.push(i));
    const kept = groups.filter((g) => g.length > 0);
    cur = labelsFrom(points.length, kept);
    kk = kept.length;
  }
}

/**
 * Ward + k-means for each k in `range` (clusters below `minSize` dissolved into the nearest
 * others); keeps the partition with the highest Calinski–Harabasz index.
 */
export function peerClusters(points: number[][], range: [number, number] = [3, 10], minSize = 1): Clustering {
  const criterion: Clustering['criterion'] = [];
  let best: { k: number; labels: number[]; ch: number } | null = null;
  for (let k = range[0]; k <= Math.min(range[1], points.length - 1); k++) {
    const p = enforceMinSize(points, kmeans(points, ward(points, k), k), k, minSize);
    if (p.k < 2 || criterion.some((c) => c.k === p.k)) continue;
    const ch = calinskiHarabasz(points, p.labels, p.k);
    criterion.push({ k: p.k, calinski_harabasz: ch });
    if (!best || ch > best.ch) best = { ...p, ch };
  }
  if (!best) throw new RangeError('For få enheder til at danne klynger.');
  return { k: best.k, labels: best.labels, criterion: criterion.sort((a, b) => a.k - b.k) };
}

/** The `count` nearest other points of each point (Euclidean), nearest first. */
export function nearestNeighbours(points: number[][], count: number): { index: number; distance: number }[][] {
  return points.map((p, i) =>
    points
      .map((q, j) => ({ index: j, distance: Math.sqrt(dist2(p, q)) }))
      .filter((x) => x.index !== i)
      .sort((a, b) => a.distance - b.distance || a.index - b.index)
      .slice(0, count),
  );
}
