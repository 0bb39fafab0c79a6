/**
 * A council's rules of procedure (forretningsorden), for the council of the document's area
 * (LBR for a jobcenter, RBR for a region, BER for DK), written by its secretariat (the
 * jobcenter for its LBR, the region for its RBR). Adopted by the council itself, so it is only
 * published. `response_approval` says how the council adopts a hearing response: by a meeting
 * decision, or by the chair (read by src/hearings).
 */
import { z } from 'zod';
import { text, type KindSpec } from './base.js';
import { esc, paragraphs } from './html.js';

export const rulesContentSchema = z.object({
  text,
  meetings_per_year: z.number().int().min(0).max(52).nullable().default(null),
  response_approval: z.enum(['meeting', 'chair']).default('meeting'),
});
export type RulesContent = z.infer<typeof rulesContentSchema>;
export const responseApprovalNames: Record<RulesContent['response_approval'], string> = { meeting: 'Vedtages på et rådsmøde', chair: 'Godkendes af formanden' };

export const rulesOfProcedure = {
  name: 'Forretningsorden',
  levels: ['jobcenter', 'employment_region', 'country'],
  editor: (level) => (level === 'employment_region' ? 'regional_monitor' : level === 'jobcenter' ? 'jobcenter_editor' : null),
  schema: rulesContentSchema,
  create: () => rulesContentSchema.parse({}),
  sections: (c) => [
    { path: 'text', group: 'Forretningsorden', title: 'Forretningsordenens tekst', type: 'text', text: c.text, required: 'Skriv forretningsordenens tekst.', rows: 14 },
    { path: 'settings', group: 'Møder og høringssvar', title: 'Møder og høringssvar', type: 'facts', lines: [`Møder om året: ${c.meetings_per_year ?? '–'}`, responseApprovalNames[c.response_approval]] },
  ],
  html: (c) => [
    { id: 'forretningsorden', title: 'Forretningsorden', html: paragraphs(c.text) },
    { id: 'moeder', title: 'Møder og høringssvar', html: `<dl><dt>Møder om året</dt><dd>${c.meetings_per_year ?? '–'}</dd><dt>Høringssvar</dt><dd>${esc(responseApprovalNames[c.response_approval])}</dd></dl>` },
  ],
  transitions: { send_to_hearing: [], reopen: [], approve: [], publish: ['draft'] },
  comments: null,
  hearing: null,
  council: true,
} satisfies KindSpec<RulesContent>;
