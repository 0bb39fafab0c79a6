/** The benchmarking API's answers (benchmark.routes.ts), which the web app parses. Zod only (measures.ts would bring the settings' schema and the measures into the web app). */
import { z } from 'zod';
import { instant } from '../server/shared.js';
import type { BenchmarkCategory } from './benchmark.table.js';

const num = z.number();
/** A number the model could not give (NaN on the server is null in JSON). */
const maybe = z.number().nullable();
const category = z.enum(['public_support', 'dagpenge', 'kontanthjaelp', 'sygedagpenge', 'foertidspension'] as const satisfies readonly BenchmarkCategory[]);

/** A modelled measure, and the legal requirement (timeliness) beside them. */
const measure = z.union([
  z.object({ id: z.string(), kind: z.enum(['share', 'self_support', 'duration', 'inflow']), category, label: z.string(), unit: z.string(), higherIsBetter: z.boolean(), decimals: num, role: z.enum(['result', 'explanation']) }),
  z.object({ id: z.literal('timeliness'), label: z.string(), unit: z.string(), threshold: num }),
]);
const modelled = measure.options[0];

/** A jobcenter's values on a measure in a period (benchmark.repository.ts's BENCHMARK_FIELDS). */
const point = z.object({ period: z.string(), actual: maybe, expected: maybe, lower: maybe, upper: maybe, ratio: maybe, rank: maybe, z: maybe });

/** The settings the run used (measures.ts's settingsSchema as stored; older runs may lack newer settings). */
export const runSettingsSchema = z.looseObject({
  level: num,
  years: num,
  minPersons: num.optional(),
  minDeviation: num,
  timelinessThreshold: num,
  unitCosts: z.record(z.string(), num).default({}),
});

const fit = z.object({
  period: z.string(),
  conditionsYear: num,
  n: num,
  r2: num,
  df: num,
  /** Between-jobcenter variance and sampling constant of the weights (log scale). */
  tau2: maybe,
  kappa: maybe,
  coefficients: z.array(z.object({ variable: z.string(), label: z.string(), estimate: num, standardError: maybe })),
  dropped: z.array(z.string()),
  excluded: z.array(z.object({ jobcenter: z.string(), name: z.string(), reason: z.string() })),
});

/** GET /api/benchmark: the newest run's settings, periods, measures, model fits and clustering. */
export const overviewResponse = z.object({
  run: num,
  created_at: instant,
  release: z.object({ version: num, cutoff_week: z.string().nullable() }),
  settings: runSettingsSchema,
  periods: z.array(z.string()),
  measures: z.array(measure),
  fits: z.record(z.string(), z.object({ newest: fit.nullable(), r2: z.array(z.object({ period: z.string(), r2: num, n: num })) })),
  clustering: z.object({
    k: num,
    criterion: z.array(z.object({ k: num, calinski_harabasz: num })),
    weights: z.array(z.object({ variable: z.string(), label: z.string(), weight: num })),
    conditions_year: num,
  }),
  unavailable: z.array(z.object({ measure: z.string(), label: z.string(), reason: z.string() })),
});

/** GET /api/benchmark/ranking: every jobcenter on a measure in a period. */
export const rankingResponse = z.object({
  measure: modelled,
  period: z.string(),
  release: num,
  rows: z.array(point.extend({ jobcenter: z.string(), name: z.string(), region: z.string().nullable(), cluster: num.nullable(), difference: maybe })),
});

const evidencePoint = z.object({ jobcenter: z.string(), name: z.string().optional(), actual: maybe, expected: maybe.optional(), ratio: maybe.optional() });

/** A stored result problem as shown: with the names of the jobcenter and its peers, the measure's label and unit, the region. */
const flag = z.object({
  id: num,
  run_id: num,
  jobcenter: z.string(),
  measure: z.string(),
  kind: z.enum(['expected_level', 'legal_requirement']),
  direction: z.enum(['better', 'worse']),
  status: z.enum(['new', 'lasting', 'resolved']),
  first_period: z.string(),
  last_period: z.string(),
  /** What the flag rests on in the period it is judged (model.ts); numbers not published are null. */
  evidence: z.object({
    period: z.string(),
    actual: maybe,
    expected: maybe.optional(),
    lower: maybe.optional(),
    upper: maybe.optional(),
    ratio: maybe.optional(),
    rank: maybe.optional(),
    z: maybe.optional(),
    pooled_ratio: maybe.optional(),
    years_published: z.array(z.string()).optional(),
    level: maybe.optional(),
    persons: maybe.optional(),
    threshold: maybe.optional(),
    interviews_due: maybe.optional(),
    flagged_periods: z.array(z.string()),
    cluster: num,
    peers: z.array(evidencePoint),
    neighbours: z.array(evidencePoint).optional(),
    explanations: z
      .array(z.object({ measure: z.string(), label: z.string(), unit: z.string(), decimals: num, period: z.string(), actual: maybe, expected: maybe, ratio: maybe, z: maybe }))
      .optional(),
  }),
  name: z.string(),
  region: z.string().nullable(),
  label: z.string(),
  /** The measure's unit ("pct.", "uger") and decimals. */
  unit: z.string(),
  decimals: num,
});

/** GET /api/benchmark/jobcenters/:id: one jobcenter's measures over time, cluster, neighbours, conditions and savings. */
export const jobcenterResponse = z.object({
  jobcenter: z.object({ id: z.string(), name: z.string(), region: z.object({ id: z.string(), name: z.string() }).nullable() }),
  release: num,
  periods: z.array(z.string()),
  cluster: z.object({ number: num, members: z.array(z.object({ id: z.string(), name: z.string() })) }),
  neighbours: z.array(z.object({ id: z.string(), name: z.string(), distance: num })),
  conditions: z.record(z.string(), num),
  /** The modelled measures (not the legal requirement), each over the run's periods. */
  measures: z.array(modelled.extend({ series: z.array(point) })),
  savings: z.array(z.object({ jobcenter: z.string(), category, period: z.string(), fulltime_vs_expected: num, fulltime_vs_best_quartile: num, dkk_vs_expected: num, dkk_vs_best_quartile: num })),
  /** DKK per full-time person-year, by category (the savings' unit costs). */
  unit_costs: z.record(z.string(), num),
  /** Its result problems, when the user may read them. */
  flags: z.array(flag).nullable(),
});

/** GET /api/benchmark/problems: the result problems within the user's area. */
export const problemsResponse = z.object({ release: num, run: num, settings: runSettingsSchema, flags: z.array(flag) });
