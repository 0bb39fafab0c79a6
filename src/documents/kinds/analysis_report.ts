/**
 * The RBR's yearly analysis report (analyserapport), drafted in January per employment region
 * (seed 000: "RBR udarbejder hvert år i januar en analyserapport"): the regional labour market,
 * the jobcenters' results and deviations, and the recommended focus areas. Sent to the
 * minister, the municipal councils, BER and the LBRs (seed 001) once published. Behind the
 * `followup` feature until the follow-up module drafts its numbers.
 */
import { z } from 'zod';
import { text, type KindSection, type KindSpec } from './base.js';
import { esc, paragraphs } from './html.js';

export const analysisContentSchema = z.object({
  labour_market: text,
  results: text,
  /** The recommended focus areas, each a title and a why; new plans show them beside their challenges. */
  focus_areas: z.array(z.object({ title: z.string().trim().min(1, 'giv fokusområdet en overskrift'), text })).max(20).default([]),
});
export type AnalysisContent = z.infer<typeof analysisContentSchema>;

const sections = (c: AnalysisContent): KindSection[] => [
  { path: 'labour_market', group: 'Det regionale arbejdsmarked', title: 'Det regionale arbejdsmarked', type: 'text', text: c.labour_market, required: 'Beskriv det regionale arbejdsmarked.' },
  { path: 'results', group: 'Jobcentrenes resultater', title: 'Jobcentrenes resultater og afvigelser', type: 'text', text: c.results, required: 'Beskriv jobcentrenes resultater.' },
  ...c.focus_areas.map((f, i): KindSection => ({ path: `focus_areas.${i}.text`, group: 'Anbefalede fokusområder', title: `Fokusområde ${i + 1}: ${f.title}`, type: 'text', text: f.text })),
];

export const analysisReport = {
  name: 'Analyserapport',
  levels: ['employment_region'],
  editor: () => 'regional_monitor',
  schema: analysisContentSchema,
  create: () => analysisContentSchema.parse({}),
  sections,
  check: (c) => ({ missing: c.focus_areas.length === 0 ? [{ path: 'focus_areas', message: 'Anbefal mindst ét fokusområde.' }] : [], notes: [] }),
  html: (c) => [
    { id: 'arbejdsmarked', title: 'Det regionale arbejdsmarked', html: paragraphs(c.labour_market) },
    { id: 'resultater', title: 'Jobcentrenes resultater og afvigelser', html: paragraphs(c.results) },
    { id: 'fokusomraader', title: 'Anbefalede fokusområder', html: c.focus_areas.length ? c.focus_areas.map((f) => `<h3>${esc(f.title)}</h3>${paragraphs(f.text)}`).join('') : '<p class="empty">Ingen fokusområder.</p>' },
  ],
  transitions: { send_to_hearing: [], reopen: [], approve: [], publish: ['draft'] },
  comments: null,
  hearing: null,
  feature: 'followup',
} satisfies KindSpec<AnalysisContent>;
