/**
 * The agreements' dates in the yearly calendar and its feeds (the review date and the end of
 * validity of signed agreements and those under review, public as the agreements are), and the
 * reminders to the jobcenter's editors: 30 and 7 days before an agreement expires, and 7 days
 * before its review. Idempotent: the notification key names the agreement, the date and the days.
 */
import type { Kysely } from 'kysely';
import { jobcenterEditors } from '../access/index.js';
import { danishDate, dayText, daysBetween, type Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { Notifier } from '../notifications/index.js';
import { areaById } from '../reference/index.js';

export interface CooperationDate {
  kind: 'review' | 'expiry';
  agreement_id: number;
  jobcenter: string;
  jobcenter_name: string;
  uid: string;
  day: string;
  summary: string;
  description: string;
  path: string;
}

const EXPIRY_DAYS = [30, 7];
const REVIEW_DAYS = [7];

/** The review and expiry dates of the live agreements of `jobcenters`, in date order. */
export async function cooperationDates(db: Kysely<Database>, jobcenters: string[]): Promise<CooperationDate[]> {
  if (jobcenters.length === 0) return [];
  const rows = await db.selectFrom('cooperation_agreement').select(['id', 'jobcenter', 'title', 'review_on', 'valid_until']).where('jobcenter', 'in', jobcenters).where('state', 'in', ['signed', 'under_review']).execute();
  return rows
    .flatMap((r) => {
      const name = areaById.get(r.jobcenter)?.name ?? r.jobcenter;
      const base = { agreement_id: r.id, jobcenter: r.jobcenter, jobcenter_name: name, path: `/samarbejdsaftaler/${r.id}` };
      return [
        ...(r.review_on ? [{ ...base, kind: 'review' as const, uid: `cooperation-review-${r.id}`, day: r.review_on, summary: `Revision af samarbejdsaftale: ${r.title}`, description: `${name} og parterne gennemgår samarbejdsaftalen "${r.title}".` }] : []),
        ...(r.valid_until ? [{ ...base, kind: 'expiry' as const, uid: `cooperation-expiry-${r.id}`, day: r.valid_until, summary: `Samarbejdsaftale udløber: ${r.title}`, description: `Samarbejdsaftalen "${r.title}" mellem ${name} og parterne gælder til og med ${dayText(r.valid_until)}.` }] : []),
      ];
    })
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** Notifies the reminders due on the clock's day; returns how many were due. */
export async function cooperationReminders(db: Kysely<Database>, notifier: Notifier, clock: Clock): Promise<number> {
  const today = danishDate(clock.now());
  const dates = (await cooperationDates(db, [...areaById.values()].filter((a) => a.level === 'jobcenter').map((a) => a.id)))
    .map((d) => ({ d, left: daysBetween(today, d.day) }))
    .filter(({ d, left }) => (d.kind === 'expiry' ? EXPIRY_DAYS : REVIEW_DAYS).includes(left));
  if (dates.length === 0) return 0;
  const editors = await jobcenterEditors(db, [...new Set(dates.map(({ d }) => d.jobcenter))]);
  for (const { d, left } of dates) {
    await notifier.notify(db, editors.filter((e) => e.area === d.jobcenter).map((e) => e.id), {
      key: `reminder:cooperation:${d.agreement_id}:${d.kind}:${d.day}:${left}`,
      title: d.kind === 'expiry' ? `Samarbejdsaftale udløber om ${left} dage` : `Samarbejdsaftale skal revideres om ${left} dage`,
      body: `${d.summary.replace(/^[^:]+: /, '')} (${d.jobcenter_name}): ${d.kind === 'expiry' ? `gælder til og med ${dayText(d.day)}. Forhandl den om, eller lad den udløbe.` : `revisionen er ${dayText(d.day)}.`}`,
      link: d.path,
    });
  }
  return dates.length;
}
