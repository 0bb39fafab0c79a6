/**
 * The written agreement (skriftlig aftale) the regional director makes with a jobcenter with
 * serious result problems, on the RBR's recommendation (seed 000): what the jobcenter will
 * do, measurable targets bound to the bank (the plans' target type, so their status is
 * followed release by release), the deadline and the dates the region follows up. Written by
 * the region's monitors; signed = published, and then public.
 */
import { z } from 'zod';
import { targets, text, type KindSection, type KindSpec } from './base.js';
import { esc, paragraphs, targetsTable } from './html.js';

const dayRe = /^\d{4}-\d{2}-\d{2}$/;
/** Dates as lines (åååå-mm-dd), so the text fields of the generic editor write them. */
const days = z.string().max(500).default('').refine((s) => s.split('\n').every((l) => l.trim() === '' || dayRe.test(l.trim())), 'skriv hver dato som åååå-mm-dd på sin egen linje');
const day = z.string().default('').refine((s) => s.trim() === '' || dayRe.test(s.trim()), 'skriv datoen som åååå-mm-dd');

export const agreementContentSchema = z.object({
  /** The follow-up case the agreement belongs to (src/followup). */
  case_id: z.number().int().nullable().default(null),
  background: text,
  effort: text,
  targets,
  deadline: day,
  follow_up: days,
  signed_by: z.object({ region: text, jobcenter: text }).default({ region: '', jobcenter: '' }),
});
export type AgreementContent = z.infer<typeof agreementContentSchema>;

const dk = (d: string) => d.trim().split('-').reverse().join('.');
/** The follow-up dates, in order. */
export const followUpDates = (c: Pick<AgreementContent, 'follow_up'>) => c.follow_up.split('\n').map((l) => l.trim()).filter(Boolean).sort();

const sections = (c: AgreementContent): KindSection[] => [
  { path: 'background', group: 'Baggrund', title: 'Baggrund: resultatproblemerne', type: 'text', text: c.background, required: 'Beskriv resultatproblemerne, aftalen handler om.' },
  { path: 'effort', group: 'Indsatsen', title: 'Det gør jobcentret', type: 'text', text: c.effort, required: 'Beskriv, hvad jobcentret gør for at rette op.' },
  { path: 'targets', group: 'Mål', title: 'Aftalens mål', type: 'targets', targets: c.targets, required: 'Sæt mindst ét målbart mål.' },
  { path: 'deadline', group: 'Frister', title: 'Aftalens frist (åååå-mm-dd)', type: 'text', text: c.deadline, rows: 1, required: 'Sæt aftalens frist.' },
  { path: 'follow_up', group: 'Frister', title: 'Opfølgningsdatoer (én pr. linje, åååå-mm-dd)', type: 'text', text: c.follow_up, rows: 3 },
  { path: 'signed_by.region', group: 'Underskrifter', title: 'Underskrevet for beskæftigelsesregionen af', type: 'text', text: c.signed_by.region, rows: 1, required: 'Skriv, hvem der underskriver for regionen.' },
  { path: 'signed_by.jobcenter', group: 'Underskrifter', title: 'Underskrevet for jobcentret af', type: 'text', text: c.signed_by.jobcenter, rows: 1, required: 'Skriv, hvem der underskriver for jobcentret.' },
];

export const writtenAgreement = {
  name: 'Skriftlig aftale',
  levels: ['jobcenter'],
  editor: () => 'regional_monitor',
  schema: agreementContentSchema,
  create: () => agreementContentSchema.parse({}),
  sections,
  check: (c) => ({ missing: c.targets.some((t) => t.indicator) ? [] : [{ path: 'targets', message: 'Mindst ét af aftalens mål skal kunne måles i statistikbanken.' }], notes: [] }),
  html: (c, v) => [
    { id: 'baggrund', title: 'Baggrund', html: paragraphs(c.background) },
    { id: 'indsats', title: 'Det gør jobcentret', html: paragraphs(c.effort) },
    { id: 'maal', title: 'Aftalens mål', html: targetsTable(c.targets, v.targets, 'targets') },
    { id: 'frister', title: 'Frist og opfølgning', html: `<p>${c.deadline.trim() ? `Aftalen løber til ${esc(dk(c.deadline))}.` : 'Ingen frist.'}</p>${followUpDates(c).length ? `<ul>${followUpDates(c).map((d) => `<li>Opfølgning ${esc(dk(d))}</li>`).join('')}</ul>` : ''}` },
    { id: 'underskrifter', title: 'Underskrevet af', html: `<dl><dt>For beskæftigelsesregionen</dt><dd>${esc(c.signed_by.region || '–')}</dd><dt>For jobcentret</dt><dd>${esc(c.signed_by.jobcenter || '–')}</dd></dl>` },
  ],
  transitions: { send_to_hearing: [], reopen: [], approve: [], publish: ['draft'] },
  comments: null,
  hearing: null,
} satisfies KindSpec<AgreementContent>;
