/**
 * What the steering documents hold, as zod schemas: the employment plan (beskæftigelsesplan),
 * the results audit (resultatrevision) and a region's implementation plan with its targets.
 * Texts are plain Danish; every target is a src/targets Target; figures in the plan's
 * challenges are live references to the statistics bank, read when the plan is shown.
 */
import { z } from 'zod';
import { indicatorSchema, targetSchema, type Target } from '../targets/index.js';

import { type DocumentKind } from './names.js';

export { documentKinds, kindNames, type DocumentKind } from './names.js';

const text = z.string().max(20_000).default('');
const targets = z.array(targetSchema).max(50).default([]);

/** A live figure: an indicator's value in a period (null: the newest published). */
export const figureSchema = z.object({
  label: z.string().trim().min(1, 'giv tallet en tekst'),
  indicator: indicatorSchema,
  period: z.string().nullable().default(null),
});
export type Figure = z.infer<typeof figureSchema>;

/** What the region and the LBR write on a document (their comments, bemærkninger). */
export const commentsSchema = z.object({ lbr: text, region: text }).default({ lbr: '', region: '' });

export const planContentSchema = z.object({
  /** The year's ministerial goals, added when the plan is created: a strategy and targets for each. */
  goals: z.array(z.object({ number: z.number().int(), title: z.string(), strategy: text, targets })).default([]),
  /** The most important challenges, each with figures from the bank. */
  challenges: z.array(z.object({ title: z.string().trim().min(1, 'giv udfordringen en overskrift'), text, figures: z.array(figureSchema).max(20).default([]) })).max(30).default([]),
  citizen: z.object({ strategy: text, targets }).default({ strategy: '', targets: [] }),
  /** Including the LBR's plan for its council grants (LBR-midler). */
  business: z.object({ strategy: text, targets, council_grants: text }).default({ strategy: '', targets: [], council_grants: '' }),
  /** The share of the effort expected to be carried out by other actors, in per cent. */
  other_actors: z.object({ share_pct: z.number().min(0).max(100).nullable().default(null), strategy: text }).default({ share_pct: null, strategy: '' }),
  local_goals: z.array(z.object({ title: z.string().trim().min(1, 'giv det lokale mål en overskrift'), strategy: text, targets })).max(30).default([]),
  /** DKK; the state and the municipal part where they are split. */
  budget: z
    .object({
      lines: z.array(z.object({ label: z.string().trim().min(1, 'giv budgetlinjen en tekst'), state: z.number().nullable().default(null), municipal: z.number().nullable().default(null) })).max(100).default([]),
      note: text,
    })
    .default({ lines: [], note: '' }),
  comments: commentsSchema,
});
export type PlanContent = z.infer<typeof planContentSchema>;


/** The results audit: the generated part (numbers from the release and the benchmark) and the human parts. */
export const auditContentSchema = z.object({
  /** Replaced on every regeneration; never edited by hand. */
  generated: z.record(z.string(), z.unknown()),
  analysis: z.object({ summary: text, results: text, goals: text, improvements: text }).default({ summary: '', results: '', goals: '', improvements: '' }),
  comments: commentsSchema,
});
export type AuditContent = z.infer<typeof auditContentSchema>;
/** The human-written parts an editor may save; the generated part comes from `styr audit generate`. */
export const auditEditSchema = auditContentSchema.omit({ generated: true });

export const implementationPlanContentSchema = z.object({
  goals: z.array(z.object({ title: z.string().trim().min(1, 'giv målet en overskrift'), implementation: text, targets })).max(30).default([]),
  comments: commentsSchema,
});
export type ImplementationPlanContent = z.infer<typeof implementationPlanContentSchema>;

/**
 * A council's rules of procedure (forretningsorden), for the council of the document's area
 * (LBR for a jobcenter, RBR for a region, BER for DK). `response_approval` says how the council
 * adopts a hearing response: by a meeting decision, or by the chair.
 */
export const rulesContentSchema = z.object({
  text,
  meetings_per_year: z.number().int().min(0).max(52).nullable().default(null),
  response_approval: z.enum(['meeting', 'chair']).default('meeting'),
});
export type RulesContent = z.infer<typeof rulesContentSchema>;
export const responseApprovalNames: Record<RulesContent['response_approval'], string> = { meeting: 'Vedtages på et rådsmøde', chair: 'Godkendes af formanden' };

export const contentSchemas = {
  employment_plan: planContentSchema,
  results_audit: auditContentSchema,
  implementation_plan: implementationPlanContentSchema,
  rules_of_procedure: rulesContentSchema,
} as const;

/** Every target of a document, with its path in the content and the section it sits in. */
export function targetsOf(kind: DocumentKind, content: unknown): { path: string; section: string; target: Target }[] {
  const list = (base: string, section: string, ts: Target[]) => ts.map((target, i) => ({ path: `${base}.${i}`, section, target }));
  if (kind === 'employment_plan') {
    const c = content as PlanContent;
    return [
      ...c.goals.flatMap((g, i) => list(`goals.${i}.targets`, `Ministermål ${g.number}: ${g.title}`, g.targets)),
      ...list('citizen.targets', 'Borgerrettet indsats', c.citizen.targets),
      ...list('business.targets', 'Virksomhedsrettet indsats', c.business.targets),
      ...c.local_goals.flatMap((g, i) => list(`local_goals.${i}.targets`, `Lokalt mål: ${g.title}`, g.targets)),
    ];
  }
  if (kind === 'implementation_plan') return (content as ImplementationPlanContent).goals.flatMap((g, i) => list(`goals.${i}.targets`, g.title, g.targets));
  return [];
}
