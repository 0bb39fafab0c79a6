/**
 * The documents API's answers (documents.routes.ts), which the web app parses. Zod, the kinds'
 * own schemas and the targets' door only: a document's content is checked against its kind's
 * schema, a results audit's against the audit's.
 */
import { z } from 'zod';
import { day, instant } from '../server/shared.js';
import { seriesPointSchema, targetEvaluationSchema } from '../targets/shared.js';
import { ministerialGoalSchema } from './goals.js';
import { auditContentSchema, documentKinds, kindSpec, type AuditGenerated } from './kinds/index.js';
import { documentStates, transitions, type TransitionName } from './names.js';

const kind = z.enum(documentKinds);
const state = z.enum(documentStates);
const approval = z.object({ date: day, decision: z.string() }).nullable();
const release = z.object({ version: z.number(), cutoff_week: z.string().nullable() }).nullable();

/** A document in lists and as the answer to a change (the content left out). */
export const documentSummarySchema = z.object({
  id: z.number(),
  kind,
  area: z.string(),
  area_name: z.string(),
  year: z.number(),
  /** '' for a yearly document; a quarter (2025Q3) for a quarterly one. */
  period: z.string(),
  /** The year, or the quarter in words ("3. kvartal 2025"): what follows the kind in its title. */
  period_name: z.string(),
  state,
  revision: z.number(),
  updated_at: instant,
  updated_by: z.string(),
  published_at: instant.nullable(),
  approval,
});
export const documentListResponse = z.array(documentSummarySchema);

/** A results audit's content with its generated part as audit.ts draws it (typed there; here only an object). */
export const auditContent = auditContentSchema.extend({ generated: z.custom<AuditGenerated>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'skal være et objekt') });

/** A target as readers see it: its status against the release and its indicator's newest periods. */
export const targetViewSchema = z.object({
  path: z.string(),
  section: z.string(),
  evaluation: targetEvaluationSchema,
  /** The target in one line of Danish, as the PDF and the hearing show it. */
  description: z.string(),
  /** Its indicator in Danish; null when not measurable. */
  indicator: z.string().nullable(),
  series: z.array(seriesPointSchema),
});

const issue = z.object({ path: z.string(), message: z.string() });

/** GET /api/documents/:id: the document as readers see it, with the user's permissions and open state changes. */
export const documentViewResponse = z.object({
  document: z
    .object({
      id: z.number(),
      kind,
      area: z.string(),
      year: z.number(),
      /** '' for a yearly document; the quarter ('2025Q3') of a quarterly one. */
      period: z.string(),
      state,
      revision: z.number(),
      /** Its kind's content (kinds/); checked against the kind's schema. */
      content: z.unknown(),
      approval,
      created_at: instant,
      updated_at: instant,
      updated_by: z.string(),
      published_at: instant.nullable(),
    })
    .superRefine((d, ctx) => {
      const checked = kindSpec(d.kind).schema.safeParse(d.content);
      if (!checked.success) for (const i of checked.error.issues) ctx.addIssue({ code: 'custom', path: ['content', ...i.path], message: i.message });
    }),
  title: z.string(),
  area_name: z.string(),
  state_name: z.string(),
  release,
  /** The minimum-content check: what blocks the hearing, and what is worth fixing. */
  check: z.object({ missing: z.array(issue), notes: z.array(issue) }),
  targets: z.array(targetViewSchema),
  /** Every live figure's value in the release. */
  figures: z.array(z.object({ path: z.string(), label: z.string(), period: z.string().nullable(), value: z.number().nullable(), note: z.string().nullable() })),
  /** Documents shown live inside this one (the LBR's grant plan in the employment plan). */
  linked: z.array(z.object({ id: z.number(), kind: z.string(), title: z.string(), state, state_name: z.string(), lines: z.array(z.string()) })),
  /** "Status på mål": a plan's targets at the end of each year it spans (employment plans). */
  status: z
    .object({
      title: z.string(),
      from: z.number(),
      to: z.number(),
      rows: z.array(z.object({
        path: z.string(),
        section: z.string(),
        title: z.string(),
        measure: z.string().nullable(),
        target: z.object({ value: z.number(), direction: z.enum(['at_least', 'at_most']) }).nullable(),
        years: z.array(z.object({ year: z.number(), period: z.string().nullable(), value: z.number().nullable(), met: z.boolean().nullable() })),
      })),
    })
    .nullable(),
  may_edit: z.boolean(),
  may_comment: z.boolean(),
  /** A hearing runs: the councils' comments are given as hearing responses. */
  hearing_runs: z.boolean(),
  transitions: z.array(z.object({ id: z.enum(Object.keys(transitions) as [TransitionName, ...TransitionName[]]), label: z.string() })),
});

/** GET /api/goals: every year's ministerial goals, newest first. */
export const goalsResponse = z.array(z.object({ year: z.number(), goals: z.array(ministerialGoalSchema) }));
/** PUT /api/goals/:year. */
export const goalYearResponse = z.object({ year: z.number(), goals: z.array(ministerialGoalSchema) });

/** GET /api/document-kinds: the kinds in use, and which of them the user may make in the own area. */
export const kindsResponse = z.array(
  z.object({ kind, name: z.string(), levels: z.array(z.enum(['jobcenter', 'employment_region', 'country'])), council: z.boolean(), generated: z.boolean(), may_create: z.boolean() }),
);

/** GET /api/documents/:id/versions: newest first. */
export const versionsResponse = z.array(z.object({ revision: z.number(), event: z.string(), event_name: z.string(), state, actor: z.string(), created_at: instant }));

/** GET /api/documents/:id/diff: the fields that differ between two versions, with their line diffs. */
export const diffResponse = z.object({
  from: z.number(),
  to: z.number(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), lines: z.array(z.object({ op: z.enum(['=', '+', '-']), text: z.string() })) })),
});

/** GET /api/targets: every visible target of the documents in an area, with its status against the newest release. */
export const areaTargetsResponse = z.array(
  z.object({
    document: documentSummarySchema,
    release,
    targets: z.array(
      z.object({
        path: z.string(),
        section: z.string(),
        title: z.string(),
        status: targetEvaluationSchema.shape.status,
        reason: z.string(),
        target: targetEvaluationSchema.shape.target,
        latest: targetEvaluationSchema.shape.latest,
        probability: z.number().nullable(),
        deadline: z.string().nullable(),
        /** The indicator's measure (its unit: src/statbank/units.ts); null when not measurable. */
        measure: z.string().nullable(),
      }),
    ),
  }),
);
