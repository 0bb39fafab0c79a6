/**
 * Council meetings: an agenda of items, each open or closed (åben/lukket), with attachments
 * (a version of a platform document, or an uploaded file) and the decision taken
 * ("dagsorden med vedtagelser"), and the minutes. The agenda and the minutes are published
 * separately; members and substitutes are notified when either is. The public sees a meeting
 * only once its agenda is published, never its closed items, and decisions and minutes only
 * once the minutes are. An item can carry a hearing response: its decision adopts it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { audit, type AuditActor, type User } from '../access/index.js';
import { danishDate, dayText, type Clock } from '../clock.js';
import { councilAccess, councilUserIds, CouncilError, secretariatUserIds, type Council, type CouncilAccess } from '../councils/index.js';
import type { Database } from '../db/index.js';
import type { HearingService } from '../hearings/index.js';
import type { Notifier } from '../notifications/index.js';
import { itemSchema } from './items.js';

type Item = z.infer<typeof itemSchema> & { id: string };

export const meetingSchema = z.object({
  title: z.string().trim().min(1, 'giv mødet en titel').max(300),
  starts_at: z.iso.datetime({ offset: true, error: 'skriv tidspunktet som ÅÅÅÅ-MM-DDTTT:MM' }).or(z.iso.datetime({ local: true, error: 'skriv tidspunktet som ÅÅÅÅ-MM-DDTTT:MM' })),
  place: z.string().trim().min(1, 'skriv mødestedet').max(300),
  items: z.array(itemSchema).max(100).default([]),
  minutes: z.string().max(50_000).default(''),
});

export interface Meeting {
  id: number;
  council_id: number;
  title: string;
  starts_at: Date;
  place: string;
  items: Item[];
  minutes: string;
  agenda_published_at: Date | null;
  minutes_published_at: Date | null;
  revision: number;
  updated_at: Date;
  updated_by: string;
}

interface MeetingDeps {
  clock: Clock;
  notifier: Notifier;
  hearings: HearingService;
}

/** A local time without offset is Copenhagen's. */
function toInstant(s: string): Date {
  if (/[zZ]|[+-]\d\d:\d\d$/.test(s)) return new Date(s);
  const guess = new Date(`${s}Z`);
  const local = new Date(guess.toLocaleString('sv-SE', { timeZone: 'Europe/Copenhagen' }).replace(' ', 'T') + 'Z');
  return new Date(guess.getTime() - (local.getTime() - guess.getTime()));
}

/** What a reader may see of a meeting: members and the secretariat everything; others only what is published, and no closed items. */
export function visibleMeeting(m: Meeting, a: CouncilAccess): Meeting | null {
  if (a.member || a.secretariat) return m;
  if (!m.agenda_published_at) return null;
  const minutes = !!m.minutes_published_at;
  return { ...m, items: m.items.filter((i) => !i.closed).map((i) => ({ ...i, decision: minutes ? i.decision : '', hearing: null })), minutes: minutes ? m.minutes : '' };
}

export class MeetingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly deps: MeetingDeps,
  ) {}

  today() {
    return danishDate(this.deps.clock.now());
  }

  access(user: User | null, council: Council) {
    return councilAccess(this.db, user, council, this.today());
  }

  /** Members' and secretariat's work: the secretariat and the chair run the meetings. */
  async mayManage(user: User | null, council: Council) {
    const a = await this.access(user, council);
    return a.secretariat || a.chair;
  }

  async list(council: Council, a: CouncilAccess): Promise<Meeting[]> {
    const rows = (await this.db.selectFrom('meeting').selectAll().where('council_id', '=', council.id).orderBy('starts_at', 'desc').execute()) as unknown as Meeting[];
    return rows.map((m) => visibleMeeting(m, a)).filter((m): m is Meeting => m !== null);
  }

  async find(id: number): Promise<Meeting | undefined> {
    return (await this.db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst()) as unknown as Meeting | undefined;
  }

  private async record(tx: Transaction<Database>, actor: AuditActor, m: Meeting, event: string) {
    await tx.insertInto('meeting_version').values({ meeting_id: m.id, revision: m.revision, event, snapshot: JSON.stringify({ title: m.title, starts_at: m.starts_at, place: m.place, items: m.items, minutes: m.minutes, agenda_published_at: m.agenda_published_at, minutes_published_at: m.minutes_published_at }), actor: actor.label }).execute();
    await audit(tx, actor, { action: `meeting.${event}`, entity: 'meeting', entityId: m.id, organisationId: m.council_id, details: { revision: m.revision, title: m.title } });
  }

  async create(actor: AuditActor, council: Council, input: z.infer<typeof meetingSchema>): Promise<Meeting> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('meeting')
        .values({ council_id: council.id, title: input.title, starts_at: toInstant(input.starts_at), place: input.place, items: JSON.stringify(withIds(input.items)), minutes: input.minutes, revision: 1, updated_by: actor.label })
        .returningAll()
        .executeTakeFirstOrThrow();
      const m = row as unknown as Meeting;
      await this.record(tx, actor, m, 'created');
      return m;
    });
  }

  /** Saves the meeting if `revision` is current; decided items carrying a hearing response adopt it. */
  async save(actor: AuditActor, council: Council, id: number, revision: number, input: z.infer<typeof meetingSchema>): Promise<Meeting> {
    return this.db.transaction().execute(async (tx) => {
      const cur = await this.locked(tx, id, revision);
      const items = withIds(input.items);
      if (cur.minutes_published_at) {
        // The published minutes are the record: their text, decisions and closed items stay as published.
        const record = (list: Item[]) => JSON.stringify(list.map((i) => [i.id, i.decision, i.closed]));
        if (input.minutes !== cur.minutes || record(items) !== record(cur.items)) throw new CouncilError(409, 'state', 'Referatet er offentliggjort: referatet, beslutningerne og de lukkede punkter kan ikke længere ændres.');
      }
      notBefore(danishDate(toInstant(input.starts_at)), this.today(), items, input.minutes);
      for (const [i, item] of items.entries()) {
        if (!item.hearing || item.decision.trim() === '') continue;
        const h = await tx.selectFrom('hearing_body as b').innerJoin('organisation as o', 'o.id', 'b.organisation_id').select(['b.organisation_id', 'b.state']).where('b.hearing_id', '=', item.hearing.hearing_id).where('o.code', '=', item.hearing.body).executeTakeFirst();
        if (!h) throw new CouncilError(400, 'invalid_field', `Feltet items.${i}.hearing: ${item.hearing.body} er ikke hørt i høring ${item.hearing.hearing_id}.`, { field: `items.${i}.hearing` });
        if (h.organisation_id !== council.id) throw new CouncilError(400, 'invalid_field', `Feltet items.${i}.hearing: ${council.name} kan kun vedtage sit eget høringssvar.`, { field: `items.${i}.hearing` });
        // The item keeps the text it adopted: the minutes print it with the decision.
        const adopted = await this.deps.hearings.adoptAtMeeting(tx, actor, item.hearing.hearing_id, h.organisation_id, { id, title: `${council.name}, møde ${dayText(danishDate(cur.starts_at))}`, item: i + 1 }, item.hearing.response);
        items[i] = { ...item, hearing: { ...item.hearing, response: adopted } };
      }
      const next = { ...cur, title: input.title, starts_at: toInstant(input.starts_at), place: input.place, items, minutes: input.minutes, revision: cur.revision + 1, updated_at: this.deps.clock.now(), updated_by: actor.label };
      await tx.updateTable('meeting').set({ title: next.title, starts_at: next.starts_at, place: next.place, items: JSON.stringify(items), minutes: next.minutes, revision: next.revision, updated_at: next.updated_at, updated_by: next.updated_by }).where('id', '=', id).execute();
      await this.record(tx, actor, next, 'saved');
      return next;
    });
  }

  /** Publishes the agenda or the minutes and tells members, substitutes and the secretariat. */
  async publish(actor: AuditActor, council: Council, id: number, revision: number, what: 'agenda' | 'minutes'): Promise<Meeting> {
    return this.db.transaction().execute(async (tx) => {
      const cur = await this.locked(tx, id, revision);
      const now = this.deps.clock.now();
      if (what === 'minutes' && !cur.agenda_published_at) throw new CouncilError(409, 'state', 'Offentliggør dagsordenen før referatet.');
      if (what === 'minutes' && this.today() < danishDate(cur.starts_at)) throw new CouncilError(409, 'not_held', `Mødet holdes ${dayText(danishDate(cur.starts_at))}: referatet kan først offentliggøres, når mødet er holdt.`);
      if ((what === 'agenda' ? cur.agenda_published_at : cur.minutes_published_at) !== null) throw new CouncilError(409, 'state', what === 'agenda' ? 'Dagsordenen er allerede offentliggjort.' : 'Referatet er allerede offentliggjort.');
      const next = { ...cur, revision: cur.revision + 1, updated_at: now, updated_by: actor.label, ...(what === 'agenda' ? { agenda_published_at: now } : { minutes_published_at: now }) };
      await tx.updateTable('meeting').set({ revision: next.revision, updated_at: now, updated_by: actor.label, agenda_published_at: next.agenda_published_at, minutes_published_at: next.minutes_published_at }).where('id', '=', id).execute();
      await this.record(tx, actor, next, what === 'agenda' ? 'publish_agenda' : 'publish_minutes');
      const when = cur.starts_at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });
      const users = [...(await councilUserIds(tx, council.id, this.today())), ...(await secretariatUserIds(tx, council))];
      await this.deps.notifier.notify(tx, users, {
        key: `meeting.${what}:${id}`,
        title: what === 'agenda' ? `Dagsorden: ${council.name}, ${when}` : `Referat: ${council.name}, ${when}`,
        body: what === 'agenda' ? `Dagsordenen til "${cur.title}" (${when}, ${cur.place}) er offentliggjort med ${cur.items.length} punkter.` : `Referatet af "${cur.title}" (${when}) er offentliggjort.`,
        link: `/raad/${council.code}/moeder/${id}`,
      });
      return next;
    });
  }

  private async locked(tx: Transaction<Database>, id: number, revision: number): Promise<Meeting> {
    const cur = (await tx.selectFrom('meeting').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as unknown as Meeting | undefined;
    if (!cur) throw new CouncilError(404, 'not_found', `Møde ${id} findes ikke.`);
    if (cur.revision !== revision) {
      const at = cur.updated_at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
      throw new CouncilError(409, 'conflict', `Mødet er ændret af ${cur.updated_by} (${at}), efter du åbnede det (du havde version ${revision}, nu er det version ${cur.revision}). Dine ændringer er ikke gemt, men står stadig i formularen.`);
    }
    return cur;
  }

  async addFile(actor: AuditActor, meeting: Meeting, f: { name: string; mime: string; content: Buffer }): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.insertInto('meeting_file').values({ meeting_id: meeting.id, name: f.name, mime: f.mime, size: f.content.length, content: f.content, created_by: actor.label }).returning('id').executeTakeFirstOrThrow();
      await audit(tx, actor, { action: 'meeting.file_upload', entity: 'meeting_file', entityId: row.id, organisationId: meeting.council_id, details: { meeting: meeting.id, name: f.name, size: f.content.length } });
      return row.id;
    });
  }

  async file(meetingId: number, fileId: number) {
    return this.db.selectFrom('meeting_file').select(['id', 'name', 'mime', 'content']).where('id', '=', fileId).where('meeting_id', '=', meetingId).executeTakeFirst();
  }

  async versions(id: number) {
    return this.db.selectFrom('meeting_version').select(['revision', 'event', 'actor', 'created_at']).where('meeting_id', '=', id).orderBy('revision', 'desc').execute();
  }
}

/** A meeting decides nothing before it is held: no decisions or minutes before its day (Copenhagen). */
function notBefore(meetingDay: string, today: string, items: Item[], minutes: string) {
  if (today >= meetingDay) return;
  const when = `Mødet holdes ${dayText(meetingDay)}`;
  const decided = items.findIndex((i) => i.decision.trim() !== '');
  if (decided >= 0) throw new CouncilError(409, 'not_held', `Feltet items.${decided}.decision: ${when}. Beslutninger kan først registreres på mødedagen eller derefter.`, { field: `items.${decided}.decision` });
  if (minutes.trim() !== '') throw new CouncilError(409, 'not_held', `Feltet minutes: ${when}. Referatet kan først skrives på mødedagen eller derefter.`, { field: 'minutes' });
}

const withIds = (items: z.infer<typeof itemSchema>[]): Item[] => items.map((i) => ({ ...i, id: i.id || randomUUID() }));

