/**
 * The cells of a peer cluster: the average jobcenter of the cluster, i.e. for every measure
 * (counts and rates alike) the mean over the jobcenters whose cell is published, each
 * jobcenter counting once, as a peer comparison asks. Built from published cells only, a
 * cluster cell reveals nothing that disclosure control hides. It is shown when at least
 * half of the jobcenters' cells are published, and suppressed otherwise.
 */
import { SeriesStatus } from '../indicators/index.js';

export interface CellSeries {
  area: string;
  dims: string[];
  /** Period-major × measures. */
  values: Float64Array;
  /** One status per period. */
  status: Uint8Array;
}

/**
 * One series per cluster and dims: member series with the same dims combined period by
 * period. A jobcenter without the series has published zeros (as the release stores them).
 */
export function clusterSeries(series: CellSeries[], clusters: ReadonlyMap<string, readonly string[]>, measures: number): CellSeries[] {
  const byArea = new Map<string, CellSeries[]>();
  for (const s of series) {
    if (!byArea.has(s.area)) byArea.set(s.area, []);
    byArea.get(s.area)!.push(s);
  }
  const out: CellSeries[] = [];
  for (const [id, members] of clusters) {
    const groups = new Map<string, { dims: string[]; parts: CellSeries[] }>();
    for (const m of members) for (const s of byArea.get(m) ?? []) {
      const key = s.dims.join('\u0000');
      if (!groups.has(key)) groups.set(key, { dims: s.dims, parts: [] });
      groups.get(key)!.parts.push(s);
    }
    for (const { dims, parts } of groups.values()) {
      const P = parts[0]!.status.length;
      const absent = members.length - parts.length; // published zeros
      const values = new Float64Array(P * measures);
      const status = new Uint8Array(P);
      for (let p = 0; p < P; p++) {
        const shown = parts.filter((s) => s.status[p] === SeriesStatus.published);
        if (parts.some((s) => s.status[p] === SeriesStatus.unavailable)) status[p] = SeriesStatus.unavailable;
        else if (2 * (shown.length + absent) < members.length) status[p] = SeriesStatus.secondary;
        for (let k = 0; k < measures; k++) {
          const xs = shown.map((s) => s.values[p * measures + k]!).filter(Number.isFinite);
          const n = xs.length + absent;
          values[p * measures + k] = n > 0 ? xs.reduce((a, b) => a + b, 0) / n : NaN;
        }
      }
      out.push({ area: id, dims, values, status });
    }
  }
  return out;
}
