/**
 * Notifications: stored per user (the in-app list) and mailed as each user chose: at once,
 * in a daily or weekly digest, or not at all (Decidim's users drown in single mails, so the
 * default is the daily digest). A notification has a key: the same key is never stored twice
 * for a user, which makes reminders idempotent.
 */
import type { Kysely, Transaction } from 'kysely';
import { danishDate, type Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { Mailer } from '../mail/index.js';

type Conn = Kysely<Database> | Transaction<Database>;

export const notifyModes = ['immediate', 'daily', 'weekly', 'none'] as const;
type NotifyMode = (typeof notifyModes)[number];
export const notifyModeNames: Record<NotifyMode, string> = {
  immediate: 'Straks (én mail pr. notifikation)',
  daily: 'Daglig oversigt (kl. 7)',
  weekly: 'Ugentlig oversigt (mandag kl. 7)',
  none: 'Ingen mails (kun her på siden)',
};

interface NewNotification {
  /** Unique per user: e.g. `hearing.opened:12`, `reminder:hearing:12:7`. */
  key: string;
  title: string;
  body: string;
  /** A path in the app, e.g. /dokumenter/12. */
  link: string;
}

/** Hour (Copenhagen) at which digests go out. */
const DIGEST_HOUR = 7;

export class Notifier {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly mailer: Mailer,
    readonly clock: Clock,
    private readonly publicUrl: string,
  ) {}

  /** Stores the notification for each user (once per key); mail follows on `flush`. */
  async notify(conn: Conn, userIds: Iterable<number>, n: NewNotification): Promise<void> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return;
    const at = this.clock.now();
    await conn
      .insertInto('notification')
      .values(ids.map((user_id) => ({ user_id, key: n.key, title: n.title, body: n.body, link: n.link, created_at: at })))
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .execute();
  }

  /** Mails what is due: every unmailed notification of `immediate` users, and the digests whose hour has passed. */
  async flush(): Promise<{ mails: number }> {
    if (!this.mailer.enabled) return { mails: 0 };
    const now = this.clock.now();
    let mails = 0;
    const pending = await this.db
      .selectFrom('notification as n')
      .innerJoin('app_user as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.user_id', 'n.title', 'n.body', 'n.link', 'n.created_at', 'u.email', 'u.name', 'u.notify'])
      .where('n.mailed_at', 'is', null)
      .where('n.read_at', 'is', null)
      .where('u.disabled_at', 'is', null)
      // Digests hold only what came before their hour: the rest is not even read.
      .where((eb) =>
        eb.or([
          eb('u.notify', '=', 'immediate'),
          eb.and([eb('u.notify', '=', 'daily'), eb('n.created_at', '<', digestBoundary(now, 'daily'))]),
          eb.and([eb('u.notify', '=', 'weekly'), eb('n.created_at', '<', digestBoundary(now, 'weekly'))]),
        ]),
      )
      .orderBy('n.id')
      .execute();
    const byUser = new Map<number, typeof pending>();
    for (const p of pending) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
    for (const list of byUser.values()) {
      const { email, notify } = list[0]!;
      const messages = notify === 'immediate' ? list.map((n) => [n]) : [list];
      for (const candidates of messages) {
        // Claim the rows first, so two rounds (a change's flush, the minute timer, another server) never send one twice.
        const claimed = new Set((await this.db.updateTable('notification').set({ mailed_at: now }).where('id', 'in', candidates.map((n) => n.id)).where('mailed_at', 'is', null).returning('id').execute()).map((r) => r.id));
        const group = candidates.filter((n) => claimed.has(n.id));
        if (group.length === 0) continue;
        const subject =
          group.length === 1 && notify === 'immediate'
            ? `Styringshjulet: ${group[0]!.title}`
            : `Styringshjulet: ${group.length} ${group.length === 1 ? 'ny notifikation' : 'nye notifikationer'} (${notify === 'daily' ? 'daglig' : 'ugentlig'} oversigt)`;
        const text = [
          `Hej ${list[0]!.name}`,
          '',
          ...group.flatMap((n) => [`${n.title}`, n.body, `${this.publicUrl}${n.link}`, '']),
          `Du får disse mails, fordi du har valgt "${notifyModeNames[notify as NotifyMode]}". Skift under ${this.publicUrl}/notifikationer.`,
        ].join('\n');
        try {
          await this.mailer.send({ to: email, subject, text });
        } catch (err) {
          // Not sent: the next round tries again.
          await this.db.updateTable('notification').set({ mailed_at: null }).where('id', 'in', [...claimed]).execute();
          throw err;
        }
        mails++;
      }
    }
    return { mails };
  }
}

/**
 * Digests hold what came before the latest digest hour: 07:00 today (or yesterday, before 7)
 * for the daily one, the latest Monday 07:00 for the weekly one, in Copenhagen time.
 */
export function digestBoundary(now: Date, mode: 'daily' | 'weekly'): Date {
  let day = danishDate(now);
  const at = (d: string) => copenhagenTime(d, DIGEST_HOUR);
  if (at(day) > now) day = shiftDay(day, -1);
  if (mode === 'weekly') while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = shiftDay(day, -1);
  return at(day);
}

const shiftDay = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The instant it is `hour`:00 in Copenhagen on `day`. */
function copenhagenTime(day: string, hour: number): Date {
  const guess = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const local = Number(guess.toLocaleString('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }));
  return new Date(guess.getTime() - (local - hour) * 3_600_000);
}

export async function listNotifications(db: Conn, userId: number, limit = 100) {
  return db
    .selectFrom('notification')
    .select(['id', 'title', 'body', 'link', 'created_at', 'read_at', 'mailed_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
