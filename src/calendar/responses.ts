/** The calendar API's answers (calendar.routes.ts), which the web app parses. Zod and the steps' data only. */
import { z } from 'zod';
import { day, instant } from '../server/shared.js';
import { eraIds } from '../eras/shared.js';
import { stepIds } from './deadlines.js';

const step = z.enum(stepIds);
const stepStatus = z.enum(['done', 'done_late', 'overdue', 'due_soon', 'upcoming']);
const counts = z.record(stepStatus, z.number());

/** A step's deadline in a calendar year. */
const deadline = z.object({
  step,
  kind: z.enum(['results_audit', 'employment_plan']),
  label: z.string(),
  /** The year of the document the step concerns. */
  document_year: z.number(),
  due: day,
  overridden: z.boolean(),
  note: z.string().nullable(),
});

/** Where a jobcenter stands on a step. */
const stepCell = deadline.extend({
  status: stepStatus,
  status_label: z.string(),
  done_on: day.nullable(),
  /** Done by a hand mark, not shown by a document. */
  marked: z.boolean(),
  /** Days from today to the deadline (negative when passed). */
  days_left: z.number(),
  document_id: z.number().nullable(),
  document_state: z.string().nullable(),
});

/** GET /api/calendar: the year's steps for every jobcenter within the area. */
/** The era whose rules a year runs (eras/); `set`: chosen for the year, not the law's. */
const era = z.object({ id: z.enum(eraIds), name: z.string(), law: z.string(), set: z.boolean() });
export const boardResponse = z.object({
  year: z.number(),
  era,
  area: z.string(),
  area_name: z.string(),
  today: day,
  steps: z.array(deadline),
  rows: z.array(z.object({ area: z.string(), name: z.string(), steps: z.array(stepCell), counts })),
  counts,
  statuses: z.array(z.object({ id: stepStatus, label: z.string() })),
  /** The follow-up's dates in the year (cases' only for those who follow them). */
  followup: z.array(z.object({ kind: z.enum(['case', 'agreement_followup', 'agreement_deadline']), jobcenter: z.string(), jobcenter_name: z.string(), uid: z.string(), day, summary: z.string(), description: z.string(), path: z.string(), overdue: z.boolean() })),
  /** The LBRs' grant initiatives' evaluations and accounts due in the year. */
  grants: z.array(z.object({ area: z.string(), document_id: z.number(), initiative: z.string(), title: z.string(), day, overdue: z.boolean() })),
  /** The live cooperation agreements' review and expiry dates in the year. */
  cooperation: z.array(z.object({ kind: z.enum(['review', 'expiry']), agreement_id: z.number(), jobcenter: z.string(), jobcenter_name: z.string(), uid: z.string(), day, summary: z.string(), description: z.string(), path: z.string() })),
});

/** PUT /api/calendar/deadlines/:year. */
export const deadlinesResponse = z.object({ year: z.number(), era, deadlines: z.array(deadline) });
/** POST and DELETE /api/calendar/steps: the mark as it stands (done_on null: taken off). */
export const markResponse = z.object({ area: z.string(), year: z.number(), step, done_on: day.nullable() });
/** POST /api/calendar/feed-token: the user's new secret feed address. */
export const feedTokenResponse = z.object({ url: z.string() });

const milestone = z.object({ id: z.number(), due: day, title: z.string(), description: z.string(), created_by: z.string(), created_at: instant });
/** POST /api/councils/:code/milestones. */
export const milestoneResponse = milestone;
/** GET /api/councils/:code/milestones. */
export const milestonesResponse = z.object({ council: z.object({ code: z.string(), name: z.string() }), milestones: z.array(milestone) });
