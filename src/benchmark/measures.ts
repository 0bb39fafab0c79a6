/**
 * The measures the benchmarking compares, each per jobcenter and rolling year
 * ("seneste 12 måneder"), and the legal requirement it checks.
 */
import { z } from 'zod';
import type { BenchmarkCategory } from './benchmark.table.js';

/** The list, when it names every member of the union U (a member left out does not compile). */
const every = <U extends string>() => <const L extends readonly { id: U }[]>(list: L & ([Exclude<U, L[number]['id']>] extends [never] ? unknown : { missing: Exclude<U, L[number]['id']> })): L => list;

/** Every category (the type, `BenchmarkCategory`, is in benchmark.table.ts), with its benefit and name. */
export const benchmarkCategories = every<BenchmarkCategory>()([
  { id: 'public_support', benefit: 'public_support', name: 'Offentligt forsørgede i alt' },
  { id: 'dagpenge', benefit: 'category_dagpenge', name: 'Dagpenge' },
  { id: 'kontanthjaelp', benefit: 'category_kontanthjaelp', name: 'Kontanthjælp m.v.' },
  { id: 'sygedagpenge', benefit: 'category_sygedagpenge', name: 'Sygedagpenge' },
  { id: 'foertidspension', benefit: 'category_foertidspension', name: 'Førtidspension og fleksjob' },
]);

type MeasureKind = 'share' | 'self_support' | 'duration' | 'inflow';

export interface BenchmarkMeasure {
  id: string;
  kind: MeasureKind;
  category: BenchmarkCategory;
  label: string;
  unit: string;
  higherIsBetter: boolean;
  decimals: number;
  /**
   * 'result': what the law judges (the share of the population on the benefits); a
   * significant deviation is a result problem. 'explanation': the flows behind a result
   * (exits, durations, awards), shown as evidence with a flag, never flagged alone.
   */
  role: 'result' | 'explanation';
}

const kinds: Record<MeasureKind, { label: string; unit: string; higherIsBetter: boolean; decimals: number }> = {
  share: { label: 'fuldtidspersoner i pct. af befolkningen 16-66 år', unit: 'pct.', higherIsBetter: false, decimals: 2 },
  self_support: { label: 'afgang til selvforsørgelse i pct. af personerne på ydelsen', unit: 'pct.', higherIsBetter: true, decimals: 1 },
  duration: { label: 'gennemsnitlig varighed af afsluttede forløb', unit: 'uger', higherIsBetter: false, decimals: 1 },
  inflow: { label: 'tilgang i pct. af befolkningen 16-66 år', unit: 'pct.', higherIsBetter: false, decimals: 2 },
};

/**
 * The stock of every category; exits (to self-support, and durations) where people do
 * leave; for førtidspension/fleksjob, whose pensions rarely end, the inflow (awards) instead.
 */
const kindsOf = (c: BenchmarkCategory): MeasureKind[] => (c === 'foertidspension' ? ['share', 'inflow'] : ['share', 'self_support', 'duration']);

/** The 14 measures. */
export const benchmarkMeasures: readonly BenchmarkMeasure[] = benchmarkCategories.flatMap((c) =>
  kindsOf(c.id).map((kind) => ({ ...kinds[kind], id: `${kind}_${c.id}`, kind, category: c.id, label: `${c.name}: ${kinds[kind].label}`, role: kind === 'share' ? 'result' : 'explanation' })),
);
export const benchmarkMeasureById = new Map(benchmarkMeasures.map((m) => [m.id, m]));

/** Timeliness of interviews: the legal requirement, checked against a threshold. */
export const TIMELINESS = { id: 'timeliness', label: 'Rettidighed i samtaler (pct.)', unit: 'pct.' } as const;

/**
 * Unit costs, DKK per full-time person per year (2025 level, rounded). Defaults: the
 * maximum rates of the benefits less the share that is paid below the maximum, as
 * approximations; set your own in the settings.
 */
const defaultUnitCosts: Record<BenchmarkCategory, number> = {
  public_support: 200_000,
  dagpenge: 220_000,
  kontanthjaelp: 160_000,
  sygedagpenge: 210_000,
  foertidspension: 230_000,
};

export const settingsSchema = z.object({
  /** Two-sided level of the prediction interval that defines "significantly outside". */
  level: z.number().gt(0.5).lt(1).default(0.995),
  /** Rolling years (a year apart, the newest last) whose deviations are pooled into the evidence of a flag. */
  years: z.number().int().min(1).max(5).default(3),
  /** Jobcenters with fewer persons than this behind a measure are left out of its model and never flagged. */
  minPersons: z.number().int().min(1).default(30),
  /**
   * One-sided level at which a flow behind a result (exits to self-support, durations,
   * awards) must bear a deviation out, where the release has the flows for the jobcenter.
   */
  explanationLevel: z.number().min(0.5).lt(1).default(0.95),
  /** A deviation must also be at least this large (actual ÷ expected − 1, in either direction) to be a result problem. */
  minDeviation: z.number().min(0).default(0.2),
  /** Timeliness below this (pct.) breaks the legal requirement. */
  timelinessThreshold: z.number().min(0).max(100).default(80),
  /** Consecutive flagged rolling years (months) before a problem counts as lasting. */
  lastingPeriods: z.number().int().min(1).default(6),
  /** How many months back a problem that is no longer flagged counts as resolved. */
  resolvedWithin: z.number().int().min(1).default(12),
  neighbours: z.number().int().min(1).max(20).default(5),
  clusterRange: z.tuple([z.number().int().min(2), z.number().int().min(2)]).default([3, 10]),
  /** The smallest cluster a chosen partition may have. */
  minClusterSize: z.number().int().min(2).default(5),
  unitCosts: z
    .object(Object.fromEntries(benchmarkCategories.map((c) => [c.id, z.number().min(0)])) as Record<BenchmarkCategory, z.ZodNumber>)
    .partial()
    .default({})
    .transform((u) => ({ ...defaultUnitCosts, ...u })),
});
export type BenchmarkSettings = z.output<typeof settingsSchema>;
