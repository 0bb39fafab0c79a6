/**
 * A target (mål): machine-checkable when it is bound to an indicator of the statistics bank
 * (a /v3 table's measure for an area and dimension values, at a frequency), with a baseline,
 * a goal as a level, an absolute change or a relative change, and a deadline period.
 * A target without an indicator is written in plain Danish only: "ikke målbart".
 */
import { z } from 'zod';

const periodId = z.string().regex(/^\d{4}(M\d{2}(-\d{4}M\d{2})?|Q[1-4])?$/, 'en periode som 2025M06, 2025Q2, 2025 eller 2024M07-2025M06');

export const indicatorSchema = z.object({
  /** A /v3 table, e.g. y25i09. */
  table: z.string().regex(/^[a-z0-9_]+$/),
  /** One of the table's mgroups, e.g. longterm_persons. */
  measure: z.string().min(1),
  /** An area: country, region, municipality, jobcenter or peer cluster (DK, R1084, K101, J101, KL3). */
  area: z.string().regex(/^(DK|R\d{4}|K\d{3}|J\d{3}|B\d|KL\d+)$/, 'et område som DK, R1084, K101, J101 eller KL3'),
  /** Dimension id → value id; dimensions left out are at their total. */
  dims: z.record(z.string(), z.string()).default({}),
  freq: z.enum(['M', 'Q', 'Y', 'R']).default('M'),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const goalSchema = z.discriminatedUnion('kind', [
  /** Reach this level. */
  z.object({ kind: z.literal('level'), value: z.number() }),
  /** Change the baseline by this much (e.g. +6 percentage points). */
  z.object({ kind: z.literal('change'), value: z.number() }),
  /** Change the baseline by this fraction (e.g. −0.18 for −18 %). */
  z.object({ kind: z.literal('relative_change'), value: z.number().gt(-1) }),
]);
type Goal = z.infer<typeof goalSchema>;

export const targetSchema = z
  .object({
    title: z.string().trim().min(1, 'skriv målet'),
    indicator: indicatorSchema.nullable(),
    baseline: z.object({ period: periodId, value: z.number() }).nullable(),
    goal: goalSchema.nullable(),
    /** Which side of the target value meets it; for changes it follows the sign by default. */
    direction: z.enum(['at_least', 'at_most']).optional(),
    deadline: periodId.nullable(),
  })
  .superRefine((t, ctx) => {
    if (!t.indicator) return; // ikke målbart: the text alone
    if (!t.goal) ctx.addIssue({ code: 'custom', path: ['goal'], message: 'et målbart mål skal have en målværdi' });
    if (!t.deadline) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'et målbart mål skal have en frist' });
    if (t.goal && t.goal.kind !== 'level' && !t.baseline) ctx.addIssue({ code: 'custom', path: ['baseline'], message: 'en ændring skal have et udgangspunkt' });
    if (t.goal?.kind === 'level' && !t.direction) ctx.addIssue({ code: 'custom', path: ['direction'], message: 'angiv om niveauet skal nås som mindst eller højst' });
  });
export type Target = z.infer<typeof targetSchema>;

/** Measurable: bound to an indicator, with a goal and a deadline. */
export const isMeasurable = (t: Target): t is Target & { indicator: Indicator; goal: Goal; deadline: string } => t.indicator !== null && t.goal !== null && t.deadline !== null;

/** The value the indicator must reach, and from which side. */
export function targetValue(t: Target & { goal: Goal }): { value: number; direction: 'at_least' | 'at_most' } {
  const { goal } = t;
  const base = t.baseline?.value ?? NaN;
  const value = goal.kind === 'level' ? goal.value : goal.kind === 'change' ? base + goal.value : base * (1 + goal.value);
  const direction = t.direction ?? (goal.kind !== 'level' && goal.value < 0 ? 'at_most' : 'at_least');
  return { value, direction };
}
