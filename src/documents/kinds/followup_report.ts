/**
 * The region's follow-up report on a municipality (opfølgning på beskæftigelsesindsatsen i X
 * Kommune), addressed to its labour-market committee and its LBR. The numbers are drafted from
 * the bank (`generated`, by the follow-up module); the region writes its assessment. Published
 * straight from the draft, without a hearing. Behind the `followup` feature until the follow-up
 * module drafts it.
 */
import { z } from 'zod';
import { keepGenerated, text, type KindSection, type KindSpec } from './base.js';
import { paragraphs } from './html.js';

const assessmentLabels = { results: 'Resultaterne', targets: 'Målene i beskæftigelsesplanen', timeliness: 'Rettidighed', problems: 'Resultatproblemer', overall: 'Regionens samlede vurdering' } as const;
type Part = keyof typeof assessmentLabels;
const parts = Object.keys(assessmentLabels) as Part[];

export const followupContentSchema = z.object({
  /** The quarter followed up, e.g. 2025Q3. */
  quarter: z.string().regex(/^\d{4}Q[1-4]$/, 'et kvartal som 2025Q3').nullable().default(null),
  /** The numbers, replaced when the report is drafted again; never edited by hand. */
  generated: z.record(z.string(), z.unknown()).default({}),
  assessment: z.object(Object.fromEntries(parts.map((k) => [k, text])) as Record<Part, typeof text>).default(Object.fromEntries(parts.map((k) => [k, ''])) as Record<Part, string>),
});
export type FollowupContent = z.infer<typeof followupContentSchema>;

export const followupReport = {
  name: 'Opfølgningsrapport',
  levels: ['jobcenter'],
  editor: () => 'regional_monitor',
  schema: followupContentSchema,
  edit: keepGenerated(followupContentSchema),
  create: () => followupContentSchema.parse({}),
  sections: (c) => parts.map((k): KindSection => ({ path: `assessment.${k}`, group: 'Regionens vurdering', title: assessmentLabels[k], type: 'text', text: c.assessment[k], ...(k === 'overall' ? { required: 'Skriv regionens samlede vurdering.' } : {}) })),
  html: (c) => [{ id: 'vurdering', title: 'Regionens vurdering', html: parts.map((k) => `<h3>${assessmentLabels[k]}</h3>${paragraphs(c.assessment[k])}`).join('') }],
  transitions: { send_to_hearing: [], reopen: [], approve: [], publish: ['draft'] },
  comments: null,
  hearing: null,
  feature: 'followup',
} satisfies KindSpec<FollowupContent>;
