/** Types (its schemas') and labels of the benchmarking API (/api/benchmark). */
import type { z } from 'zod';
import type { jobcenterResponse, overviewResponse, problemsResponse, rankingResponse } from '../../src/benchmark/shared';
import { fmt } from './format';

export type Overview = z.output<typeof overviewResponse>;
export type Ranking = z.output<typeof rankingResponse>;
export type JobcenterBenchmark = z.output<typeof jobcenterResponse>;
export type Problems = z.output<typeof problemsResponse>;
/** A stored flag as the API gives it: with its id, and names and labels for display. */
export type Flag = Problems['flags'][number];

/** "lower–upper" of a point's prediction interval, or – when there is none. */
export const intervalText = (p: { lower: number | null; upper: number | null }, decimals: number) => (p.lower !== null ? `${fmt(p.lower, decimals)}–${fmt(p.upper, decimals)}` : 'ikke beregnet');

export const statusNames: Record<Flag['status'], string> = { new: 'Ny', lasting: 'Vedvarende', resolved: 'Løst' };
export const directionNames: Record<Flag['direction'], string> = { worse: 'Dårligere end forventet', better: 'Bedre end forventet' };
export const categoryNames: Record<string, string> = {
  public_support: 'Offentligt forsørgede i alt', dagpenge: 'Dagpenge', kontanthjaelp: 'Kontanthjælp m.v.', sygedagpenge: 'Sygedagpenge', foertidspension: 'Førtidspension og fleksjob',
};
