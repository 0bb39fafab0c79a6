/** The answers of the cooperation agreements' routes (cooperation.routes.ts). Zod only. */
import { z } from 'zod';
import { instant } from '../server/shared.js';

const party = z.object({ kind: z.enum(['unemployment_fund', 'organisation', 'other']), id: z.string().optional(), code: z.string().optional(), name: z.string() });

export const agreementResponse = z.object({
  id: z.number(),
  jobcenter: z.string(),
  jobcenter_name: z.string(),
  title: z.string(),
  content: z.object({
    parties: z.array(party),
    areas: z.string(),
    target_groups: z.string(),
    initiative: z.string(),
    information_exchange: z.string(),
    consent: z.boolean(),
    secretariat: z.string(),
    renegotiation: z.string(),
    termination: z.string(),
    in_force: z.string().nullable(),
    valid_until: z.string().nullable(),
    review_on: z.string().nullable(),
  }),
  state: z.enum(['draft', 'signed', 'under_review', 'terminated']),
  status: z.enum(['draft', 'signed', 'under_review', 'terminated', 'expired']),
  status_name: z.string(),
  signed_on: z.string().nullable(),
  terminated_on: z.string().nullable(),
  version: z.number(),
  updated_at: instant,
  updated_by: z.string(),
  may_edit: z.boolean(),
  /** The documents attached. */
  files: z.array(z.object({ id: z.number(), name: z.string(), size: z.number(), created_at: instant, created_by: z.string() })),
});

export const agreementFileResponse = z.object({ id: z.number(), name: z.string(), size: z.number(), created_at: instant });

export const agreementsResponse = z.object({
  jobcenter: z.string(),
  jobcenter_name: z.string(),
  may_create: z.boolean(),
  agreements: z.array(agreementResponse),
  /** What a party can be: the a-kasser, and the organisations (labour-market organisations, other jobcentres). */
  party_options: z.object({ unemployment_funds: z.array(z.object({ id: z.string(), name: z.string() })), organisations: z.array(z.object({ code: z.string(), name: z.string() })) }),
});

export const agreementVersionsResponse = z.array(z.object({ version: z.number(), event: z.string(), event_name: z.string(), state: z.string(), title: z.string(), actor: z.string(), created_at: instant }));
