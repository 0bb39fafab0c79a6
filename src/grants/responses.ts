/** The answers of the grants' routes (grants.routes.ts). Zod only. */
import { z } from 'zod';
import { instant } from '../server/shared.js';

export const frameResponse = z.object({ year: z.number(), amount: z.number(), note: z.string(), version: z.number(), updated_at: instant, updated_by: z.string() });

export const framesResponse = z.object({
  council: z.object({ code: z.string(), name: z.string(), area: z.string().nullable() }),
  frames: z.array(frameResponse),
});
