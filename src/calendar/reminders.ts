/**
 * Reminders of steps not done, 7 days and 1 day before the deadline and on the day, to the
 * jobcenter's editors. Idempotent: the notification key names area, year, step and days left.
 */
import type { Kysely } from 'kysely';
import { jobcenterEditors } from '../access/index.js';
import { danishDate, type Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { Notifier } from '../notifications/index.js';
import { areaById } from '../reference/index.js';
import { kindNames } from '../documents/index.js';
import { danishDay, deadlinesFor } from './deadlines.js';
import { jobcentersWithin, stepCells } from './status.js';

const REMIND_DAYS = [7, 1, 0];
const when = (days: number) => (days === 0 ? 'Frist i dag' : days === 1 ? 'Frist i morgen' : `Frist om ${days} dage`);

/** Notifies the reminders due on `today` (YYYY-MM-DD, or the clock's date); returns how many steps were reminded of. */
export async function calendarReminders(db: Kysely<Database>, notifier: Notifier, today: string | Clock): Promise<number> {
  if (typeof today !== 'string') today = danishDate(today.now());
  const year = Number(today.slice(0, 4));
  // A deadline a week away may fall in next year.
  const deadlines = [...(await deadlinesFor(db, year)), ...(await deadlinesFor(db, year + 1))];
  const cells = await stepCells(db, deadlines, jobcentersWithin('DK').map((j) => j.id), today);
  const due = [...cells].flatMap(([area, list]) => list.filter((c) => !c.done_on && REMIND_DAYS.includes(c.days_left)).map((c) => ({ area, c })));
  if (due.length === 0) return 0;

  const editors = await jobcenterEditors(db, [...new Set(due.map((d) => d.area))]);
  for (const { area, c } of due) {
    await notifier.notify(
      db,
      editors.filter((e) => e.area === area).map((e) => e.id),
      {
        key: `reminder:step:${area}:${c.document_year}:${c.step}:${c.days_left}`,
        title: `${when(c.days_left)}: ${c.label}`,
        body: `${areaById.get(area)?.name ?? area}: ${c.label} (${kindNames[c.kind].toLowerCase()} ${c.document_year}) har frist ${danishDay(c.due)}.`,
        link: `/aarshjul?omraade=${area}`,
      },
    );
  }
  return due.length;
}
