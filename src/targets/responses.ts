/** The parts of the API's answers that are a target's evaluation (documents and hearings send them). Zod only. */
import { z } from 'zod';
import type { TargetStatus } from './names.js';

export const targetStatuses = ['met', 'missed', 'on_track', 'at_risk', 'off_track', 'not_measurable', 'no_data'] as const satisfies readonly TargetStatus[];

/** A period's value of an indicator (null: not published). */
export const seriesPointSchema = z.object({ period: z.string(), value: z.number().nullable() });
const periodValue = z.object({ period: z.string(), value: z.number() });

export const forecastSchema = z.object({
  period: z.string(),
  value: z.number(),
  lower: z.number(),
  upper: z.number(),
  /** Of the band (e.g. 0.8). */
  level: z.number(),
  mean: z.number(),
  sd: z.number(),
  scale: z.enum(['log', 'linear']),
  seasonal: z.boolean(),
  /** The periods the model was fitted to. */
  from: z.string(),
  to: z.string(),
  n: z.number(),
  /** The method in Danish, for the reader. */
  method: z.string(),
});

/** A target against a release (status.ts). */
export const targetEvaluationSchema = z.object({
  status: z.enum(targetStatuses),
  /** The value to reach and from which side; null when not measurable. */
  target: z.object({ value: z.number(), direction: z.enum(['at_least', 'at_most']) }).nullable(),
  latest: periodValue.nullable(),
  /** Once the deadline is in the data: the value then. */
  atDeadline: periodValue.nullable(),
  forecast: forecastSchema.nullable(),
  probability: z.number().nullable(),
  /** Why, in Danish. */
  reason: z.string(),
  /** The deadline lies before the bank's first period: a target set on other data, not judged on these. */
  before_data: z.boolean().optional(),
});
