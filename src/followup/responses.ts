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
