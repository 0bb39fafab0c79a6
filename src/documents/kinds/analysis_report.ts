/**
 * The RBR's yearly analysis report (analyserapport), drafted in January per employment region
 * (seed 000: "RBR udarbejder hvert år i januar en analyserapport"): the regional labour market,
 * the jobcenters' results and deviations, and the recommended focus areas. Sent to the
 * minister, the municipal councils, BER and the LBRs (seed 001) once published. The numbers
 * are drafted from the release and its benchmarking by the follow-up module (`generated`); the
 * RBR writes the analysis and chooses the focus areas (the candidates are the measures most
 * of the region's jobcenters do worse on than expected).
 */
import { z } from 'zod';
import { periodName } from '../../statbank/shared.js';
import { keepGenerated, text, type HtmlSection, type KindSection, type KindSpec } from './base.js';
import { esc, fmt, notes, paragraphs, signed } from './html.js';
import type { KeyMeasureRow } from './followup_report.js';

/** The generated part, as `styr followup analysis` draws it (src/followup/analysis.ts). */
export interface AnalysisGenerated {
  generated_at: string;
  release: { version: number; cutoff_week: string | null };
  run: number | null;
  /** The rolling year analysed (the year before the report's) and the one before it. */
  period: string;
  previous_period: string;
  region: { id: string; name: string };
  /** The region's key measures against the country (KeyMeasureRow: `region` and `country` at `period`; `current`/`previous` the region's). */
  market: KeyMeasureRow[];
  jobcenters: { id: string; name: string; actual: number | null; expected: number | null; ratio: number | null; rank: number | null; problems: number }[];
  candidates: { measure: string; label: string; jobcenters: string[] }[];
  text: Record<'market' | 'results' | 'candidates', string>;
}

export const analysisContentSchema = z.object({
  /** The numbers, replaced when the report is drafted again; never edited by hand. */
  generated: z.record(z.string(), z.unknown()).default({}),
  labour_market: text,
  results: text,
  /** The recommended focus areas, each a title and a why; new plans show them beside their challenges. */
  focus_areas: z.array(z.object({ title: z.string().trim().min(1, 'giv fokusområdet en overskrift'), text })).max(20).default([]),
});
export type AnalysisContent = z.infer<typeof analysisContentSchema>;

const sections = (c: AnalysisContent): KindSection[] => [
  ...((c.generated as Partial<AnalysisGenerated>).text ? [{ path: 'generated.market', group: 'Det regionale arbejdsmarked', title: 'Tallene', type: 'figures' as const, lines: [(c.generated as unknown as AnalysisGenerated).text.market, (c.generated as unknown as AnalysisGenerated).text.results, (c.generated as unknown as AnalysisGenerated).text.candidates] }] : []),
  { path: 'labour_market', group: 'Det regionale arbejdsmarked', title: 'Det regionale arbejdsmarked', type: 'text', text: c.labour_market, required: 'Beskriv det regionale arbejdsmarked.' },
  { path: 'results', group: 'Jobcentrenes resultater', title: 'Jobcentrenes resultater og afvigelser', type: 'text', text: c.results, required: 'Beskriv jobcentrenes resultater.' },
  ...c.focus_areas.map((f, i): KindSection => ({ path: `focus_areas.${i}.text`, group: 'Anbefalede fokusområder', title: `Fokusområde ${i + 1}: ${f.title}`, type: 'text', text: f.text })),
];

export const analysisReport = {
  name: 'Analyserapport',
  levels: ['employment_region'],
  editor: () => 'regional_monitor',
  schema: analysisContentSchema,
  edit: keepGenerated(analysisContentSchema),
  create: 'generated',
  draftedIn: 'Opfølgning',
  sections,
  check: (c) => ({
    missing: [
      ...((c.generated as Partial<AnalysisGenerated>).market === undefined ? [{ path: 'generated.market', message: 'Rapporten mangler tallene. Dan den med styr followup analysis.' }] : []),
      ...(c.focus_areas.length === 0 ? [{ path: 'focus_areas', message: 'Anbefal mindst ét fokusområde.' }] : []),
    ],
    notes: [],
  }),
  html,
  transitions: { send_to_hearing: [], reopen: [], approve: [], publish: ['draft'] },
  comments: null,
  hearing: null,
} satisfies KindSpec<AnalysisContent>;

function html(c: AnalysisContent): HtmlSection[] {
  const g = c.generated as unknown as Partial<AnalysisGenerated>;
  const focus: HtmlSection = { id: 'fokusomraader', title: 'Anbefalede fokusområder', html: c.focus_areas.length ? c.focus_areas.map((f) => `<h3>${esc(f.title)}</h3>${paragraphs(f.text)}`).join('') : '<p class="empty">Ingen fokusområder.</p>' };
  if (g.market === undefined) return [{ id: 'arbejdsmarked', title: 'Det regionale arbejdsmarked', html: paragraphs(c.labour_market) }, { id: 'resultater', title: 'Jobcentrenes resultater og afvigelser', html: paragraphs(c.results) }, focus];
  const n = notes();
  const p = esc(periodName(g.period!)), q = esc(periodName(g.previous_period!));
  const market = `<table><thead><tr><th scope="col">Nøgletal</th><th scope="col">Enhed</th><th scope="col" class="num">Regionen ${q}</th><th scope="col" class="num">Regionen ${p}</th><th scope="col" class="num">Hele landet ${p}</th></tr></thead><tbody>${g.market
    .map((r) => `<tr><td>${esc(r.label)}</td><td>${esc(r.unit)}</td><td class="num">${n.cell(r.previous, r.decimals, r.missing.previous)}</td><td class="num">${n.cell(r.current, r.decimals, r.missing.current)}</td><td class="num">${n.cell(r.country, r.decimals, r.missing.country)}</td></tr>`)
    .join('')}</tbody></table>${n.html()}`;
  const jcs = `<table><thead><tr><th scope="col">Jobcenter</th><th scope="col" class="num">Offentligt forsørgede, pct.</th><th scope="col" class="num">Forventet</th><th scope="col" class="num">Afvigelse</th><th scope="col" class="num">Placering</th><th scope="col" class="num">Resultatproblemer</th></tr></thead><tbody>${g.jobcenters!
    .map((j) => `<tr><td>${esc(j.name)}</td><td class="num">${fmt(j.actual, 2)}</td><td class="num">${fmt(j.expected, 2)}</td><td class="num">${j.ratio === null ? '–' : signed((j.ratio - 1) * 100)}</td><td class="num">${fmt(j.rank)}</td><td class="num">${j.problems}</td></tr>`)
    .join('')}</tbody></table>`;
  return [
    { id: 'grundlag', title: 'Grundlag', html: `<dl><dt>Region</dt><dd>${esc(g.region!.name)}</dd><dt>Periode</dt><dd>${p} sammenlignet med ${q}</dd><dt>Tal</dt><dd>Udgivelse ${g.release!.version}${g.run === null ? '' : ` og dens benchmarking (kørsel ${g.run})`}</dd></dl>` },
    { id: 'arbejdsmarked', title: 'Det regionale arbejdsmarked', html: `<p>${esc(g.text!.market)}</p>${market}${paragraphs(c.labour_market)}` },
    { id: 'resultater', title: 'Jobcentrenes resultater og afvigelser', html: `<p>${esc(g.text!.results)}</p>${jcs}${paragraphs(c.results)}` },
    { ...focus, html: `<p>${esc(g.text!.candidates)}</p>${focus.html}` },
  ];
}
