/** The follow-up API's answers (followup.routes.ts), parsed by the web app. Dependency-free but zod. */
import { z } from 'zod';

/** The release's whole quarters (newest first) and the employment regions the user follows up on. */
export const quartersResponse = z.object({ release: z.number(), latest: z.string(), quarters: z.array(z.string()), regions: z.array(z.object({ id: z.string(), name: z.string() })) });

export const generateResponse = z.object({
  quarter: z.string(),
  release: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.array(z.object({ jobcenter: z.string(), reason: z.string() })),
  documents: z.array(z.number()),
  bank_reads: z.number(),
});

/** A quarter's reports in a region, one per jobcenter that has one. */
export const reportsResponse = z.object({
  quarter: z.string(),
  region: z.object({ id: z.string(), name: z.string() }),
  jobcenters: z.array(z.object({ id: z.string(), name: z.string() })),
  reports: z.array(z.object({ id: z.number(), area: z.string(), area_name: z.string(), state: z.string(), state_name: z.string(), updated_at: z.string(), updated_by: z.string(), published_at: z.string().nullable() })),
});

const trendPoint = z.object({ release: z.number(), period: z.string(), period_name: z.string(), actual: z.number().nullable(), expected: z.number().nullable(), lower: z.number().nullable(), upper: z.number().nullable(), threshold: z.number().nullable(), inside: z.boolean().nullable() });

/** A case as listed: its stage, next date, and the measure's trend since it was opened. */
export const caseSummary = z.object({
  id: z.number(),
  jobcenter: z.string(),
  jobcenter_name: z.string(),
  region: z.string(),
  source: z.string(),
  measure: z.string().nullable(),
  measure_label: z.string().nullable(),
  unit: z.string().nullable(),
  decimals: z.number(),
  title: z.string(),
  stage: z.string(),
  stage_name: z.string(),
  opened_release: z.number(),
  opened_on: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  next_date: z.string().nullable(),
  closed_reason: z.string().nullable(),
  closed_on: z.string().nullable(),
  version: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  updated_by: z.string(),
  trend: z.array(trendPoint),
  resolved: z.boolean(),
  direction: z.enum(['better', 'worse', 'unchanged']).nullable(),
  overdue: z.boolean(),
});

export const caseResponse = caseSummary.extend({
  steps: z.array(z.object({ id: z.number(), case_id: z.number(), kind: z.string(), kind_name: z.string(), date: z.string(), text: z.string(), decided_by: z.string(), meeting_id: z.number().nullable(), document_id: z.number().nullable(), details: z.record(z.string(), z.unknown()), created_at: z.string(), created_by: z.string() })),
});

export const recommendationResponse = z.object({ id: z.number(), jobcenter: z.string(), jobcenter_name: z.string(), text: z.string(), created_at: z.string(), created_by: z.string(), answer: z.string().nullable(), answered_at: z.string().nullable(), answered_by: z.string().nullable(), answered: z.boolean(), version: z.number() });

/** The cases and recommendations of the jobcenters the user follows (listed, for opening a case by hand). */
export const casesResponse = z.object({ jobcenters: z.array(z.object({ id: z.string(), name: z.string() })), cases: z.array(caseSummary), recommendations: z.array(recommendationResponse) });

export const analysisResponse = z.object({ created: z.number(), updated: z.number(), skipped: z.number(), documents: z.array(z.number()), release: z.number(), year: z.number() });

/** What a plan builds on: the ministerial goals, the previous results audit's improvement areas, the RBR's analysis report's focus areas. */
export const planInputsResponse = z.object({
  goals: z.object({ year: z.number().nullable(), titles: z.array(z.string()) }),
  audit: z.object({ id: z.number(), year: z.number(), state_name: z.string(), improvements: z.array(z.string()) }).nullable(),
  analysis: z.object({ id: z.number(), year: z.number(), region_name: z.string(), state_name: z.string(), focus_areas: z.array(z.object({ title: z.string(), text: z.string() })) }).nullable(),
});
