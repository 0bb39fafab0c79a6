/** One round of reminders and mail (what the server runs every minute, and `styr notify run`). */
import type { Kysely } from 'kysely';
import { calendarReminders } from '../calendar/index.js';
import { cooperationReminders } from '../cooperation/index.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import { HearingService } from '../hearings/index.js';
import type { Notifier } from '../notifications/index.js';

export async function notificationRound(db: Kysely<Database>, notifier: Notifier, clock: Clock, hearings = new HearingService(db, { clock, notifier })): Promise<{ reminders: number; mails: number }> {
  const reminders = (await hearings.reminders()) + (await calendarReminders(db, notifier, clock)) + (await cooperationReminders(db, notifier, clock));
  return { reminders, ...(await notifier.flush()) };
}
