/**
 * The statutory steps of the yearly cycle (docs/domain.md §3) as data, and their deadlines in a
 * calendar year. A results audit for year Y is handled in Y+1; an employment plan for year Y is
 * prepared in Y−1 and published by 31 January Y. A year whose rules differ overrides a step's
 * date in `deadline_override` (keyed by the calendar year the deadline falls in).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/index.js';

type Conn = Kysely<Database> | Transaction<Database>;

type StepKind = 'results_audit' | 'employment_plan';

/** What shows a step done: a document's hearing, its responses, approval, sending to the RBR, publication — or only a hand mark. */
type Evidence = 'hearing' | 'responses' | 'approval' | 'sent' | 'publish' | 'manual';

interface Step {
  id: string;
  kind: StepKind;
  label: string;
  month: number;
  day: number;
  /** Calendar year of the deadline minus the document's year. */
  offset: number;
  evidence: Evidence;
}

export const steps = [
  { id: 'plan_publish', kind: 'employment_plan', month: 1, day: 31, offset: 0, evidence: 'publish', label: "Den endelige plan inkl. budget og LBR's plan for LBR-midlerne er offentliggjort" },
  { id: 'audit_hearing', kind: 'results_audit', month: 5, day: 1, offset: 1, evidence: 'hearing', label: 'Resultatrevisionen sendt i høring hos LBR og regionen' },
  { id: 'audit_responses', kind: 'results_audit', month: 5, day: 21, offset: 1, evidence: 'responses', label: 'LBR og regionen har afgivet bemærkninger' },
  { id: 'audit_approval', kind: 'results_audit', month: 6, day: 30, offset: 1, evidence: 'approval', label: 'Kommunalbestyrelsen har godkendt resultatrevisionen inkl. bemærkninger' },
  { id: 'audit_publish', kind: 'results_audit', month: 7, day: 1, offset: 1, evidence: 'publish', label: 'Resultatrevisionen er sendt til RBR og offentliggjort' },
  { id: 'plan_region_dialogue', kind: 'employment_plan', month: 6, day: 30, offset: -1, evidence: 'manual', label: 'Udkastet til beskæftigelsesplanen er drøftet med regionen' },
  { id: 'plan_hearing', kind: 'employment_plan', month: 7, day: 1, offset: -1, evidence: 'hearing', label: 'Beskæftigelsesplanen sendt i høring hos LBR' },
  { id: 'plan_responses', kind: 'employment_plan', month: 8, day: 31, offset: -1, evidence: 'responses', label: 'LBR har afgivet bemærkninger til planen' },
  { id: 'plan_approval', kind: 'employment_plan', month: 10, day: 15, offset: -1, evidence: 'approval', label: 'Kommunalbestyrelsen har godkendt planen inkl. bemærkninger' },
  // The platform sends the approved plan with its responses to the RBR at approval.
  { id: 'plan_to_rbr', kind: 'employment_plan', month: 10, day: 31, offset: -1, evidence: 'sent', label: "Planen inkl. LBR's bemærkninger er sendt til RBR" },
] as const satisfies readonly Step[];

export type StepId = (typeof steps)[number]['id'];
export const stepIds = steps.map((s) => s.id) as [StepId, ...StepId[]];
export const stepById: ReadonlyMap<string, Step> = new Map(steps.map((s) => [s.id, s]));

export interface Deadline {
  step: StepId;
  kind: StepKind;
  label: string;
  /** The year of the document the step concerns. */
  document_year: number;
  due: string;
  overridden: boolean;
  note: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const byDue = (a: Deadline, b: Deadline) => a.due.localeCompare(b.due) || stepIds.indexOf(a.step) - stepIds.indexOf(b.step);

/** The law's deadlines falling in `calendarYear`, by date. */
export function statutoryDeadlines(calendarYear: number): Deadline[] {
  return steps
    .map((s) => ({ step: s.id, kind: s.kind, label: s.label, document_year: calendarYear - s.offset, due: `${calendarYear}-${pad(s.month)}-${pad(s.day)}`, overridden: false, note: null }))
    .sort(byDue);
}

/** The deadlines falling in `calendarYear`, with that year's overrides. */
export async function deadlinesFor(db: Conn, calendarYear: number): Promise<Deadline[]> {
  const overrides = await db.selectFrom('deadline_override').select(['step', 'due', 'note']).where('year', '=', calendarYear).execute();
  const byStep = new Map(overrides.map((o) => [o.step, o]));
  return statutoryDeadlines(calendarYear)
    .map((d) => {
      const o = byStep.get(d.step);
      return o ? { ...d, due: o.due, overridden: true, note: o.note } : d;
    })
    .sort(byDue);
}

/**
 * The deadline of the responses step for a document (the default hearing deadline), with
 * overrides; null for kinds the calendar has no hearing step for.
 */
export async function hearingDeadline(db: Conn, kind: string, documentYear: number): Promise<string | null> {
  const step = steps.find((s) => s.kind === kind && s.evidence === 'responses');
  if (!step) return null;
  return (await deadlinesFor(db, documentYear + step.offset)).find((d) => d.step === step.id)!.due;
}

export { daysBetween } from '../clock.js';

/** '2026-05-01' → '1. maj 2026'. */
export const danishDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
