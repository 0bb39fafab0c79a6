/**
 * Issue 6, on the demo release with every jobcentre's results audit (step 2c): opening a
 * hearing on all 94 audits (the hearing hook: bodies, deadline, notifications) against the
 * same transitions without it; the yearly-calendar board for the whole country against
 * reading the rows it is made of; a region's .ics feed against generating the same number of
 * bare events; mailing 2,000 notifications as digests against storing them.
 */
import ical from 'ical-generator';
import { sql, type Kysely } from 'kysely';
import { ensureOrganisations } from '../src/access/index.js';
import { calendarBoard, organisationFeed } from '../src/calendar/index.js';
import { ensureCouncils } from '../src/councils/index.js';
import type { Database } from '../src/db/index.js';
import { listDocuments, transition } from '../src/documents/index.js';
import { hearingHooks } from '../src/hearings/index.js';
import { Notifier } from '../src/notifications/index.js';

const actor = { id: null, label: 'bench' };
const time = async (f: () => Promise<unknown>, n = 1) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  return (performance.now() - t0) / n;
};

export async function councilsBench(db: Kysely<Database>, year: number) {
  await ensureOrganisations(db);
  await ensureCouncils(db);
  // The deadline for the audit of `year` is in May of the year after: the clock stands before it.
  const clock = { now: () => new Date(`${year + 1}-04-20T08:00:00Z`) };
  let sent = 0;
  const mailer = { enabled: true, send: async () => void sent++ };
  const notifier = new Notifier(db, mailer, clock, 'http://localhost');
  const hook = hearingHooks({ clock, notifier });
  const audits = (await listDocuments(db, { kind: 'results_audit', years: [year] })).filter((d) => d.state === 'draft');

  // Baseline: the same transitions, no hook; then back to draft (not timed).
  const plainMs = await time(async () => {
    for (const d of audits) await transition(db, actor, d.id, d.revision, 'send_to_hearing');
  });
  for (const d of audits) await transition(db, actor, d.id, d.revision + 1, 'reopen');
  const hookMs = await time(async () => {
    for (const d of audits) await transition(db, actor, d.id, d.revision + 2, 'send_to_hearing', { hook, at: clock.now() });
  });

  // The board for DK in the year the audits are heard, against reading its rows.
  const today = `${year + 1}-04-20`;
  await calendarBoard(db, { area: 'DK', year: year + 1, today });
  const boardMs = await time(() => calendarBoard(db, { area: 'DK', year: year + 1, today }), 10);
  const rowsMs = await time(async () => {
    await db.selectFrom('document').select(['id', 'kind', 'area', 'year', 'state', 'approval', 'published_at']).execute();
    await db.selectFrom('hearing as h').innerJoin('hearing_body as b', 'b.hearing_id', 'h.id').select(['h.document_id', 'h.opened_at', 'b.state', 'b.adopted_at']).execute();
    await db.selectFrom('step_done').selectAll().execute();
  }, 10);

  // A region's feed: every jobcentre's steps, this year and next.
  const feed = (await organisationFeed(db, 'B1', { publicUrl: 'http://localhost', now: clock.now() }))!;
  const events = feed.split('BEGIN:VEVENT').length - 1;
  const feedMs = await time(() => organisationFeed(db, 'B1', { publicUrl: 'http://localhost', now: clock.now() }), 10);
  const bareMs = await time(async () => {
    const cal = ical({ name: 'x' });
    for (let i = 0; i < events; i++) cal.createEvent({ id: `e${i}@x`, start: new Date(Date.UTC(year, 4, 1 + (i % 28))), allDay: true, summary: `Frist ${i}`, description: 'x' });
    cal.toString();
  }, 10);

  // 2,000 notifications to 100 users, mailed as digests, against storing them.
  const org = (await db.selectFrom('organisation').select('id').where('code', '=', 'J101').executeTakeFirstOrThrow()).id;
  const users = await db
    .insertInto('app_user')
    .values(Array.from({ length: 100 }, (_, i) => ({ email: `bench${i}@example.dk`, name: `Bench ${i}`, organisation_id: org, role: 'jobcenter_reader' as const, password_hash: null, disabled_at: null, notify: 'daily' })))
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .execute();
  const past = { now: () => new Date(`${year + 1}-04-19T08:00:00Z`) };
  const storing = new Notifier(db, mailer, past, 'http://localhost');
  const storeMs = await time(async () => {
    for (let i = 0; i < 20; i++) await storing.notify(db, users.map((u) => u.id), { key: `bench:${i}`, title: `Notifikation ${i}`, body: 'Tekst', link: '/' });
  });
  sent = 0;
  const flushMs = await time(() => notifier.flush());
  await db.deleteFrom('app_user').where('email', 'like', 'bench%@example.dk').execute();
  const hearings = Number((await sql<{ n: string }>`select count(*) as n from hearing`.execute(db)).rows[0]!.n);
  return { audits: audits.length, hearings, plainMs, hookMs, boardMs, rowsMs, events, feedMs, bareMs, notifications: 2000, digests: sent, storeMs, flushMs };
}
