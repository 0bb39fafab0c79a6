/**
 * The LBR's yearly plan for its grant (handleplan for LBR-midler, seeds 000 and 002): the
 * business-oriented and preventive initiatives the council funds within the employment plan's
 * frame, each with its purpose, target group, the plan's targets it serves and its budget.
 * Written by the council's secretariat for the LBR, heard at the jobcenter (is it within the
 * employment plan's frame?) and adopted by the council (approve). The total within the year's
 * grant frame, and the jobcenter's agreement, are checked by src/grants when it moves on.
 */
import { z } from 'zod';
import { targets, text, type ContentCheck, type KindSection, type KindSpec } from './base.js';
import { esc, fmt, paragraphs, targetsTable } from './html.js';

export const initiativeSchema = z.object({
  /** Stable across edits, so the initiative's accounts (src/grants) stay with it. */
  id: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'brug små bogstaver, tal og bindestreg'),
  title: z.string().trim().max(200).default(''),
  purpose: text,
  target_group: text,
  /** The employment plan's targets it serves, as their paths in the plan (e.g. business.targets.0). */
  plan_targets: z.array(z.string().regex(/^[a-z_]+(\.\d+)?\.targets\.\d+$/, 'en sti til et mål i beskæftigelsesplanen')).max(20).default([]),
  /** Its measurable results, bound to the bank where possible: what its evaluation is judged by. */
  targets,
  /** In whole kroner. */
  budget: z.number().int('beløbet skal være i hele kroner').min(0, 'beløbet kan ikke være negativt').max(1_000_000_000).default(0),
});
export type Initiative = z.infer<typeof initiativeSchema>;

export const grantPlanContentSchema = z.object({
  /** What the council wants to achieve with the year's grant, in the employment plan's frame. */
  summary: text,
  initiatives: z.array(initiativeSchema).max(50).default([]),
  /** The law: the grant does not fund municipal operations or the council's secretariat. */
  excludes_operations: z.boolean().default(false),
});
export type GrantPlanContent = z.infer<typeof grantPlanContentSchema>;

export const kroner = (v: number) => `${fmt(v)} kr.`;
/** The plan's total budget. */
export const planTotal = (c: Pick<GrantPlanContent, 'initiatives'>) => c.initiatives.reduce((s, i) => s + i.budget, 0);

const sections = (c: GrantPlanContent): KindSection[] => [
  { path: 'summary', group: 'Formål', title: 'Rådets formål med årets midler', type: 'text', text: c.summary, required: 'Beskriv, hvad rådet vil opnå med årets midler.' },
  ...c.initiatives.flatMap((i, n): KindSection[] => {
    const group = `Initiativ ${n + 1}: ${i.title || 'uden titel'}`;
    return [
      { path: `initiatives.${n}.purpose`, group, title: `${group}: formål`, type: 'text', text: i.purpose, required: `Beskriv formålet med initiativ ${n + 1}.` },
      { path: `initiatives.${n}.target_group`, group, title: `${group}: målgruppe`, type: 'text', text: i.target_group, required: `Beskriv målgruppen for initiativ ${n + 1}.`, rows: 2 },
      { path: `initiatives.${n}.targets`, group, title: `${group}: målbare resultater`, type: 'targets', targets: i.targets, measurable: `Ingen af initiativ ${n + 1}s resultater kan måles i statistikbanken.` },
      { path: `initiatives.${n}.budget`, group, title: `${group}: budget`, type: 'facts', lines: [`Budget: ${kroner(i.budget)}`, `Mål i beskæftigelsesplanen: ${i.plan_targets.length || 'ingen'}`] },
    ];
  }),
  { path: 'total', group: 'Budget', title: 'Budget i alt', type: 'facts', lines: [`I alt: ${kroner(planTotal(c))}`] },
];

function check(c: GrantPlanContent): ContentCheck {
  const missing = [
    ...(c.initiatives.length === 0 ? [{ path: 'initiatives', message: 'Planen skal have mindst ét initiativ.' }] : []),
    ...c.initiatives.flatMap((i, n) => [
      ...(i.title.trim() === '' ? [{ path: `initiatives.${n}.title`, message: `Giv initiativ ${n + 1} en titel.` }] : []),
      ...(i.budget <= 0 ? [{ path: `initiatives.${n}.budget`, message: `Sæt et budget for initiativ ${n + 1}.` }] : []),
    ]),
    ...(new Set(c.initiatives.map((i) => i.id)).size < c.initiatives.length ? [{ path: 'initiatives', message: 'To initiativer har samme id.' }] : []),
    ...(c.excludes_operations ? [] : [{ path: 'excludes_operations', message: 'Bekræft, at midlerne ikke går til kommunal drift eller rådets sekretariat.' }]),
  ];
  const notes = c.initiatives.flatMap((i, n) => (i.plan_targets.length ? [] : [{ path: `initiatives.${n}.plan_targets`, message: `Initiativ ${n + 1} er ikke knyttet til et mål i beskæftigelsesplanen.` }]));
  return { missing, notes };
}

export const grantPlan = {
  name: 'Handleplan for LBR-midler',
  levels: ['jobcenter'],
  editor: () => 'jobcenter_editor',
  schema: grantPlanContentSchema,
  create: () => grantPlanContentSchema.parse({}),
  sections,
  check,
  html: (c, v) => [
    { id: 'formaal', title: 'Formål', html: paragraphs(c.summary) },
    {
      id: 'initiativer',
      title: 'Initiativer',
      html: c.initiatives.length === 0
        ? '<p class="empty">Ingen initiativer.</p>'
        : c.initiatives.map((i, n) => `<section><h3>${esc(i.title)}</h3><dl><dt>Formål</dt><dd>${paragraphs(i.purpose)}</dd><dt>Målgruppe</dt><dd>${paragraphs(i.target_group)}</dd><dt>Budget</dt><dd>${esc(kroner(i.budget))}</dd></dl>${i.targets.length ? `<h4>Målbare resultater</h4>${targetsTable(i.targets, v.targets, `initiatives.${n}.targets`)}` : ''}</section>`).join(''),
    },
    {
      id: 'budget',
      title: 'Budget',
      html: `<table><thead><tr><th scope="col">Initiativ</th><th scope="col" class="num">Budget</th></tr></thead><tbody>${c.initiatives.map((i) => `<tr><td>${esc(i.title)}</td><td class="num">${esc(kroner(i.budget))}</td></tr>`).join('')}</tbody><tfoot><tr><th scope="row">I alt</th><td class="num">${esc(kroner(planTotal(c)))}</td></tr></tfoot></table>`,
    },
  ],
  digest: (c) => [...c.initiatives.map((i) => `${i.title || 'Initiativ uden titel'}: ${kroner(i.budget)}`), `I alt: ${kroner(planTotal(c))}`],
  comments: null,
  hearing: { bodies: 'jobcenter', toRbr: false },
  approvedBy: { legend: 'Rådets vedtagelse', done: 'Vedtaget af rådet' },
  council: true,
} satisfies KindSpec<GrantPlanContent>;
