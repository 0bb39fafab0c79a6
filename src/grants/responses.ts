/** The answers of the grants' routes (grants.routes.ts). Zod only. */
import { z } from 'zod';
import { instant } from '../server/shared.js';

export const frameResponse = z.object({ year: z.number(), amount: z.number(), note: z.string(), version: z.number(), updated_at: instant, updated_by: z.string() });

export const framesResponse = z.object({
  council: z.object({ code: z.string(), name: z.string(), area: z.string().nullable() }),
  frames: z.array(frameResponse),
});

const result = z.object({ description: z.string(), status: z.string(), reason: z.string(), value: z.number().nullable(), period: z.string().nullable() });

export const accountResponse = z.object({
  initiative: z.string(),
  title: z.string(),
  budget: z.number(),
  committed: z.number(),
  spent: z.number(),
  due: z.string().nullable(),
  evaluation: z.string(),
  evaluated_on: z.string().nullable(),
  /** The initiative's targets as the bank measured them when the evaluation was given. */
  results: z.array(result),
  accounts: z.string(),
  accounts_on: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
  updated_at: instant.nullable(),
  updated_by: z.string().nullable(),
});

export const accountsResponse = z.object({
  document_id: z.number(),
  area: z.string(),
  year: z.number(),
  state: z.string(),
  may_edit: z.boolean(),
  initiatives: z.array(accountResponse),
});
