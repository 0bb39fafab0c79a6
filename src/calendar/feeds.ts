/**
 * iCalendar feeds: an organisation's (public) and a user's own (behind a secret token, since
 * calendar apps send no cookie). Deadlines are all-day events; meetings are timed, in
 * Copenhagen time. UIDs are stable so calendar apps update events in place.
 */
import { createHash, randomBytes } from 'node:crypto';
import ical, { type ICalCalendar, type ICalTemporalPlainDateStub, type ICalTemporalZonedDateTimeStub } from 'ical-generator';
import type { Kysely } from 'kysely';
import { audit, type User } from '../access/index.js';
import { danishDate } from '../clock.js';
import { findCouncil, isSecretariat, listCouncils, ownArea, type Council } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { areaName } from '../reference/index.js';
import { kindNames, type DocumentKind } from '../documents/index.js';
import { cooperationDates } from '../cooperation/index.js';
import { followupDates } from '../followup/index.js';
import { danishDay, deadlinesFor } from './deadlines.js';
import { jobcentersWithin, stepCells } from './status.js';

interface FeedOptions {
  /** The app's public base URL, for the link in each event. */
  publicUrl: string;
  now: Date;
}

const TZ = 'Europe/Copenhagen';
const uid = (s: string) => `${s}@styringshjulet.dk`;
const bodyStateNames: Record<string, string> = { none: 'ikke påbegyndt', draft: 'udkast', adopted: 'vedtaget' };
/** 'LBR København', 'RBR Syddanmark', 'BER'. */
const shortName = (c: Pick<Council, 'code' | 'name' | 'type' | 'area'>) => (!ownArea(c) && c.area ? c.name : c.area && c.area !== 'DK' ? `${c.type} ${areaName(c.area).replace(/^(Jobcenter|Beskæftigelsesregion) /, '')}` : c.type);

/** A calendar date for an all-day event, whatever the server's own time zone. */
function plainDate(day: string): ICalTemporalPlainDateStub {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // ical-generator recognises a Temporal.PlainDate by these members.
  return { year, month, day: date, toPlainDateTime: () => null, toString: () => day, toJSON: () => day } as ICalTemporalPlainDateStub;
}

/** An instant as wall-clock time in `tz` (a Temporal.ZonedDateTime look-alike), written with TZID. */
function zoned(at: Date, tz: string): ICalTemporalZonedDateTimeStub {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const { year, month, day, hour, minute, second } = parts;
  const iso = at.toISOString();
  const self: ICalTemporalZonedDateTimeStub = {
    year, month, day, hour, minute, second, timeZoneId: tz,
    withTimeZone: (z) => zoned(at, z),
    toPlainDateTime: () => ({ year, month, day, hour, minute, second, toPlainDate: () => plainDate([year, month, day].map((n) => String(n).padStart(2, '0')).join('-')), toZonedDateTime: () => self, toString: () => iso, toJSON: () => iso }),
    toInstant: () => ({ epochMilliseconds: at.getTime(), toZonedDateTimeISO: (z) => zoned(at, z), toString: () => iso, toJSON: () => iso }),
    toString: () => iso,
    toJSON: () => iso,
  };
  return self;
}

/** Copenhagen's rules since 1996, for the TZID of timed events. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE', `TZID:${TZ}`,
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

// The zone is named per timed event, not for the calendar: with a calendar zone ical-generator
// writes DTSTAMP (which must be UTC) in the server's local time without the Z.
const newCalendar = (name: string) =>
  ical({ name, timezone: { name: null, generator: (tz) => (tz === TZ ? VTIMEZONE : null) }, x: { 'X-WR-TIMEZONE': TZ }, prodId: { company: 'Styringshjulet', product: 'Aarshjul', language: 'DA' }, ttl: 3600 });

/** The steps of this year and next for the jobcenters within `area` (for DK: the national deadlines). */
async function addSteps(cal: ICalCalendar, db: Kysely<Database>, area: string, o: FeedOptions): Promise<void> {
  const year = Number(danishDate(o.now).slice(0, 4));
  const deadlines = [...(await deadlinesFor(db, year)), ...(await deadlinesFor(db, year + 1))];
  const url = `${o.publicUrl}/aarshjul?omraade=${area}`;
  const note = (n: string | null) => (n ? ` Fristen er ændret: ${n}` : '');
  if (area === 'DK') {
    for (const d of deadlines) {
      cal.createEvent({
        id: uid(`deadline-${d.document_year}-${d.step}`), stamp: o.now, allDay: true, start: plainDate(d.due), url,
        summary: d.label,
        description: `${kindNames[d.kind]} ${d.document_year}: frist ${danishDay(d.due)}.${note(d.note)}`,
      });
    }
    return;
  }
  const jobcenters = jobcentersWithin(area);
  const cells = await stepCells(db, deadlines, jobcenters.map((j) => j.id), danishDate(o.now));
  for (const j of jobcenters) {
    for (const c of cells.get(j.id)!) {
      cal.createEvent({
        id: uid(`step-${j.id}-${c.document_year}-${c.step}`), stamp: o.now, allDay: true, start: plainDate(c.due), url: `${o.publicUrl}/aarshjul?omraade=${j.id}`,
        summary: jobcenters.length > 1 ? `${j.name}: ${c.label}` : c.label,
        description: `${j.name}, ${kindNames[c.kind].toLowerCase()} ${c.document_year}: frist ${danishDay(c.due)}. Status: ${c.status_label}${c.done_on ? ` (${danishDay(c.done_on)})` : ''}.${note(c.note)}`,
      });
    }
  }
}

/** A meeting has a start only; calendars get it as two hours (an event without an end is a point in time to many of them). */
const MEETING_MS = 2 * 3600_000;

async function addMeetings(cal: ICalCalendar, db: Kysely<Database>, councils: Council[], o: FeedOptions & { publishedOnly: boolean; prefix: boolean }): Promise<void> {
  if (councils.length === 0) return;
  const byId = new Map(councils.map((c) => [c.id, c]));
  let q = db.selectFrom('meeting').select(['id', 'council_id', 'title', 'starts_at', 'place', 'agenda_published_at']).where('council_id', 'in', [...byId.keys()]);
  if (o.publishedOnly) q = q.where('agenda_published_at', 'is not', null);
  for (const m of await q.orderBy('starts_at').execute()) {
    const c = byId.get(m.council_id)!;
    cal.createEvent({
      id: uid(`meeting-${m.id}`), stamp: o.now, timezone: TZ, start: zoned(m.starts_at, TZ), end: zoned(new Date(m.starts_at.getTime() + MEETING_MS), TZ), location: m.place, url: `${o.publicUrl}/raad/${c.code}/moeder/${m.id}`,
      summary: o.prefix ? `${m.title} (${shortName(c)})` : m.title,
      description: `Møde i ${c.name}.${m.agenda_published_at ? '' : ' Dagsordenen er ikke offentliggjort endnu.'}`,
    });
  }
}

async function addMilestones(cal: ICalCalendar, db: Kysely<Database>, councils: Council[], o: FeedOptions): Promise<void> {
  if (councils.length === 0) return;
  const byId = new Map(councils.map((c) => [c.id, c]));
  const rows = await db.selectFrom('council_milestone').select(['id', 'council_id', 'due', 'title', 'description']).where('council_id', 'in', [...byId.keys()]).orderBy('due').execute();
  for (const m of rows) {
    const c = byId.get(m.council_id)!;
    cal.createEvent({ id: uid(`milestone-${m.id}`), stamp: o.now, allDay: true, start: plainDate(m.due), url: `${o.publicUrl}/raad/${c.code}#s-milestones`, summary: `${m.title} (${shortName(c)})`, description: m.description || `Milepæl i ${c.name}.` });
  }
}

/** The open hearings' deadlines for the consulted bodies `organisationIds`. */
async function addHearings(cal: ICalCalendar, db: Kysely<Database>, organisationIds: number[], o: FeedOptions): Promise<void> {
  if (organisationIds.length === 0) return;
  const rows = await db
    .selectFrom('hearing_body as b')
    .innerJoin('hearing as h', 'h.id', 'b.hearing_id')
    .innerJoin('document as d', 'd.id', 'h.document_id')
    .innerJoin('organisation as o', 'o.id', 'b.organisation_id')
    .select(['h.id', 'h.deadline', 'b.organisation_id', 'b.state', 'd.id as document_id', 'd.kind', 'd.year', 'd.area', 'o.name as body'])
    .where('b.organisation_id', 'in', organisationIds)
    .where('h.closed_at', 'is', null)
    .orderBy('h.deadline')
    .execute();
  for (const r of rows) {
    const what = `${kindNames[r.kind as DocumentKind] ?? r.kind} ${r.year}, ${areaName(r.area)}`;
    cal.createEvent({
      id: uid(`hearing-${r.id}-${r.organisation_id}`), stamp: o.now, allDay: true, start: plainDate(r.deadline), url: `${o.publicUrl}/dokumenter/${r.document_id}`,
      summary: `Høringsfrist: ${what}`,
      description: `${r.body} afgiver bemærkninger til ${what} senest ${danishDay(r.deadline)}. Svaret er ${bodyStateNames[r.state] ?? r.state}.`,
    });
  }
}

function addFollowup(cal: ICalCalendar, events: { uid: string; day: string; summary: string; description: string; path: string }[], o: FeedOptions) {
  for (const e of events) cal.createEvent({ id: uid(e.uid), stamp: o.now, allDay: true, start: plainDate(e.day), url: `${o.publicUrl}${e.path}`, summary: e.summary, description: e.description });
}

/** An organisation's public feed (null when there is no such organisation or it has no area). */
export async function organisationFeed(db: Kysely<Database>, code: string, o: FeedOptions): Promise<string | null> {
  const org = await db.selectFrom('organisation').select(['id', 'code', 'kind', 'name', 'area']).where('code', '=', code).executeTakeFirst();
  if (!org?.area) return null;
  const cal = newCalendar(`Årshjul – ${org.name}`);
  await addSteps(cal, db, org.area, o);
  // Signed written agreements are public; cases are not (they are in the personal feed).
  // So are the live cooperation agreements' review and expiry dates.
  const within = jobcentersWithin(org.area).map((a) => a.id);
  addFollowup(cal, [...(await followupDates(db, within, [])), ...(await cooperationDates(db, within))], o);
  if (org.kind === 'council') {
    const council = await findCouncil(db, org.code);
    if (council) await addMeetings(cal, db, [council], { ...o, publishedOnly: true, prefix: false });
  }
  return cal.toString();
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

/** Creates the user's secret feed token, replacing any earlier one (its address stops working). */
export async function createFeedToken(db: Kysely<Database>, user: Pick<User, 'id' | 'email' | 'organisation'>): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('calendar_feed').where('user_id', '=', user.id).execute();
    await tx.insertInto('calendar_feed').values({ token_hash: sha256(token), user_id: user.id }).execute();
    await audit(tx, { id: user.id, label: user.email }, { action: 'calendar_feed.create', entity: 'calendar_feed', entityId: user.id, organisationId: user.organisation.id });
  });
  return token;
}

/**
 * A user's own feed (null for an unknown token or a disabled user): the steps of their
 * organisation's area, the meetings and milestones of the councils they sit on or run, and the
 * deadlines of open hearings those councils (or their employment region) are consulted on.
 */
export async function personalFeed(db: Kysely<Database>, token: string, o: FeedOptions): Promise<string | null> {
  const u = await db
    .selectFrom('calendar_feed as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'o.id as org_id', 'o.code', 'o.kind', 'o.name as org_name', 'o.area'])
    .where('f.token_hash', '=', sha256(token))
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!u) return null;
  const user = { role: u.role, organisation: { id: u.org_id, code: u.code, kind: u.kind, name: u.org_name, area: u.area } } as User;
  const today = danishDate(o.now);
  const cal = newCalendar(`Mit årshjul – ${u.name}`);
  if (u.area) await addSteps(cal, db, u.area, o);

  const seats = await db
    .selectFrom('council_member')
    .select('council_id')
    .where((eb) => eb.or([eb('email', '=', u.email), eb('substitute_email', '=', u.email)]))
    .where('term_from', '<=', today)
    .where((eb) => eb.or([eb('term_to', 'is', null), eb('term_to', '>=', today)]))
    .execute();
  const seated = new Set(seats.map((s) => s.council_id));
  // A national administrator runs every council on paper; their own is the BER.
  const mine = (await listCouncils(db)).filter((c) => seated.has(c.id) || (u.role === 'national_admin' ? c.type === 'BER' : isSecretariat(user, c)));
  await addMeetings(cal, db, mine, { ...o, publishedOnly: false, prefix: true });
  await addMilestones(cal, db, mine, o);
  await addHearings(cal, db, [...mine.map((c) => c.id), ...(u.kind === 'employment_region' ? [u.org_id] : [])], o);
  // The follow-up's dates on the jobcenters the user follows (cases are not public, so only here).
  if (u.area) {
    const jobcenters = jobcentersWithin(u.area).map((a) => a.id);
    addFollowup(cal, [...(await followupDates(db, jobcenters)), ...(await cooperationDates(db, jobcenters))], o);
  }
  return cal.toString();
}
