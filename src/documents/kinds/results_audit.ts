/**
 * The results audit (resultatrevision): drafted for every jobcenter by `styr audit generate`
 * from the release and its benchmarking (the generated part, never edited by hand); the
 * jobcenter's editors write the analysis. Its minimum (seed 000): results against last year,
 * the ministerial goals and the peers; benefits by target group; savings; improvement areas.
 */
import { z } from 'zod';
import { mioKr } from '../../benchmark/shared.js';
import { periodName } from '../../statbank/shared.js';
import type { TargetStatus } from '../../targets/shared.js';
import { notRated, scaledNote } from '../audit-notes.js';
import { commentsSchema, keepGenerated, text, type HtmlSection, type KindSection, type KindSpec } from './base.js';
import { dev, esc, fmt, notes, paragraphs } from './html.js';

/** The generated part, as `styr audit generate` draws it (audit.ts). */
export interface OverviewRow {
  measure: string;
  label: string;
  unit: string;
  decimals: number;
  higher_is_better: boolean;
  current: number | null;
  previous: number | null;
  cluster: number | null;
  expected: number | null;
  ratio: number | null;
  rank: number | null;
  /** Why a value is missing, per column. */
  missing: Partial<Record<'current' | 'previous' | 'cluster' | 'expected', string>>;
}

export interface IndicatorRow {
  label: string;
  table: string;
  measure: string;
  dims: Record<string, string>;
  /** As the bank publishes the measure. */
  decimals: number;
  /** What the numbers count: "personer", "fuldtidspersoner", "pct. af befolkningen 16-66 år" … */
  unit: string;
  /** The periods read (the indicator's frequency at the end of the year, as the plan's targets). */
  period: string;
  previous_period: string;
  current: number | null;
  previous: number | null;
  /** A rate: the cluster's mean rate; a count: the cluster's count scaled to the jobcenter's population. */
  cluster_basis: 'rate' | 'scaled';
  cluster_current: number | null;
  cluster_previous: number | null;
  /** Why a value is missing, per column. */
  missing: Partial<Record<'current' | 'previous' | 'cluster_current' | 'cluster_previous', string>>;
}

export interface AuditGenerated {
  generated_at: string;
  release: { version: number; cutoff_week: string | null };
  run: number;
  year: number;
  period: string;
  previous_period: string;
  jobcenter: { id: string; name: string; region: { id: string; name: string } | null };
  cluster: { id: string; number: number; members: { id: string; name: string }[] };
  neighbours: { id: string; name: string }[];
  overview: OverviewRow[];
  goals: { year: number | null; items: { number: number; title: string; indicators: IndicatorRow[] }[] };
  benefits: (IndicatorRow & { id: string; level: 'total' | 'category' | 'group' })[];
  /** The benchmarking's savings (src/benchmark/savings-text.ts): the total is all public support's row. */
  savings: { period: string; rows: SavingsLine[]; total: SavingsLine | null; total_dkk: number; method: string };
  improvements: { measure: string; label: string; unit: string; decimals: number; actual: number; expected: number; ratio: number; cluster: number | null; rank: number | null; text: string }[];
  plan: { id: number; year: number; state: string; targets: { section: string; title: string; description: string; status: TargetStatus; status_label: string; reason: string }[] } | null;
  text: Record<'overview' | 'goals' | 'benefits' | 'savings' | 'improvements' | 'plan', string>;
}

type SavingsLine = { category: string; label: string; fulltime: number; dkk: number; fulltime_best: number; dkk_best: number };

const analysisSchema = z.object({ summary: text, results: text, goals: text, improvements: text }).default({ summary: '', results: '', goals: '', improvements: '' });
export const auditContentSchema = z.object({
  /** Replaced on every regeneration; never edited by hand. */
  generated: z.record(z.string(), z.unknown()),
  analysis: analysisSchema,
  comments: commentsSchema,
});
export type AuditContent = z.infer<typeof auditContentSchema>;

export const analysisLabels: Record<keyof AuditContent['analysis'], string> = { summary: 'Jobcenterets sammenfatning', results: 'Analyse af resultaterne', goals: 'Analyse af ministermålene', improvements: 'Opfølgning og forbedringer' };

const generatedParts: [string, string][] = [
  ['overview', 'resultaterne i forhold til sidste år og sammenlignelige jobcentre'],
  ['goals', 'ministermålene'],
  ['benefits', 'udviklingen i personer på offentlige ydelser fordelt på målgrupper'],
  ['savings', 'besparelsespotentialet'],
  ['improvements', 'forbedringsområderne'],
];

const sections = (c: AuditContent): KindSection[] => [
  { path: 'generated', group: 'Resultaterne', title: 'Resultaterne (tal fra statistikbanken)', type: 'figures', lines: [`Udgivelse ${String((c.generated as { release?: { version?: number } }).release?.version ?? '–')}`] },
  ...(Object.keys(analysisLabels) as (keyof AuditContent['analysis'])[]).map((k): KindSection => ({ path: `analysis.${k}`, group: 'Jobcenterets analyse', title: analysisLabels[k], type: 'text', text: c.analysis[k], rows: 5 })),
];

const indicatorTable = (rows: IndicatorRow[], year: number) => {
  const n = notes();
  // An audit drafted before the periods were stored read the rolling years.
  const cur = periodName(rows[0]?.period ?? `${year}M01-${year}M12`), prev = periodName(rows[0]?.previous_period ?? `${year - 1}M01-${year - 1}M12`);
  const body = rows
    .map((r) => `<tr><td>${esc(r.label)}</td><td>${esc(r.unit ?? '')}</td><td class="num">${n.cell(r.previous, r.decimals, r.missing?.previous)}</td><td class="num">${n.cell(r.current, r.decimals, r.missing?.current)}</td><td class="num">${dev(n, r.current, r.previous)}</td><td class="num">${n.cell(r.cluster_current, r.decimals, r.missing?.cluster_current)}</td><td class="num">${dev(n, r.cluster_current, r.cluster_previous)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th scope="col">Indikator</th><th scope="col">Enhed</th><th scope="col" class="num">${esc(prev)}</th><th scope="col" class="num">${esc(cur)}</th><th scope="col" class="num">Udvikling</th><th scope="col" class="num">Klyngen ${esc(cur)}</th><th scope="col" class="num">Klyngens udvikling</th></tr></thead><tbody>${body}</tbody></table>${n.html()}<p class="small">${esc(scaledNote)}</p>`;
};

/** Actual ÷ expected per measure as a dot plot around 1 (a log scale, so 0,9 and 1,1 lie equally far out). */
function ratioChart(g: AuditGenerated): string {
  const rows = g.overview.filter((r) => r.ratio !== null);
  if (rows.length === 0) return '';
  const W = 620, rowH = 18, L = 290, R = 50, T = 4, H = rows.length * rowH + T + 30;
  const span = Math.max(0.1, ...rows.map((r) => Math.abs(Math.log(r.ratio!)))) * 1.1;
  const x = (v: number) => L + ((Math.log(v) + span) / (2 * span)) * (W - L - R);
  const ticks = [Math.exp(-span / 1.1), 1, Math.exp(span / 1.1)];
  const dots = rows.map((r, i) => {
    const bad = r.higher_is_better ? r.ratio! < 1 : r.ratio! > 1;
    const cy = T + i * rowH + rowH / 2, cx = x(r.ratio!);
    // The value's label on the side away from 1, kept inside the page.
    const right = r.ratio! >= 1;
    return `<text x="${L - 6}" y="${cy + 3.5}" text-anchor="end">${esc(r.label.length > 50 ? `${r.label.slice(0, 49)}…` : r.label)}</text><line x1="${x(1).toFixed(1)}" x2="${cx.toFixed(1)}" y1="${cy}" y2="${cy}" stroke="${bad ? '#b51d09' : '#358000'}" stroke-width="2"/><circle cx="${cx.toFixed(1)}" cy="${cy}" r="4" fill="${bad ? '#b51d09' : '#358000'}"/><text x="${(right ? cx + 7 : cx - 7).toFixed(1)}" y="${cy + 3.5}" text-anchor="${right ? 'start' : 'end'}">${esc(fmt(r.ratio, 3))}</text>`;
  });
  const axis = ticks.map((t) => `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${T}" y2="${H - 24}" stroke="${t === 1 ? '#1a1a1a' : '#bfbfbf'}"${t === 1 ? '' : ' stroke-dasharray="2 3"'}/><text x="${x(t).toFixed(1)}" y="${H - 12}" text-anchor="middle">${esc(fmt(t, 2))}</text>`).join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Faktisk niveau i forhold til forventet niveau" xmlns="http://www.w3.org/2000/svg" font-size="10" font-family="inherit"><title>Faktisk niveau i forhold til forventet niveau</title>${axis}${dots.join('')}<text x="${x(1).toFixed(1)}" y="${H - 2}" text-anchor="middle">1 = som forventet</text></svg><figcaption>Faktisk i forhold til forventet niveau, ${esc(periodName(g.period))}, vist omkring 1. Rød: dårligere end forventet. Grøn: bedre.</figcaption></figure>`;
}

function html(c: AuditContent): HtmlSection[] {
  const g = c.generated as unknown as AuditGenerated;
  // A revision whose numbers are not (or no longer fully) drawn says so rather than half a table.
  if (g.overview === undefined) return [{ id: 'sammenfatning', title: 'Sammenfatning', html: paragraphs(c.analysis.summary) }, { id: 'grundlag', title: 'Grundlag', html: '<p class="empty">Tallene er ikke dannet endnu. Dan dem med styr audit generate.</p>' }];
  const y = g.year;
  const s: HtmlSection[] = [];
  const on = notes();
  s.push({
    id: 'grundlag',
    title: 'Grundlag',
    html: `<dl><dt>Område</dt><dd>${esc(g.jobcenter.name)}${g.jobcenter.region ? `, ${esc(g.jobcenter.region.name)}` : ''}</dd><dt>Periode</dt><dd>${y} (løbende år ${esc(g.period)}) sammenlignet med ${y - 1} (${esc(g.previous_period)})</dd><dt>Tal</dt><dd>Udgivelse ${g.release.version} (data til og med ${esc(g.release.cutoff_week)}) og dens benchmarking (kørsel ${g.run})</dd><dt>Sammenligningsgrundlag</dt><dd>Klynge ${g.cluster.number}: ${g.cluster.members.map((m) => esc(m.name)).join(', ')}</dd><dt>Nærmeste sammenlignelige jobcentre</dt><dd>${g.neighbours.map((m) => esc(m.name)).join(', ')}</dd></dl>`,
  });
  s.push({
    id: 'resultater',
    title: 'Resultatoversigt',
    html: `<p>${esc(g.text.overview)}</p><table><thead><tr><th scope="col">Mål</th><th scope="col">Enhed</th><th scope="col" class="num">${y - 1}</th><th scope="col" class="num">${y}</th><th scope="col" class="num">Klyngen (gns.)</th><th scope="col" class="num">Forventet</th><th scope="col" class="num">Faktisk/forventet</th><th scope="col" class="num">Placering</th></tr></thead><tbody>${g.overview
      .map((r) => `<tr><td>${esc(r.label)}</td><td>${esc(r.unit)}</td><td class="num">${on.cell(r.previous, 2, r.missing?.previous)}</td><td class="num">${on.cell(r.current, 2, r.missing?.current)}</td><td class="num">${on.cell(r.cluster, 2, r.missing?.cluster)}</td><td class="num">${on.cell(r.expected, 2, r.missing?.expected)}</td><td class="num">${on.cell(r.ratio, 3, notRated)}</td><td class="num">${on.cell(r.rank, 0, notRated)}</td></tr>`)
      .join('')}</tbody></table>${on.html()}<p class="small">Løbende år ${esc(periodName(g.previous_period))} og ${esc(periodName(g.period))}. Andele er fuldtidspersoner i pct. af befolkningen 16-66 år; klyngen er gennemsnittet af klyngens jobcentre.</p>${ratioChart(g)}<h3>Jobcenterets analyse</h3>${paragraphs(c.analysis.results)}`,
  });
  s.push({
    id: 'ministermaal',
    title: 'Ministermålene',
    html: `<p>${esc(g.text.goals)}</p>${g.goals.items.map((x) => `<h3>${x.number}. ${esc(x.title)}</h3>${x.indicators.length ? indicatorTable(x.indicators, y) : '<p class="empty">Statistikbanken har ingen indikator for dette mål.</p>'}`).join('')}<h3>Jobcenterets analyse</h3>${paragraphs(c.analysis.goals)}`,
  });
  s.push({ id: 'ydelser', title: 'Personer på offentlige ydelser efter målgruppe', html: `<p>${esc(g.text.benefits)}</p><p class="small">Fuldtidspersoner, gennemsnit for året (løbende år).</p>${indicatorTable(g.benefits, y)}` });
  s.push({
    id: 'besparelse',
    title: 'Besparelsespotentiale',
    html: `<p>${esc(g.text.savings)}</p><table><thead><tr><th scope="col">Ydelse</th><th scope="col" class="num">Fuldtidspersoner over forventet</th><th scope="col" class="num">Kr. pr. år</th><th scope="col" class="num">Fuldtidspersoner over klyngens bedste kvartil</th><th scope="col" class="num">Kr. pr. år</th></tr></thead><tbody>${[...(g.savings.total ? [g.savings.total] : []), ...g.savings.rows].map((r) => `<tr>${r.category === 'public_support' ? `<th scope="row">${esc(r.label)}</th>` : `<td>${esc(r.label)}</td>`}<td class="num">${fmt(r.fulltime)}</td><td class="num">${esc(mioKr(r.dkk))}</td><td class="num">${fmt(r.fulltime_best)}</td><td class="num">${esc(mioKr(r.dkk_best))}</td></tr>`).join('')}</tbody></table>${g.savings.method ? `<p class="small">${esc(g.savings.method)}</p>` : ''}`,
  });
  s.push({ id: 'forbedringer', title: 'Forslag til forbedringsområder', html: `<p>${esc(g.text.improvements)}</p>${g.improvements.length ? `<ol>${g.improvements.map((i) => `<li>${esc(i.text)}</li>`).join('')}</ol>` : ''}<h3>Jobcenterets opfølgning</h3>${paragraphs(c.analysis.improvements)}` });
  s.push({
    id: 'planens-maal',
    title: `Status for målene i beskæftigelsesplanen ${y}`,
    html: `<p>${esc(g.text.plan)}</p>${g.plan && g.plan.targets.length ? `<table><thead><tr><th scope="col">Afsnit</th><th scope="col">Mål</th><th scope="col">Status</th></tr></thead><tbody>${g.plan.targets.map((t) => `<tr><td>${esc(t.section)}</td><td>${esc(t.description)}</td><td><span class="status status-${t.status}">${esc(t.status_label)}</span><div class="small">${esc(t.reason)}</div></td></tr>`).join('')}</tbody></table>` : ''}`,
  });
  s.unshift({ id: 'sammenfatning', title: 'Sammenfatning', html: paragraphs(c.analysis.summary) });
  return s;
}


export const resultsAudit = {
  name: 'Resultatrevision',
  levels: ['jobcenter'],
  editor: () => 'jobcenter_editor',
  schema: auditContentSchema,
  // The numbers are the generator's: only the human parts are taken from the form.
  edit: keepGenerated(auditContentSchema),
  create: 'generated',
  sections,
  check: (c) => ({ missing: generatedParts.filter(([k]) => c.generated[k] === undefined).map(([k, what]) => ({ path: `generated.${k}`, message: `Revisionen mangler ${what}. Dan den igen med styr audit generate.` })), notes: [] }),
  html,
  comments: 'Bemærkninger',
  hearing: { bodies: 'council_and_region', toRbr: true },
} satisfies KindSpec<AuditContent>;
