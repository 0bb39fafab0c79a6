/** Types and labels of the benchmarking API (/api/benchmark). */
import type { Flag as ModelFlag } from '../../src/benchmark/shared';
import { fmt } from './format';
export interface Measure {
  id: string;
  label: string;
  unit: string;
  higherIsBetter?: boolean;
  decimals?: number;
  role?: 'result' | 'explanation';
  category?: string;
}
export interface Point {
  period: string;
  actual: number | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  ratio: number | null;
  rank: number | null;
  z: number | null;
}
export interface Fit {
  period: string;
  conditionsYear: number;
  n: number;
  r2: number;
  df: number;
  coefficients: { variable: string; label: string; estimate: number; standardError: number }[];
  dropped: string[];
  excluded: { jobcenter: string; name: string; reason: string }[];
}
export interface Overview {
  run: number;
  created_at: string;
  release: { version: number; cutoff_week: string | null };
  settings: { level: number; minDeviation: number; years: number; timelinessThreshold: number; minPersons?: number; unitCosts: Record<string, number> };
  periods: string[];
  measures: Measure[];
  fits: Record<string, { newest: Fit | null; r2: { period: string; r2: number; n: number }[] }>;
  clustering: { k: number; criterion: { k: number; calinski_harabasz: number }[]; weights: { variable: string; label: string; weight: number }[]; conditions_year: number };
  unavailable: { measure: string; label: string; reason: string }[];
}
export interface Ranking {
  measure: Measure;
  period: string;
  release: number;
  rows: (Point & { jobcenter: string; name: string; region: string | null; cluster: number | null; difference: number | null })[];
}
/** A stored flag as the API gives it: with its id, and names and labels for display. */
export interface Flag extends ModelFlag {
  id: number;
  name?: string;
  label?: string;
  region?: string | null;
  /** The measure's unit ("pct.", "uger") and decimals. */
  unit?: string;
  decimals?: number;
}
export interface Savings {
  category: string;
  period: string;
  fulltime_vs_expected: number;
  fulltime_vs_best_quartile: number;
  dkk_vs_expected: number;
  dkk_vs_best_quartile: number;
}
export interface JobcenterBenchmark {
  jobcenter: { id: string; name: string; region: { id: string; name: string } | null };
  release: number;
  periods: string[];
  cluster: { number: number; members: { id: string; name: string }[] };
  neighbours: { id: string; name: string; distance: number }[];
  conditions: Record<string, number>;
  measures: (Measure & { series: Point[] })[];
  savings: Savings[];
  unit_costs?: Record<string, number>;
  flags: Flag[] | null;
}

/** "lower–upper" of a point's prediction interval, or – when there is none. */
export const intervalText = (p: { lower: number | null; upper: number | null }, decimals: number) => (p.lower !== null ? `${fmt(p.lower, decimals)}–${fmt(p.upper, decimals)}` : 'ikke beregnet');

export const statusNames: Record<Flag['status'], string> = { new: 'Ny', lasting: 'Vedvarende', resolved: 'Løst' };
export const directionNames: Record<Flag['direction'], string> = { worse: 'Dårligere end forventet', better: 'Bedre end forventet' };
export const categoryNames: Record<string, string> = {
  public_support: 'Offentligt forsørgede i alt', dagpenge: 'Dagpenge', kontanthjaelp: 'Kontanthjælp m.v.', sygedagpenge: 'Sygedagpenge', foertidspension: 'Førtidspension og fleksjob',
};
