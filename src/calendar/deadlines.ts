/**
 * The yearly cycle's deadlines in a calendar year: the steps of the era in force that year
 * (eras/), so 2013 runs the 2007–2014 rules and 2026 those from 2025. A results audit for year Y
 * is handled in Y+1; an employment plan for year Y is prepared in Y−1. A year whose dates differ
 * overrides a step's date in `deadline_override` (keyed by the calendar year it falls in).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import { allSteps, eraOf, eras, type Era, type StepKind } from '../eras/shared.js';

type Conn = Kysely<Database> | Transaction<Database>;

export const stepIds = [...allSteps.keys()] as [StepId, ...StepId[]];
export type StepId = string;

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
// Stable: steps due the same day keep the era's order.
const byDue = (a: Deadline, b: Deadline) => a.due.localeCompare(b.due);

/** The era a calendar year runs: the law's, or another set for the year (`year_era`). */
export async function eraFor(db: Conn, year: number): Promise<Era & { set: boolean }> {
  const row = await db.selectFrom('year_era').select('era').where('year', '=', year).executeTakeFirst();
  const set = row ? eras.find((e) => e.id === row.era) : undefined;
  return { ...(set ?? eraOf(year)), set: !!set };
}

/** A year's era as the API shows it. */
export const eraView = (e: Awaited<ReturnType<typeof eraFor>>) => ({ id: e.id, name: e.name, law: e.law, set: e.set });

/** The deadlines of `era` (by default the law's) falling in `calendarYear`, by date. */
export function statutoryDeadlines(calendarYear: number, era: Era = eraOf(calendarYear)): Deadline[] {
  return era.steps
    .map((s) => ({ step: s.id, kind: s.kind, label: s.label, document_year: calendarYear - s.offset, due: `${calendarYear}-${pad(s.month)}-${pad(s.day)}`, overridden: false, note: null }))
    .sort(byDue);
}

/** The deadlines falling in `calendarYear`, with that year's overrides; `era`: the year's, when the caller has read it. */
export async function deadlinesFor(db: Conn, calendarYear: number, era?: Era): Promise<Deadline[]> {
  const overrides = await db.selectFrom('deadline_override').select(['step', 'due', 'note']).where('year', '=', calendarYear).execute();
  const byStep = new Map(overrides.map((o) => [o.step, o]));
  return statutoryDeadlines(calendarYear, era ?? (await eraFor(db, calendarYear)))
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
  // The step lies in another calendar year than the document's; its era is that year's.
  for (const offset of new Set([...allSteps.values()].filter((s) => s.kind === kind && s.evidence === 'responses').map((s) => s.offset))) {
    const era = await eraFor(db, documentYear + offset);
    const step = era.steps.find((s) => s.kind === kind && s.evidence === 'responses' && s.offset === offset);
    if (step) return (await deadlinesFor(db, documentYear + offset, era)).find((d) => d.step === step.id)!.due;
  }
  return null;
}

export { daysBetween } from '../clock.js';

/** '2026-05-01' → '1. maj 2026'. */
export const danishDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
