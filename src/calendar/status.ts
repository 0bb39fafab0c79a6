/**
 * Where each jobcenter stands on each step: read from its documents (hearings, responses,
 * approval, publication) in a few set queries, else from a hand mark (`step_done`).
 */
import type { Kysely, Transaction } from 'kysely';
import { areaWithin, HttpError } from '../access/index.js';
import { danishDate } from '../clock.js';
import type { Database } from '../db/index.js';
import { followupDates } from '../followup/index.js';
import { cooperationDates } from '../cooperation/index.js';
import { grantDates } from '../grants/index.js';
import { areaById, areas, type Area } from '../reference/index.js';
import { allSteps } from '../eras/shared.js';
import { daysBetween, deadlinesFor, eraFor, eraView, type Deadline } from './deadlines.js';

type Conn = Kysely<Database> | Transaction<Database>;

export type StepStatus = 'done' | 'done_late' | 'overdue' | 'due_soon' | 'upcoming';
const stepStatuses: readonly StepStatus[] = ['overdue', 'due_soon', 'upcoming', 'done_late', 'done'];
const stepStatusNames: Record<StepStatus, string> = { done: 'Udført', done_late: 'Udført for sent', overdue: 'Overskredet', due_soon: 'Snart', upcoming: 'Kommende' };
/** A step not done is `due_soon` when its deadline is at most this many days away (0 = today). */
const DUE_SOON_DAYS = 14;

export class CalendarError extends HttpError {}

export interface StepCell extends Deadline {
  status: StepStatus;
  status_label: string;
  done_on: string | null;
  /** Done by a hand mark, not shown by a document. */
  marked: boolean;
  /** Days from today to the deadline (negative when passed). */
  days_left: number;
  document_id: number | null;
  document_state: string | null;
}

interface BoardRow {
  area: string;
  name: string;
  steps: StepCell[];
  counts: Record<StepStatus, number>;
}

const jobcenters = areas.filter((a) => a.level === 'jobcenter');

/** The jobcenters within DK, an employment region or a jobcenter (400 for any other area). */
export function jobcentersWithin(area: string): Area[] {
  const a = areaById.get(area);
  if (!a || !['country', 'employment_region', 'jobcenter'].includes(a.level)) {
    throw new CalendarError(400, 'invalid_field', `Feltet area: "${area}" er ikke hele landet (DK), en beskæftigelsesregion eller et jobcenter.`, { field: 'area' });
  }
  return jobcenters.filter((j) => areaWithin(j.id, area));
}

function statusOf(due: string, doneOn: string | null, today: string): StepStatus {
  if (doneOn) return doneOn <= due ? 'done' : 'done_late';
  const left = daysBetween(today, due);
  return left < 0 ? 'overdue' : left <= DUE_SOON_DAYS ? 'due_soon' : 'upcoming';
}

const emptyCounts = (): Record<StepStatus, number> => ({ done: 0, done_late: 0, overdue: 0, due_soon: 0, upcoming: 0 });
const key = (...parts: (string | number)[]) => parts.join('|');

/** Every step of `deadlines` for each of `areas` (jobcenter ids), by area. */
export async function stepCells(db: Conn, deadlines: Deadline[], areaIds: string[], today: string): Promise<Map<string, StepCell[]>> {
  const result = new Map<string, StepCell[]>(areaIds.map((a) => [a, []]));
  if (deadlines.length === 0 || areaIds.length === 0) return result;
  const pairs = [...new Map(deadlines.map((d) => [key(d.kind, d.document_year), d])).values()];
  const docs = await db
    .selectFrom('document')
    .select(['id', 'kind', 'area', 'year', 'state', 'approval', 'published_at'])
    .where('area', 'in', areaIds)
    .where((eb) => eb.or(pairs.map((p) => eb.and([eb('kind', '=', p.kind), eb('year', '=', p.document_year)]))))
    .execute();
  const ids = docs.map((d) => d.id);
  const hearings = ids.length ? await db.selectFrom('hearing').select(['id', 'document_id', 'opened_at']).where('document_id', 'in', ids).orderBy('id').execute() : [];
  const firstOpened = new Map<number, Date>(), newest = new Map<number, number>();
  for (const h of hearings) {
    const f = firstOpened.get(h.document_id);
    if (!f || h.opened_at < f) firstOpened.set(h.document_id, h.opened_at);
    newest.set(h.document_id, h.id);
  }
  const newestIds = [...newest.values()];
  const bodies = newestIds.length ? await db.selectFrom('hearing_body').select(['hearing_id', 'state', 'adopted_at']).where('hearing_id', 'in', newestIds).execute() : [];
  /** Per hearing: the date the last body adopted its response, or null while any is missing. */
  const responded = new Map<number, string | null>();
  for (const b of bodies) {
    const prev = responded.get(b.hearing_id);
    if (prev === null) continue;
    const on = b.state === 'adopted' && b.adopted_at ? danishDate(b.adopted_at) : null;
    responded.set(b.hearing_id, on === null ? null : prev && prev > on ? prev : on);
  }
  const approvals = ids.length
    ? await db.selectFrom('document_version').select(['document_id', (eb) => eb.fn.max('created_at').as('at')]).where('document_id', 'in', ids).where('event', '=', 'approve').groupBy('document_id').execute()
    : [];
  const approvedAt = new Map(approvals.map((a) => [a.document_id, danishDate(new Date(a.at))]));
  const marks = await db
    .selectFrom('step_done')
    .select(['area', 'year', 'step', 'done_on'])
    .where('area', 'in', areaIds)
    .where('year', 'in', [...new Set(deadlines.map((d) => d.document_year))])
    .execute();
  const markOn = new Map(marks.map((m) => [key(m.area, m.year, m.step), m.done_on]));
  const docOf = new Map(docs.map((d) => [key(d.area, d.kind, d.year), d]));

  for (const area of areaIds) {
    const cells = result.get(area)!;
    for (const d of deadlines) {
      const doc = docOf.get(key(area, d.kind, d.document_year));
      let shown: string | null = null;
      if (doc) {
        const approved = doc.state === 'approved' || doc.state === 'published';
        const approvalDate = (doc.approval as { date?: string } | null)?.date ?? null;
        const hearing = newest.get(doc.id);
        switch (allSteps.get(d.step)!.evidence) {
          case 'hearing': shown = firstOpened.has(doc.id) ? danishDate(firstOpened.get(doc.id)!) : null; break;
          case 'responses': shown = hearing === undefined ? null : responded.get(hearing) ?? null; break;
          case 'approval': shown = approved ? approvalDate ?? approvedAt.get(doc.id) ?? null : null; break;
          case 'sent': shown = approved ? approvedAt.get(doc.id) ?? approvalDate : null; break;
          case 'publish': shown = doc.state === 'published' && doc.published_at ? danishDate(doc.published_at) : null; break;
          case 'manual': break;
        }
      }
      const marked = shown === null ? markOn.get(key(area, d.document_year, d.step)) ?? null : null;
      const doneOn = shown ?? marked;
      const status = statusOf(d.due, doneOn, today);
      cells.push({ ...d, status, status_label: stepStatusNames[status], done_on: doneOn, marked: marked !== null, days_left: daysBetween(today, d.due), document_id: doc?.id ?? null, document_state: doc?.state ?? null });
    }
  }
  return result;
}

export interface Board {
  year: number;
  area: string;
  area_name: string;
  today: string;
  /** The era whose rules the year runs. */
  era: ReturnType<typeof eraView>;
  steps: Deadline[];
  rows: BoardRow[];
  counts: Record<StepStatus, number>;
  statuses: { id: StepStatus; label: string }[];
  /** The follow-up's dates in the year: signed written agreements' (public), and open cases' on the jobcenters the user follows. */
  followup: (Awaited<ReturnType<typeof followupDates>>[number] & { overdue: boolean })[];
  /** The LBRs' grant initiatives' evaluations and accounts due in the year (overdue: past due, not given). */
  grants: Awaited<ReturnType<typeof grantDates>>;
  /** The live cooperation agreements' review and expiry dates in the year. */
  cooperation: Awaited<ReturnType<typeof cooperationDates>>;
}

/**
 * The calendar year's steps for every jobcenter within `area`: most overdue first, then most
 * due soon, then by name; and the follow-up's dates, with cases' only on `caseJobcenters`.
 */
export async function calendarBoard(db: Conn, q: { area: string; year: number; today: string; caseJobcenters?: string[] }): Promise<Board> {
  const within = jobcentersWithin(q.area);
  const era = await eraFor(db, q.year);
  const deadlines = await deadlinesFor(db, q.year);
  const cells = await stepCells(db, deadlines, within.map((j) => j.id), q.today);
  const counts = emptyCounts();
  const rows = within.map((j) => {
    const row = { area: j.id, name: j.name, steps: cells.get(j.id)!, counts: emptyCounts() };
    for (const c of row.steps) {
      row.counts[c.status]++;
      counts[c.status]++;
    }
    return row;
  });
  rows.sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.due_soon - a.counts.due_soon || a.name.localeCompare(b.name, 'da'));
  return {
    year: q.year,
    area: q.area,
    area_name: areaById.get(q.area)!.name,
    today: q.today,
    era: eraView(era),
    steps: deadlines,
    rows,
    counts,
    statuses: stepStatuses.map((id) => ({ id, label: stepStatusNames[id] })),
    followup: (await followupDates(db, within.map((j) => j.id), (q.caseJobcenters ?? []).filter((j) => areaWithin(j, q.area))))
      .filter((e) => e.day.startsWith(`${q.year}-`))
      .map((e) => ({ ...e, overdue: e.kind === 'case' && e.day < q.today })),
    grants: (await grantDates(db, within.map((j) => j.id), q.today)).filter((e) => e.day.startsWith(`${q.year}-`)),
    cooperation: (await cooperationDates(db, within.map((j) => j.id))).filter((e) => e.day.startsWith(`${q.year}-`)),
  };
}
