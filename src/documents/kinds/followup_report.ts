/**
 * The region's quarterly follow-up report on a jobcenter (opfølgning på beskæftigelsesindsatsen
 * i X Kommune), addressed to the municipality's labour-market committee and its LBR. The
 * numbers are drafted from the bank by the follow-up module (`generated`, never edited by
 * hand): the key measures for the quarter against the same quarter last year, the cluster, the
 * employment region and the country; full-time persons by benefit category; timeliness
 * against the law's requirement; the status of the plan's targets; the result problems with
 * their evidence. The region writes its assessment. Published straight from the draft.
 */
import { z } from 'zod';
import { periodName } from '../../statbank/shared.js';
import type { TargetStatus } from '../../targets/shared.js';
import { keepGenerated, text, type HtmlSection, type KindSection, type KindSpec } from './base.js';
import { dev, esc, fmt, notes, paragraphs } from './html.js';

const assessmentLabels = { results: 'Resultaterne', targets: 'Målene i beskæftigelsesplanen', timeliness: 'Rettidighed', problems: 'Resultatproblemer', overall: 'Regionens samlede vurdering' } as const;
type Part = keyof typeof assessmentLabels;
const parts = Object.keys(assessmentLabels) as Part[];

export const followupContentSchema = z.object({
  /** The numbers, replaced when the report is drafted again; never edited by hand. */
  generated: z.record(z.string(), z.unknown()).default({}),
  assessment: z.object(Object.fromEntries(parts.map((k) => [k, text])) as Record<Part, typeof text>).default(Object.fromEntries(parts.map((k) => [k, ''])) as Record<Part, string>),
});
export type FollowupContent = z.infer<typeof followupContentSchema>;

type Missing<K extends string> = Partial<Record<K, string>>;

/** A key measure: a rate, so the jobcenter, its cluster, its employment region and the country compare directly. */
export interface KeyMeasureRow {
  id: string;
  label: string;
  table: string;
  measure: string;
  dims: Record<string, string>;
  unit: string;
  decimals: number;
  higher_is_better: boolean;
  current: number | null;
  previous: number | null;
  cluster: number | null;
  region: number | null;
  country: number | null;
  missing: Missing<'current' | 'previous' | 'cluster' | 'region' | 'country'>;
}

/** A count of the jobcenter's own (full-time persons on a benefit category): no comparison with other areas. */
export type CountRow = Omit<KeyMeasureRow, 'higher_is_better' | 'cluster' | 'region' | 'country' | 'missing'> & { missing: Missing<'current' | 'previous'> };

/** The generated part, as `styr followup generate` draws it (src/followup). */
export interface FollowupGenerated {
  generated_at: string;
  release: { version: number; cutoff_week: string | null };
  /** The benchmarking run the cluster and the result problems come from (null: none for the release). */
  run: number | null;
  quarter: string;
  previous_quarter: string;
  jobcenter: { id: string; name: string };
  region: { id: string; name: string } | null;
  cluster: { id: string; number: number; members: { id: string; name: string }[] } | null;
  measures: KeyMeasureRow[];
  benefits: CountRow[];
  timeliness: { threshold: number; current: number | null; due: number | null; met: boolean | null; why: string | null; table: string; measure: string };
  targets: { plan: { id: number; year: number; state_name: string } | null; rows: { section: string; title: string; description: string; status: TargetStatus; status_label: string; reason: string }[] };
  problems: { measure: string; label: string; kind_label: string; status_label: string; since: string; period: string; text: string }[];
  text: Record<'results' | 'benefits' | 'timeliness' | 'targets' | 'problems', string>;
}

const generatedParts: [keyof FollowupGenerated, string][] = [['measures', 'nøgletallene'], ['benefits', 'ydelserne'], ['timeliness', 'rettidigheden'], ['targets', 'målene'], ['problems', 'resultatproblemerne']];

function measuresTable(g: FollowupGenerated): string {
  const n = notes();
  const q = esc(periodName(g.quarter)), p = esc(periodName(g.previous_quarter));
  const rows = g.measures
    .map((r) => `<tr><td>${esc(r.label)}</td><td>${esc(r.unit)}</td><td class="num">${n.cell(r.previous, r.decimals, r.missing.previous)}</td><td class="num">${n.cell(r.current, r.decimals, r.missing.current)}</td><td class="num">${dev(n, r.current, r.previous)}</td><td class="num">${n.cell(r.cluster, r.decimals, r.missing.cluster)}</td><td class="num">${n.cell(r.region, r.decimals, r.missing.region)}</td><td class="num">${n.cell(r.country, r.decimals, r.missing.country)}</td></tr>`)
    .join('');
  const region = g.region ? esc(g.region.name) : 'Regionen';
  return `<table><thead><tr><th scope="col">Nøgletal</th><th scope="col">Enhed</th><th scope="col" class="num">${p}</th><th scope="col" class="num">${q}</th><th scope="col" class="num">Udvikling</th><th scope="col" class="num">Klyngen ${q}</th><th scope="col" class="num">${region} ${q}</th><th scope="col" class="num">Hele landet ${q}</th></tr></thead><tbody>${rows}</tbody></table>${n.html()}<p class="small">Klyngen er gennemsnittet af de sammenlignelige jobcentre i benchmarkingen${g.cluster ? ` (klynge ${g.cluster.number}: ${g.cluster.members.map((m) => esc(m.name)).join(', ')})` : ''}.</p>`;
}

function benefitsTable(g: FollowupGenerated): string {
  const n = notes();
  const rows = g.benefits.map((r) => `<tr><td>${esc(r.label)}</td><td class="num">${n.cell(r.previous, r.decimals, r.missing.previous)}</td><td class="num">${n.cell(r.current, r.decimals, r.missing.current)}</td><td class="num">${dev(n, r.current, r.previous)}</td></tr>`).join('');
  return `<table><thead><tr><th scope="col">Ydelse</th><th scope="col" class="num">${esc(periodName(g.previous_quarter))}</th><th scope="col" class="num">${esc(periodName(g.quarter))}</th><th scope="col" class="num">Udvikling</th></tr></thead><tbody>${rows}</tbody></table>${n.html()}<p class="small">Fuldtidspersoner, gennemsnit for kvartalet.</p>`;
}

function html(c: FollowupContent): HtmlSection[] {
  const g = c.generated as unknown as FollowupGenerated;
  const a = (k: Part) => `<h3>${esc(assessmentLabels[k])}: regionens vurdering</h3>${paragraphs(c.assessment[k])}`;
  if (g.measures === undefined) return [{ id: 'grundlag', title: 'Grundlag', html: '<p class="empty">Tallene er ikke dannet endnu. Dan dem med styr followup generate.</p>' }, { id: 'vurdering', title: 'Regionens samlede vurdering', html: paragraphs(c.assessment.overall) }];
  return [
    {
      id: 'grundlag',
      title: 'Grundlag',
      html: `<dl><dt>Jobcenter</dt><dd>${esc(g.jobcenter.name)}${g.region ? `, ${esc(g.region.name)}` : ''}</dd><dt>Periode</dt><dd>${esc(periodName(g.quarter))} sammenlignet med ${esc(periodName(g.previous_quarter))}</dd><dt>Tal</dt><dd>Udgivelse ${g.release.version}${g.release.cutoff_week ? ` (data til og med ${esc(g.release.cutoff_week)})` : ''}${g.run === null ? '' : ` og dens benchmarking (kørsel ${g.run})`}</dd><dt>Til</dt><dd>Kommunens beskæftigelsesudvalg og det lokale beskæftigelsesråd</dd></dl>`,
    },
    { id: 'resultater', title: 'Nøgletal for kvartalet', html: `<p>${esc(g.text.results)}</p>${measuresTable(g)}${a('results')}` },
    { id: 'ydelser', title: 'Personer på offentlige ydelser', html: `<p>${esc(g.text.benefits)}</p>${benefitsTable(g)}` },
    { id: 'rettidighed', title: 'Rettidighed', html: `<p>${esc(g.text.timeliness)}</p>${a('timeliness')}` },
    {
      id: 'maal',
      title: 'Målene i beskæftigelsesplanen',
      html: `<p>${esc(g.text.targets)}</p>${g.targets.rows.length ? `<table><thead><tr><th scope="col">Afsnit</th><th scope="col">Mål</th><th scope="col">Status</th></tr></thead><tbody>${g.targets.rows.map((t) => `<tr><td>${esc(t.section)}</td><td>${esc(t.description)}</td><td><span class="status status-${t.status}">${esc(t.status_label)}</span><div class="small">${esc(t.reason)}</div></td></tr>`).join('')}</tbody></table>` : ''}${a('targets')}`,
    },
    { id: 'problemer', title: 'Resultatproblemer', html: `<p>${esc(g.text.problems)}</p>${g.problems.length ? `<ul>${g.problems.map((x) => `<li><strong>${esc(x.label)}</strong> (${esc(x.kind_label.toLowerCase())}, ${esc(x.status_label.toLowerCase())} siden ${esc(periodName(x.since))}): ${esc(x.text)}</li>`).join('')}</ul>` : ''}${a('problems')}` },
    { id: 'vurdering', title: 'Regionens samlede vurdering', html: paragraphs(c.assessment.overall) },
  ];
}

const fmtPct = (v: number | null) => (v === null ? '–' : `${fmt(v, 1)} pct.`);

/** The generated facts as read-only lines on the document page, beside the region's texts. */
function sections(c: FollowupContent): KindSection[] {
  const g = c.generated as unknown as Partial<FollowupGenerated>;
  const text = (k: Part, group: string): KindSection => ({ path: `assessment.${k}`, group, title: k === 'overall' ? assessmentLabels[k] : `${assessmentLabels[k]}: regionens vurdering`, type: 'text', text: c.assessment[k], ...(k === 'overall' ? { required: 'Skriv regionens samlede vurdering.' } : {}) });
  const facts = (path: string, group: string, title: string, lines: string[]): KindSection => ({ path, group, title, type: 'figures', lines });
  // Before the numbers are drafted, only the region's texts.
  if (g.measures === undefined) return parts.map((k) => text(k, k === 'overall' ? 'Regionens samlede vurdering' : assessmentLabels[k]));
  return [
    facts('generated.measures', 'Nøgletal for kvartalet', 'Nøgletal', [g.text?.results ?? '', ...(g.measures ?? []).map((r) => `${r.label}: ${fmt(r.current, r.decimals)} ${r.unit} (${periodName(g.previous_quarter ?? '')}: ${fmt(r.previous, r.decimals)}; klyngen ${fmt(r.cluster, r.decimals)}; ${g.region?.name ?? 'regionen'} ${fmt(r.region, r.decimals)}; hele landet ${fmt(r.country, r.decimals)})`)].filter(Boolean)),
    text('results', 'Nøgletal for kvartalet'),
    facts('generated.benefits', 'Personer på offentlige ydelser', 'Fuldtidspersoner efter ydelse', [g.text?.benefits ?? '', ...(g.benefits ?? []).map((r) => `${r.label}: ${fmt(r.current, r.decimals)} ${r.unit} (${periodName(g.previous_quarter ?? '')}: ${fmt(r.previous, r.decimals)})`)].filter(Boolean)),
    facts('generated.timeliness', 'Rettidighed', 'Rettidighed', g.timeliness ? [g.text?.timeliness ?? '', `Rettidige samtaler: ${fmtPct(g.timeliness.current)} (kravet er mindst ${fmt(g.timeliness.threshold)} pct.)`] : []),
    text('timeliness', 'Rettidighed'),
    facts('generated.targets', 'Målene i beskæftigelsesplanen', 'Status for målene', [g.text?.targets ?? '', ...(g.targets?.rows ?? []).map((t) => `${t.description}: ${t.status_label}`)].filter(Boolean)),
    text('targets', 'Målene i beskæftigelsesplanen'),
    facts('generated.problems', 'Resultatproblemer', 'Resultatproblemer', [g.text?.problems ?? '', ...(g.problems ?? []).map((x) => `${x.label}: ${x.text}`)].filter(Boolean)),
    text('problems', 'Resultatproblemer'),
    text('overall', 'Regionens samlede vurdering'),
  ];
}

export const followupReport = {
  name: 'Opfølgningsrapport',
  levels: ['jobcenter'],
  editor: () => 'regional_monitor',
  schema: followupContentSchema,
  edit: keepGenerated(followupContentSchema),
  create: 'generated',
  draftedIn: 'Opfølgning',
  sections,
  check: (c) => ({ missing: generatedParts.filter(([k]) => (c.generated as Partial<FollowupGenerated>)[k] === undefined).map(([k, what]) => ({ path: `generated.${k}`, message: `Rapporten mangler ${what}. Dan den igen med styr followup generate.` })), notes: [] }),
  html,
  transitions: { send_to_hearing: [], reopen: [], approve: [], publish: ['draft'] },
  comments: null,
  hearing: null,
} satisfies KindSpec<FollowupContent>;
