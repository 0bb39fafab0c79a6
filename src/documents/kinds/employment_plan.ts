/**
 * The employment plan (beskæftigelsesplan): a jobcenter's plan for the year, written by its
 * editors. The ministerial goals in force are added when it is made, each waiting for a
 * strategy and targets; the challenges carry live figures from the bank; the law's minimum
 * (seed 000, "skal som minimum indeholde") is the sections' `required`.
 */
import { z } from 'zod';
import { commentsSchema, figureSchema, targets, text, type KindSection, type KindSpec, type StatusReport } from './base.js';
import { formatValue, periodName, targetAmount } from '../../statbank/shared.js';
import { isYearEnd } from '../../targets/shared.js';
import { esc, fmt, fmtAuto, paragraphs, targetsTable } from './html.js';

export const planContentSchema = z.object({
  /** A plan may span up to four years (e.g. 2017–2020); null: its own year only. */
  last_year: z.number().int('skriv et årstal').min(2007, 'skriv et årstal').max(2100, 'skriv et årstal').nullable().default(null),
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

const money = (v: number | null) => (v === null ? '–' : `${v.toLocaleString('da-DK')} kr.`);
const pct = (v: number) => `${v.toLocaleString('da-DK')} %`;

function sections(c: PlanContent): KindSection[] {
  const goal = (g: PlanContent['goals'][number]) => `Ministermål ${g.number}: ${g.title}`;
  return [
    ...c.goals.flatMap((g, i): KindSection[] => [
      { path: `goals.${i}.strategy`, group: goal(g), title: `Ministermål ${g.number}: strategi`, type: 'text', text: g.strategy, required: `Ministermål ${g.number} (${g.title}): skriv en strategi.` },
      { path: `goals.${i}.targets`, group: goal(g), title: `Ministermål ${g.number}: mål`, type: 'targets', targets: g.targets, goal: g.number, required: `Ministermål ${g.number} (${g.title}): sæt mindst ét mål.`, measurable: `Ministermål ${g.number}: ingen af målene er målbare (bundet til et tal i statistikbanken).` },
    ]),
    ...c.challenges.flatMap((x, i): KindSection[] => [
      { path: `challenges.${i}.text`, group: `Udfordring: ${x.title}`, title: `Udfordring ${i + 1}: ${x.title}`, type: 'text', text: x.text },
      { path: `challenges.${i}.figures`, group: `Udfordring: ${x.title}`, title: `Udfordring ${i + 1}: tal`, type: 'figures', lines: x.figures.map((f) => `Tal: ${f.label} (${f.indicator.table}/${f.indicator.measure}, ${f.indicator.area}${f.period ? `, ${f.period}` : ''})`), live: x.figures },
    ]),
    { path: 'citizen.strategy', group: 'Borgerrettet indsats', title: 'Borgerrettet indsats: strategi', type: 'text', text: c.citizen.strategy, required: 'Borgerrettet indsats: skriv en strategi.' },
    { path: 'citizen.targets', group: 'Borgerrettet indsats', title: 'Borgerrettet indsats: mål', type: 'targets', targets: c.citizen.targets, required: 'Borgerrettet indsats: sæt mindst ét mål.', measurable: 'Borgerrettet indsats: ingen af målene er målbare.' },
    { path: 'business.strategy', group: 'Virksomhedsrettet indsats', title: 'Virksomhedsrettet indsats: strategi', type: 'text', text: c.business.strategy, required: 'Virksomhedsrettet indsats: skriv en strategi.' },
    { path: 'business.targets', group: 'Virksomhedsrettet indsats', title: 'Virksomhedsrettet indsats: mål', type: 'targets', targets: c.business.targets, required: 'Virksomhedsrettet indsats: sæt mindst ét mål.', measurable: 'Virksomhedsrettet indsats: ingen af målene er målbare.' },
    { path: 'business.council_grants', group: 'Virksomhedsrettet indsats', title: 'LBR’s plan for LBR-midlerne', type: 'text', text: c.business.council_grants, required: 'Virksomhedsrettet indsats: beskriv LBR’s plan for brugen af LBR-midlerne.' },
    { path: 'other_actors.share_pct', group: 'Andre aktører', title: 'Andre aktører: andel', type: 'facts', lines: c.other_actors.share_pct === null ? [] : [`Andel: ${pct(c.other_actors.share_pct)}`], required: 'Andre aktører: angiv hvor stor en del af indsatsen (pct.), der forventes varetaget af andre aktører.' },
    { path: 'other_actors.strategy', group: 'Andre aktører', title: 'Andre aktører: strategi', type: 'text', text: c.other_actors.strategy, required: 'Andre aktører: skriv en strategi.' },
    ...c.local_goals.flatMap((g, i): KindSection[] => [
      { path: `local_goals.${i}.strategy`, group: `Lokalt mål: ${g.title}`, title: `Lokalt mål ${i + 1}: ${g.title}`, type: 'text', text: g.strategy },
      { path: `local_goals.${i}.targets`, group: `Lokalt mål: ${g.title}`, title: `Lokalt mål ${i + 1}: mål`, type: 'targets', targets: g.targets },
    ]),
    // Only lines with an amount count towards the minimum.
    { path: 'budget.lines', group: 'Budget', title: 'Budget', type: 'facts', lines: c.budget.lines.filter((l) => l.state !== null || l.municipal !== null).map((l) => `${l.label}: stat ${money(l.state)}, kommune ${money(l.municipal)}`), required: 'Budget: angiv mindst én budgetlinje med et beløb.' },
    { path: 'budget.note', group: 'Budget', title: 'Note til budgettet', type: 'text', text: c.budget.note, rows: 2 },
  ];
}

/** The LBR's grant plan for the year, live (documents/view.ts `linked`): its initiatives and budget, with a link. */
const grantPlanHtml = (v: Parameters<KindSpec['html']>[1]) =>
  v.linked
    .filter((l) => l.kind === 'grant_plan')
    .map((l) => `<p><a href="/dokumenter/${l.id}">${esc(l.title)}</a> (${esc(l.state_name.toLowerCase())})</p><ul>${l.lines.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`)
    .join('');

function html(c: PlanContent, v: Parameters<KindSpec['html']>[1]) {
  const sum = (k: 'state' | 'municipal') => c.budget.lines.reduce((a, l) => a + (l[k] ?? 0), 0);
  return [
    {
      id: 'ministermaal',
      title: 'Ministermål',
      html: c.goals.length === 0 ? '<p class="empty">Ingen ministermål.</p>' : c.goals.map((g, i) => `<h3 id="ministermaal-${g.number}">${esc(`${g.number}. ${g.title}`)}</h3><h4>Strategi</h4>${paragraphs(g.strategy)}<h4>Mål</h4>${targetsTable(g.targets, v.targets, `goals.${i}.targets`)}`).join(''),
    },
    {
      id: 'udfordringer',
      title: 'De vigtigste udfordringer',
      html: c.challenges.length === 0 ? '<p class="empty">Ingen udfordringer beskrevet.</p>' : c.challenges.map((x, ci) => {
        const figs = v.figures.filter((f) => f.path.startsWith(`challenges.${ci}.`));
        return `<h3>${esc(x.title)}</h3>${paragraphs(x.text)}${figs.length ? `<table><caption>Tal fra statistikbanken (udgivelse ${esc(v.release?.version ?? '–')})</caption><thead><tr><th scope="col">Tal</th><th scope="col">Periode</th><th scope="col">Værdi</th></tr></thead><tbody>${figs.map((f) => `<tr><td>${esc(f.label)}</td><td>${esc(f.period ?? '–')}</td><td class="num">${esc(fmtAuto(f.value))}${f.note ? `<div class="small">${esc(f.note)}</div>` : ''}</td></tr>`).join('')}</tbody></table>` : ''}`;
      }).join(''),
    },
    { id: 'borgerrettet', title: 'Den borgerrettede indsats', html: `<h3>Strategi</h3>${paragraphs(c.citizen.strategy)}<h3>Mål</h3>${targetsTable(c.citizen.targets, v.targets, 'citizen.targets')}` },
    { id: 'virksomhedsrettet', title: 'Den virksomhedsrettede indsats', html: `<h3>Strategi</h3>${paragraphs(c.business.strategy)}<h3>Mål</h3>${targetsTable(c.business.targets, v.targets, 'business.targets')}<h3>LBR’s plan for LBR-midlerne</h3>${paragraphs(c.business.council_grants)}${grantPlanHtml(v)}` },
    { id: 'andre-aktoerer', title: 'Andre aktører', html: `<p>Andel af indsatsen, der forventes varetaget af andre aktører: <strong>${c.other_actors.share_pct === null ? 'ikke angivet' : `${esc(fmtAuto(c.other_actors.share_pct))} %`}</strong></p>${paragraphs(c.other_actors.strategy)}` },
    ...(c.local_goals.length ? [{ id: 'lokale-maal', title: 'Lokale mål', html: c.local_goals.map((g, i) => `<h3>${esc(g.title)}</h3>${paragraphs(g.strategy)}${targetsTable(g.targets, v.targets, `local_goals.${i}.targets`)}`).join('') }] : []),
    {
      id: 'budget',
      title: 'Budget',
      html: `<table><thead><tr><th scope="col">Budgetlinje</th><th scope="col" class="num">Statslig del (kr.)</th><th scope="col" class="num">Kommunal del (kr.)</th><th scope="col" class="num">I alt (kr.)</th></tr></thead><tbody>${c.budget.lines.map((l) => `<tr><td>${esc(l.label)}</td><td class="num">${fmt(l.state)}</td><td class="num">${fmt(l.municipal)}</td><td class="num">${fmt((l.state ?? 0) + (l.municipal ?? 0))}</td></tr>`).join('')}</tbody><tfoot><tr><th scope="row">I alt</th><td class="num">${fmt(sum('state'))}</td><td class="num">${fmt(sum('municipal'))}</td><td class="num">${fmt(sum('state') + sum('municipal'))}</td></tr></tfoot></table>${c.budget.note.trim() ? paragraphs(c.budget.note) : ''}`,
    },
    ...(v.status ? [{ id: 'status', title: v.status.title, html: statusHtml(v.status, v.release !== null) }] : []),
  ];
}

/** The last year a plan spans: its `last_year`, kept within its own year and the three after. */
export const planLastYear = (c: Pick<PlanContent, 'last_year'>, year: number) => Math.min(Math.max(c.last_year ?? year, year), year + 3);

type StatusRow = StatusReport['rows'][number];

/** A status row's target value with its unit, as the targets' tables write it ("Højst 14,6 pct."). */
export const statusTargetText = (r: StatusRow) =>
  r.target && r.measure ? `${r.target.direction === 'at_least' ? 'Mindst' : 'Højst'} ${formatValue(targetAmount(r.target.value, r.measure, r.target.direction), r.measure)}` : '–';

/** A year's value with its unit and period, marked while the year is not over in the data. */
export const statusYearText = (r: StatusRow, y: StatusRow['years'][number]) =>
  y.value === null || !y.period || !r.measure ? 'Ingen tal endnu' : `${formatValue(y.value, r.measure)} (${periodName(y.period)}${isYearEnd(y.period) ? '' : ', foreløbigt'})`;

/** The status report as a table: each measurable target's value at each year's end against its target value. */
function statusHtml(s: StatusReport, released: boolean): string {
  const rows = s.rows.filter((r) => r.target !== null);
  if (!released) return '<p class="empty">Der er ingen udgivelse af statistikbanken endnu.</p>';
  if (rows.length === 0) return '<p class="empty">Planen har endnu ingen målbare mål.</p>';
  const head = s.rows[0]!.years.map((y) => `<th scope="col" class="num">${y.year}</th>`).join('');
  const body = rows
    .map((r) => `<tr><td>${esc(r.title)}<div class="small">${esc(r.section)}</div></td><td class="num">${esc(statusTargetText(r))}</td>${r.years.map((y) => `<td class="num">${esc(statusYearText(r, y))}${y.met === null ? '' : ` ${y.met ? 'Nået' : 'Ikke nået'}`}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr><th scope="col">Mål</th><th scope="col" class="num">Målværdi</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export const employmentPlan = {
  name: 'Beskæftigelsesplan',
  levels: ['jobcenter'],
  editor: () => 'jobcenter_editor',
  schema: planContentSchema,
  create: ({ goals }) => planContentSchema.parse({ goals: goals.map((g) => ({ number: g.number, title: g.title, strategy: '', targets: [] })) }),
  sections,
  /** The LBR's plan for its grants is part of the plan (seed 000), shown live. */
  links: (d) => [{ kind: 'grant_plan', year: d.year }],
  lastYear: (c, year) => planLastYear(c, year),
  check: (c) => ({
    missing: [
      ...(c.goals.length === 0 ? [{ path: 'goals', message: 'Planen mangler ministermålene for året.' }] : []),
      ...(c.challenges.some((x) => x.text.trim() !== '') ? [] : [{ path: 'challenges', message: 'Beskriv de vigtigste beskæftigelsespolitiske udfordringer (mindst én udfordring med tekst).' }]),
    ],
    notes: [],
  }),
  html,
  comments: 'Bilag: høringssvar og bemærkninger',
  hearing: { bodies: 'council_and_region', toRbr: true },
} satisfies KindSpec<PlanContent>;

