/**
 * The yearly cycle's deadlines in a calendar year: the steps of the era in force that year
 * (eras/), so 2013 runs the 2007–2014 rules and 2026 those from 2025. A results audit for year Y
 * is handled in Y+1; an employment plan for year Y is prepared in Y−1. A year whose dates differ
 * overrides a step's date in `deadline_override` (keyed by the calendar year it falls in).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import { allSteps, cycleYear, eraOf, eras, type Era, type StepKind } from '../eras/shared.js';

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

type YearEra = Era & { set: boolean };

/** The eras calendar years run: the law's, or another set for the year (`year_era`); one query. */
async function erasFor(db: Conn, years: readonly number[]): Promise<Map<number, YearEra>> {
  const rows = await db.selectFrom('year_era').select(['year', 'era']).where('year', 'in', [...years]).execute();
  const set = new Map(rows.map((r) => [r.year, eras.find((e) => e.id === r.era)]));
  return new Map(years.map((y) => [y, { ...(set.get(y) ?? eraOf(y)), set: !!set.get(y) }]));
}

export const eraFor = async (db: Conn, year: number): Promise<YearEra> => (await erasFor(db, [year])).get(year)!;

/** The era a document runs under: that of the year its cycle runs in (eras/ `cycleYear`). */
export const documentEra = (db: Conn, kind: string, documentYear: number) => eraFor(db, cycleYear(kind, documentYear));

const allEraSteps = eras.flatMap((e) => e.steps.map((s) => ({ era: e.id, s })));

/** A year's era as the API shows it. */
export const eraView = (e: YearEra) => ({ id: e.id, name: e.name, law: e.law, set: e.set });
/**
 * The deadlines falling in `calendarYear`, by date: each document's steps by the era of its
 * cycle (`eraOfYear`, by default the law's), so a year on an era's border loses none and
 * doubles none.
 */
export function statutoryDeadlines(calendarYear: number, eraOfYear: (year: number) => Era = eraOf): Deadline[] {
  return allEraSteps
    .filter(({ era, s }) => eraOfYear(cycleYear(s.kind, calendarYear - s.offset)).id === era)
    .map(({ s }) => ({ step: s.id, kind: s.kind, label: s.label, document_year: calendarYear - s.offset, due: `${calendarYear}-${pad(s.month)}-${pad(s.day)}`, overridden: false, note: null }))
    .sort(byDue);
}

/** The deadlines falling in `calendarYear`, with that year's overrides. */
export async function deadlinesFor(db: Conn, calendarYear: number): Promise<Deadline[]> {
  const overrides = await db.selectFrom('deadline_override').select(['step', 'due', 'note']).where('year', '=', calendarYear).execute();
  const byStep = new Map(overrides.map((o) => [o.step, o]));
  const cycles = await erasFor(db, [...new Set(allEraSteps.map(({ s }) => cycleYear(s.kind, calendarYear - s.offset)))]);
  return statutoryDeadlines(calendarYear, (y) => cycles.get(y)!)
    .map((d) => {
      const o = byStep.get(d.step);
      return o ? { ...d, due: o.due, overridden: true, note: o.note } : d;
    })
    .sort(byDue);
}

/**
 * The deadline of a document's responses step (the default hearing deadline) in its era, with
 * overrides; null for kinds the calendar has no hearing step for. `era`: the document's, when
 * the caller has read it.
 */
export async function hearingDeadline(db: Conn, kind: string, documentYear: number, era?: Era): Promise<string | null> {
  const step = (era ?? (await documentEra(db, kind, documentYear))).steps.find((s) => s.kind === kind && s.evidence === 'responses');
  if (!step) return null;
  return (await deadlinesFor(db, documentYear + step.offset)).find((d) => d.step === step.id && d.document_year === documentYear)?.due ?? null;
}

export { daysBetween } from '../clock.js';

/** '2026-05-01' → '1. maj 2026'. */
export const danishDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
