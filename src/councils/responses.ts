/** The councils API's answers (councils.routes.ts), which the web app parses. Zod and the council types only. */
import { z } from 'zod';
import { documentStates } from '../documents/shared.js';
import { day, instant } from '../server/shared.js';
import { eraIds } from '../eras/shared.js';
import { councilTypes } from './composition.js';

const council = z.object({ id: z.number(), code: z.string(), name: z.string(), area: z.string().nullable(), type: z.enum(councilTypes), type_name: z.string() });

/** A member as the council's page shows one (the e-mails only to members and the secretariat). */
const member = z.object({
  id: z.number(),
  council_id: z.number(),
  seat: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  substitute_name: z.string().nullable(),
  substitute_email: z.string().nullable(),
  term_from: day,
  term_to: day.nullable(),
  appointed_by: z.string(),
  office: z.enum(['chair', 'deputy_chair']).nullable(),
  office_from: day.nullable(),
  office_to: day.nullable(),
  version: z.number(),
  updated_at: instant,
  updated_by: z.string(),
});

const seatProblem = { seat: z.string(), message: z.string() };
/** What the composition check found (composition.ts), or that there are no rules for the date. */
const problem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vacant'), ...seatProblem, have: z.number(), need: z.number() }),
  z.object({ kind: z.literal('over_filled'), ...seatProblem, have: z.number(), max: z.number() }),
  z.object({ kind: z.enum(['expired', 'unknown_seat', 'no_substitute']), ...seatProblem, member: z.number() }),
  z.object({ kind: z.enum(['chair', 'rules']), message: z.string() }),
]);

export const councilsResponse = z.array(council);

/** GET /api/councils/:code: the council on a date, its rules, the check, members, seats and rules of procedure. */
export const councilResponse = council.extend({
  date: day,
  /** The era the council belongs to (eras/), whose rules check it. */
  era: z.object({ id: z.enum(eraIds), name: z.string(), law: z.string() }),
  /** The municipalities a regional council after 2014 covers, by name. */
  covers: z.array(z.string()),
  access: z.object({ member: z.boolean(), chair: z.boolean(), secretariat: z.boolean() }),
  composition: z
    .object({
      from: day,
      to: day.nullable(),
      outside_period: z.boolean(),
      /** Which rules the check used, in words (says when they are no longer in force). */
      applied: z.object({ short: z.string(), text: z.string() }),
      source: z.string(),
      chair: z.discriminatedUnion('kind', [z.object({ kind: z.literal('appointed') }), z.object({ kind: z.literal('elected'), years: z.number() }), z.object({ kind: z.literal('by_right'), seat: z.string() }), z.object({ kind: z.literal('by_order') })]),
      substitutes: z.boolean(),
      seats: z.array(z.object({ seat: z.string(), name: z.string(), min: z.number(), max: z.number(), have: z.number() })),
    })
    .nullable(),
  problems: z.array(problem),
  members: z.array(member.extend({ seat_name: z.string() })),
  seats: z.array(z.object({ id: z.string(), name: z.string() })),
  rules_of_procedure: z.array(z.object({ id: z.number(), year: z.number(), state: z.enum(documentStates) })),
});

/** POST and PUT /api/councils/:code/members/…: the member as stored. */
export const memberResponse = member;
/** DELETE /api/councils/:code/members/:id. */
export const removedResponse = z.object({ removed: z.literal(true) });
