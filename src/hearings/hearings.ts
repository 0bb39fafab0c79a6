/**
 * Hearings: the councils' right to be heard. A hearing opens on one version of a plan or audit
 * for one or more bodies (the LBR, the employment region; for an LBR's grant plan, the
 * jobcenter) with a deadline from the calendar.
 * Members comment on sections and paragraphs and see each other's comments; each body adopts
 * one formal response, by a meeting decision or by its chair (as its rules of procedure say),
 * or, for the region, by its monitors (for a jobcenter, by its editors, who also say whether the
 * grant plan is within the employment plan's frame: its `verdict`). The adopted response is written into the document's
 * comments (bemærkninger), so it is part of what the municipal council approves and what goes
 * to the RBR. A response after the deadline is accepted and marked late. The document cannot
 * be approved while the hearing runs, nor (if the hearing requires it) before every response.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { audit, type AuditActor, type User } from '../access/index.js';
import { documentEra, hearingDeadline } from '../calendar/index.js';
import { addDays, danishDate, dayText, type Clock } from '../clock.js';
import { councilAccess, councilUserIds, findCouncilById, hasMembers, ownArea, isSecretariat, seatedCouncilIds, secretariatUserIds, typeOfCode, type Council } from '../councils/index.js';
import type { Database } from '../db/index.js';
import type { Verdict } from './hearings.table.js';
import { attachComments, DocumentError, documentSections, kindNames, kindSpec, type DocumentKind, type RulesContent, type StoredDocument, type TransitionHook } from '../documents/index.js';
import type { Notifier } from '../notifications/index.js';
import { regionalCouncilOf, type Era } from '../eras/index.js';
import { areaById, employmentRegionOf } from '../reference/index.js';

type Conn = Kysely<Database> | Transaction<Database>;

type ResponseState = 'none' | 'draft' | 'adopted';
export const responseStateNames: Record<ResponseState, string> = { none: 'Ikke påbegyndt', draft: 'Udkast', adopted: 'Vedtaget' };

interface Body {
  organisation_id: number;
  code: string;
  name: string;
  kind: string;
  area: string | null;
  response: string;
  state: ResponseState;
  revision: number;
  adopted_at: Date | null;
  adopted_by: string | null;
  meeting_id: number | null;
  late: boolean;
  verdict: Verdict | null;
  updated_at: Date | null;
  updated_by: string | null;
}

interface Hearing {
  id: number;
  document_id: number;
  revision: number;
  deadline: string;
  require_all: boolean;
  opened_at: Date;
  opened_by: string;
  closed_at: Date | null;
  bodies: Body[];
}


/** The hearing is over: closed (approved, taken back) or past its deadline (Danish days). */
export const hearingEnded = (h: Pick<Hearing, 'deadline' | 'closed_at'>, today: string) => h.closed_at !== null || today > h.deadline;

const hearingOptionsSchema = z
  .object({
    deadline: z.iso.date('skriv fristen som ÅÅÅÅ-MM-DD').optional(),
    /** Organisation codes, e.g. LBR-J101 and B1. */
    bodies: z.array(z.string().trim().toUpperCase()).min(1, 'vælg mindst én høringspart').max(10).optional(),
    require_all: z.boolean().default(false),
  })
  .default({ require_all: false });

/** The employment region a jobcenter lies in. */
const regionOf = (area: string) => employmentRegionOf(area)?.id;

/**
 * Who is heard by default: the kind says (kinds/) — the region's RBR, the jobcenter itself, or
 * the councils, as the document's era has them (eras/): up to 2014 the jobcenter's LBR and its
 * employment region; from 2015 its regional council, and its local council where the
 * municipality has kept one (it has members on `today`).
 */
async function defaultBodies(db: Conn, kind: DocumentKind, area: string, era: Era, today: string): Promise<string[]> {
  const bodies = kindSpec(kind).hearing?.bodies;
  if (bodies === 'rbr') return [`RBR-${area}`];
  if (bodies === 'jobcenter') return [area];
  if (era.localCouncilRequired) return [`LBR-${area}`, regionOf(area)].filter((c): c is string => !!c);
  const local = await hasMembers(db, `LBR-${area}`, today);
  return [local ? `LBR-${area}` : null, regionalCouncilOf(area, era.id) ?? null].filter((c): c is string => !!c);
}

async function bodiesOf(db: Conn, hearingId: number): Promise<Body[]> {
  return (await db
    .selectFrom('hearing_body as b')
    .innerJoin('organisation as o', 'o.id', 'b.organisation_id')
    .select(['b.organisation_id', 'o.code', 'o.name', 'o.kind', 'o.area', 'b.response', 'b.state', 'b.revision', 'b.adopted_at', 'b.adopted_by', 'b.meeting_id', 'b.late', 'b.verdict', 'b.updated_at', 'b.updated_by'])
    .where('b.hearing_id', '=', hearingId)
    .orderBy('o.kind')
    .execute()) as Body[];
}

export async function findHearing(db: Conn, id: number): Promise<Hearing | undefined> {
  const h = await db.selectFrom('hearing').selectAll().where('id', '=', id).executeTakeFirst();
  return h && { ...h, bodies: await bodiesOf(db, h.id) };
}

/** The document's newest hearing. */
export async function currentHearing(db: Conn, documentId: number): Promise<Hearing | undefined> {
  const h = await db.selectFrom('hearing').select('id').where('document_id', '=', documentId).orderBy('id', 'desc').executeTakeFirst();
  return h && findHearing(db, h.id);
}

/** Who a user can be in a body: a member (comment, draft), the one who adopts, the council's secretariat. */
async function bodyAccess(db: Conn, user: User | null, body: Pick<Body, 'organisation_id' | 'kind' | 'area'>, today: string): Promise<{ member: boolean; adopt: 'chair' | 'region' | 'jobcenter' | null; secretariat: boolean }> {
  if (!user) return { member: false, adopt: null, secretariat: false };
  if (body.kind === 'jobcenter') {
    const mine = user.role === 'national_admin' || (user.role === 'jobcenter_editor' && user.organisation.area === body.area);
    return { member: mine, adopt: mine ? 'jobcenter' : null, secretariat: false };
  }
  if (body.kind === 'employment_region') {
    const mine = user.role === 'national_admin' || (user.role === 'regional_monitor' && user.organisation.area === body.area);
    return { member: mine, adopt: mine ? 'region' : null, secretariat: mine };
  }
  const council = await findCouncilById(db, body.organisation_id);
  if (!council) return { member: false, adopt: null, secretariat: false };
  const a = await councilAccess(db, user, council, today);
  const rules = await rulesOf(db, council, today);
  return { member: a.member || user.role === 'national_admin', adopt: a.chair && rules.response_approval === 'chair' ? 'chair' : null, secretariat: a.secretariat };
}

/** The council's rules of procedure in force: the newest published for its area (the default when none: adopted at a meeting). */
async function rulesOf(db: Conn, council: Pick<Council, 'code' | 'area'>, today: string): Promise<Pick<RulesContent, 'response_approval'>> {
  const area = ownArea(council);
  if (!area) return { response_approval: 'meeting' };
  const doc = await db
    .selectFrom('document')
    .select('content')
    .where('kind', '=', 'rules_of_procedure')
    .where('area', '=', area)
    .where('state', '=', 'published')
    .where('year', '<=', Number(today.slice(0, 4)))
    .orderBy('year', 'desc')
    .executeTakeFirst();
  return (doc?.content as RulesContent | undefined) ?? { response_approval: 'meeting' };
}

/** Platform users to tell about a body's business: its members, the region's monitors, or the jobcenter's editors. */
async function bodyUserIds(db: Conn, body: Pick<Body, 'organisation_id' | 'kind' | 'area'>, today: string): Promise<number[]> {
  if (body.kind === 'jobcenter') return editorIds(db, body.area!);
  if (body.kind === 'employment_region') {
    return (await db.selectFrom('app_user as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select('u.id').where('u.role', '=', 'regional_monitor').where('o.area', '=', body.area).where('u.disabled_at', 'is', null).execute()).map((r) => r.id);
  }
  return councilUserIds(db, body.organisation_id, today);
}

/** Jobcenter editors of the document's area (they run the LBR's secretariat too). */
async function editorIds(db: Conn, area: string): Promise<number[]> {
  return secretariatUserIds(db, { type: 'LBR', area });
}

const docTitle = (d: Pick<StoredDocument, 'kind' | 'year' | 'area'>) => `${kindNames[d.kind]} ${d.year} for ${areaById.get(d.area)?.name.replace(/^Jobcenter /, '') ?? d.area}`;

export interface HearingDeps {
  clock: Clock;
  notifier: Notifier;
}

/**
 * The documents' transition hook: "send to hearing" opens a hearing (deadline from the
 * calendar, or 14 days ahead when the calendar's has passed), "approve" is refused while a
 * hearing runs or misses a required response and then closes it, "reopen" closes it, and
 * approval and publication send the document with its responses to the RBR.
 */
function hearingTransitions(deps: HearingDeps): TransitionHook {
  return async (tx, { actor, name, after, options }) => {
    const today = danishDate(deps.clock.now());
    const h = await currentHearing(tx, after.id);
    if (name === 'send_to_hearing') {
      const parsed = hearingOptionsSchema.safeParse(options ?? undefined);
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw new DocumentError(400, 'invalid_field', `Høringen, feltet ${['hearing', ...i.path].join('.')}: ${i.message}.`, { field: ['hearing', ...i.path].join('.') });
      }
      const o = parsed.data;
      // The deadline and who is heard both follow the document's era.
      const era = await documentEra(tx, after.kind, after.year);
      const calendar = await hearingDeadline(tx, after.kind, after.year, era);
      const deadline = o.deadline ?? (calendar && calendar >= today ? calendar : addDays(today, 14));
      if (deadline < today) throw new DocumentError(400, 'invalid_field', `Høringen, feltet hearing.deadline: fristen ${dayText(deadline)} er overskredet.`, { field: 'hearing.deadline' });
      const codes = o.bodies ?? (await defaultBodies(tx, after.kind, after.area, era, today));
      const orgs = await tx.selectFrom('organisation').select(['id', 'code', 'kind']).where('code', 'in', codes).execute();
      // A jobcenter is heard only on its own LBR's grant plan (the kind says so), never beside the councils.
      const jobcenterHeard = kindSpec(after.kind).hearing?.bodies === 'jobcenter';
      const unknown = codes.filter((c) => !orgs.some((x) => x.code === c && (x.kind === 'council' || x.kind === 'employment_region' || (jobcenterHeard && x.kind === 'jobcenter' && c === after.area))));
      if (unknown.length) throw new DocumentError(400, 'invalid_field', `Høringen, feltet hearing.bodies: ${unknown.join(', ')} kan ikke høres over dokumentet (et råd, en beskæftigelsesregion eller, for rådets handleplan, jobcentret selv).`, { field: 'hearing.bodies' });
      const row = await tx.insertInto('hearing').values({ document_id: after.id, revision: after.revision, deadline, require_all: o.require_all, opened_at: deps.clock.now(), opened_by: actor.label }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('hearing_body').values(orgs.map((x) => ({ hearing_id: row.id, organisation_id: x.id }))).execute();
      await audit(tx, actor, { action: 'hearing.open', entity: 'hearing', entityId: row.id, details: { document: after.id, revision: after.revision, deadline, bodies: codes, require_all: o.require_all } });
      for (const b of await bodiesOf(tx, row.id)) {
        await deps.notifier.notify(tx, await bodyUserIds(tx, b, today), {
          key: `hearing.open:${row.id}:${b.organisation_id}`,
          title: `Høring: ${docTitle(after)}`,
          body: `${b.name} er hørt over ${docTitle(after)} (version ${after.revision}). Fristen for høringssvar er ${dayText(deadline)}.`,
          link: `/dokumenter/${after.id}/hoering`,
        });
      }
      return;
    }
    if (!h || h.closed_at) return;
    if (name === 'reopen') {
      await tx.updateTable('hearing').set({ closed_at: deps.clock.now() }).where('id', '=', h.id).execute();
      return;
    }
    if (name === 'approve') {
      // The bodies have a right to be heard, not a waiting period: once every one has adopted
      // its response the document may be approved at once; before that, not until the deadline.
      const missing = h.bodies.filter((b) => b.state !== 'adopted');
      if (!hearingEnded(h, today) && missing.length) {
        throw new DocumentError(409, 'hearing_running', `Høringen løber til og med ${dayText(h.deadline)}, og ${missing.map((b) => b.name).join(' og ')} har endnu ikke vedtaget sit høringssvar. Dokumentet kan godkendes, når alle høringsparter har svaret, eller når fristen er udløbet.`);
      }
      if (h.require_all && missing.length) throw new DocumentError(409, 'hearing_responses', `Høringssvaret mangler fra ${missing.map((b) => b.name).join(' og ')}. Denne høring kræver alle svar før godkendelsen.`);
      await tx.updateTable('hearing').set({ closed_at: deps.clock.now() }).where('id', '=', h.id).execute();
      await audit(tx, actor, { action: 'hearing.close', entity: 'hearing', entityId: h.id, details: { document: after.id, responses: h.bodies.map((b) => ({ body: b.code, state: b.state, late: b.late })) } });
    }
  };
}

/**
 * After approval and publication the document, with its responses, goes to the regional
 * council of the year's era (the RBR up to 2014, then the RAR, from 2025 the regional employment
 * council): its members and its secretariat, the employment region's monitors.
 */
function rbrDispatch(deps: HearingDeps): TransitionHook {
  return async (tx, { name, after }) => {
    if (name !== 'approve' && name !== 'publish') return;
    if (!kindSpec(after.kind).hearing?.toRbr) return;
    const today = danishDate(deps.clock.now());
    const era = await documentEra(tx, after.kind, after.year);
    const code = regionalCouncilOf(after.area, era.id);
    const council = code ? await tx.selectFrom('organisation').select(['id', 'area']).where('code', '=', code).executeTakeFirst() : undefined;
    const region = council?.area ?? regionOf(after.area);
    if (!region) return;
    const users = [...(council ? await councilUserIds(tx, council.id, today) : []), ...(await bodyUserIds(tx, { organisation_id: 0, kind: 'employment_region', area: region }, today))];
    const what = name === 'approve' ? `godkendt af kommunalbestyrelsen (${after.approval?.date ? dayText(after.approval.date) : ''}) og sendt til ${era.councilShort} med høringssvarene` : 'offentliggjort';
    await deps.notifier.notify(tx, users, { key: `document.${name}:${after.id}`, title: `${docTitle(after)} er ${name === 'approve' ? 'godkendt' : 'offentliggjort'}`, body: `${docTitle(after)} er ${what}.`, link: `/dokumenter/${after.id}` });
  };
}

/** Whether a hearing runs on the document (open, not yet closed by approval or taken back). */
export const hearingRuns = (db: Conn) => async (documentId: number) => {
  const h = await db.selectFrom('hearing').select('id').where('document_id', '=', documentId).where('closed_at', 'is', null).executeTakeFirst();
  return !!h;
};

/** Both hooks, in order. */
export const hearingHooks = (deps: HearingDeps): TransitionHook => {
  const a = hearingTransitions(deps), b = rbrDispatch(deps);
  return async (tx, e) => {
    await a(tx, e);
    await b(tx, e);
  };
};

export const commentSchema = z.object({
  section: z.string().trim().min(1, 'vælg afsnittet'),
  paragraph: z.number().int().min(0).nullable().default(null),
  text: z.string().trim().min(1, 'skriv kommentaren').max(10_000),
  /** The body to comment for, when the user is in more than one. */
  body: z.string().trim().toUpperCase().optional(),
});

export class HearingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly deps: HearingDeps,
  ) {}

  private today() {
    return danishDate(this.deps.clock.now());
  }

  /** The bodies of the hearing the user belongs to (as member). */
  async myBodies(user: User | null, h: Hearing) {
    const today = this.today();
    return Promise.all(h.bodies.map(async (b) => ({ body: b, access: await bodyAccess(this.db, user, b, today) })));
  }

  /** Open hearings with the bodies the user sits on or runs the secretariat of (two queries, not one per hearing). */
  async openFor(user: User) {
    const rows = await this.db
      .selectFrom('hearing as h')
      .innerJoin('document as d', 'd.id', 'h.document_id')
      .innerJoin('hearing_body as b', 'b.hearing_id', 'h.id')
      .innerJoin('organisation as o', 'o.id', 'b.organisation_id')
      .select(['h.id', 'h.document_id', 'h.deadline', 'h.closed_at', 'd.kind', 'd.area', 'd.year', 'o.id as organisation_id', 'o.code', 'o.name', 'o.kind as body_kind', 'o.area as body_area', 'b.state', 'b.late'])
      .where('h.closed_at', 'is', null)
      .orderBy('h.deadline')
      .orderBy('h.id')
      .execute();
    const seated = new Set(await seatedCouncilIds(this.db, user.email, this.today()));
    const mine = (r: (typeof rows)[number]) => {
      if (user.role === 'national_admin' || seated.has(r.organisation_id)) return true;
      if (r.body_kind === 'employment_region') return user.role === 'regional_monitor' && user.organisation.area === r.body_area;
      const type = typeOfCode(r.code);
      return !!type && isSecretariat(user, { type, area: r.body_area });
    };
    const open = new Map<number, (typeof rows)[number] & { bodies: { code: string; name: string; state: ResponseState; late: boolean }[] }>();
    for (const r of rows.filter(mine)) {
      const h = open.get(r.id) ?? { ...r, bodies: [] };
      h.bodies.push({ code: r.code, name: r.name, state: r.state as ResponseState, late: r.late });
      open.set(r.id, h);
    }
    return [...open.values()];
  }

  async comments(hearingId: number) {
    return this.db
      .selectFrom('hearing_comment as c')
      .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
      .select(['c.id', 'c.section', 'c.paragraph', 'c.text', 'c.author', 'c.author_id', 'c.created_at', 'o.code as body', 'o.name as body_name'])
      .where('c.hearing_id', '=', hearingId)
      .where('c.withdrawn_at', 'is', null)
      .orderBy('c.id')
      .execute();
  }

  async comment(user: User, h: Hearing, doc: StoredDocument, input: z.infer<typeof commentSchema>) {
    if (h.closed_at) throw new DocumentError(409, 'hearing_closed', 'Høringen er afsluttet; der kan ikke længere kommenteres.');
    const mine = (await this.myBodies(user, h)).filter((x) => x.access.member && (!input.body || x.body.code === input.body));
    if (mine.length === 0) throw new DocumentError(403, 'forbidden', 'Kun medlemmer af de hørte råd (og regionen) kan kommentere i høringen.');
    const section = documentSections(doc.kind, doc.content).find((s) => s.path === input.section);
    if (!section) throw new DocumentError(400, 'invalid_field', `Feltet section: afsnittet "${input.section}" findes ikke i dokumentet.`, { field: 'section' });
    const body = mine[0]!.body;
    const actor = { id: user.id, label: user.email };
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('hearing_comment')
        .values({ hearing_id: h.id, organisation_id: body.organisation_id, section: input.section, paragraph: input.paragraph, text: input.text, author_id: user.id, author: user.name, created_at: this.deps.clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, actor, { action: 'hearing.comment', entity: 'hearing_comment', entityId: row.id, organisationId: body.organisation_id, details: { hearing: h.id, section: input.section, paragraph: input.paragraph } });
      const others = (await bodyUserIds(tx, body, this.today())).filter((id) => id !== user.id);
      await this.deps.notifier.notify(tx, others, { key: `hearing.comment:${row.id}`, title: `Ny kommentar i høringen: ${docTitle(doc)}`, body: `${user.name} har kommenteret ${section.kind === 'target' ? 'målet' : 'afsnittet'} "${section.kind === 'target' ? section.title.replace(/^Mål: /, '') : section.title}".`, link: `/dokumenter/${doc.id}/hoering` });
      return row.id;
    });
  }

  async withdraw(user: User, h: Hearing, commentId: number) {
    await this.db.transaction().execute(async (tx) => {
      const c = await tx.selectFrom('hearing_comment').selectAll().where('id', '=', commentId).where('hearing_id', '=', h.id).where('withdrawn_at', 'is', null).executeTakeFirst();
      if (!c) throw new DocumentError(404, 'not_found', `Kommentar ${commentId} findes ikke i høringen.`);
      if (c.author_id !== user.id) throw new DocumentError(403, 'forbidden', 'Du kan kun trække dine egne kommentarer tilbage.');
      await tx.updateTable('hearing_comment').set({ withdrawn_at: this.deps.clock.now() }).where('id', '=', commentId).execute();
      // Those not yet told of it are not told (mail already sent cannot be taken back).
      await tx.deleteFrom('notification').where('key', '=', `hearing.comment:${commentId}`).where('mailed_at', 'is', null).execute();
      await audit(tx, { id: user.id, label: user.email }, { action: 'hearing.comment_withdraw', entity: 'hearing_comment', entityId: commentId, organisationId: c.organisation_id, details: { hearing: h.id } });
    });
  }

  /** Saves the body's draft response (and a jobcenter's verdict on a grant plan), if `revision` is current. */
  async draft(user: User, h: Hearing, body: Body, revision: number, text: string, verdict?: Verdict | null) {
    const access = await bodyAccess(this.db, user, body, this.today());
    if (!access.member && !access.secretariat) throw new DocumentError(403, 'forbidden', `Kun medlemmer af ${body.name} og rådets sekretariat kan skrive høringssvaret.`);
    if (body.state === 'adopted') throw new DocumentError(409, 'state', `${body.name}s høringssvar er vedtaget og kan ikke ændres.`);
    if (verdict !== undefined && body.kind !== 'jobcenter') throw new DocumentError(400, 'invalid_field', 'Feltet Inden for rammerne: kun et jobcenter, der er hørt over en handleplan for LBR-midler, siger, om planen ligger inden for rammen.', { field: 'verdict' });
    return this.store(user, h, body, revision, { response: text, state: 'draft', ...(verdict !== undefined ? { verdict } : {}) }, 'draft');
  }

  /** Adopts the body's response: by the chair or the region here; by a meeting through `adoptAtMeeting`. */
  async adopt(user: User, h: Hearing, body: Body, revision: number) {
    const access = await bodyAccess(this.db, user, body, this.today());
    if (!access.adopt) {
      throw new DocumentError(403, 'forbidden', body.kind === 'jobcenter' ? `Kun ${body.name}s redaktører kan afgive jobcentrets høringssvar.` : body.kind === 'employment_region' ? 'Kun regionens medarbejdere kan afgive regionens høringssvar.' : `Efter forretningsordenen vedtager ${body.name} sit høringssvar på et møde: sæt det på dagsordenen, og registrér beslutningen dér.`);
    }
    return this.db.transaction().execute((tx) => this.adoptIn(tx, { id: user.id, label: user.email }, h, body, revision, access.adopt === 'chair' ? `formanden (${user.name})` : `${body.name} (${user.name})`, null));
  }

  /**
   * Adopts a response by a meeting's decision, inside the meeting's transaction. `text` is the
   * response as the meeting adopted it: an amendment made at the meeting is stored as a revision
   * of its own ("Ændret på mødet") before the adoption, so the adopted text is what was decided.
   */
  async adoptAtMeeting(tx: Transaction<Database>, actor: AuditActor, hearingId: number, organisationId: number, meeting: { id: number; title: string; item: number }, text?: string): Promise<string> {
    const h = await findHearing(tx, hearingId);
    const found = h?.bodies.find((b) => b.organisation_id === organisationId);
    if (!h || !found) throw new DocumentError(404, 'not_found', 'Høringssvaret findes ikke.');
    let body: Body = found;
    if (body.state === 'adopted') return body.response;
    if (text !== undefined && text.trim() !== '' && text.trim() !== body.response.trim()) {
      // Stored before adoptIn's checks; a refusal there rolls it back with the meeting's transaction.
      const amended = await this.storeIn(tx, actor, h, body, body.revision, { response: text.trim() }, 'amend');
      body = { ...body, response: amended.response, revision: amended.revision };
    }
    if (body.response.trim() === '') throw new DocumentError(409, 'state', `${body.name}s høringssvar er tomt: skriv udkastet, før mødet vedtager det.`);
    await this.adoptIn(tx, actor, h, body, body.revision, `${meeting.title}, punkt ${meeting.item}`, meeting.id);
    return body.response;
  }

  private async adoptIn(tx: Transaction<Database>, actor: AuditActor, h: Hearing, body: Body, revision: number, by: string, meetingId: number | null) {
    if (body.state === 'adopted') throw new DocumentError(409, 'state', `${body.name}s høringssvar er allerede vedtaget.`);
    if (body.response.trim() === '') throw new DocumentError(409, 'state', 'Skriv høringssvaret, før det vedtages.');
    if (body.kind === 'jobcenter' && !body.verdict) throw new DocumentError(409, 'verdict', 'Sig, om handleplanen ligger inden for beskæftigelsesplanens rammer, før jobcentrets høringssvar afgives.', { field: 'verdict' });
    if (h.closed_at) throw new DocumentError(409, 'hearing_closed', 'Høringen er afsluttet (dokumentet er godkendt eller taget tilbage).');
    const now = this.deps.clock.now();
    const late = danishDate(now) > h.deadline;
    const stored = await this.storeIn(tx, actor, h, body, revision, { response: body.response, state: 'adopted', adopted_at: now, adopted_by: by, meeting_id: meetingId, late }, 'adopt');
    const doc = await tx.selectFrom('document').select(['id', 'kind', 'area', 'year']).where('id', '=', h.document_id).executeTakeFirstOrThrow();
    const header = `Høringssvar fra ${body.name}, vedtaget ${now.toLocaleDateString('da-DK', { timeZone: 'Europe/Copenhagen' })} (${by}).${late ? ` Modtaget efter fristen ${dayText(h.deadline)}.` : ''}`;
    // A kind without comments (the grant plan) keeps the response in the hearing only.
    if (kindSpec(doc.kind as DocumentKind).comments !== null) await attachComments(tx, actor, h.document_id, body.code.startsWith('LBR-') ? 'lbr' : 'region', `${header}\n\n${body.response.trim()}`, now);
    await this.deps.notifier.notify(tx, [...(await editorIds(tx, doc.area)), ...(await bodyUserIds(tx, body, danishDate(now)))], {
      key: `hearing.adopted:${h.id}:${body.organisation_id}`,
      title: `Høringssvar vedtaget: ${docTitle(doc as StoredDocument)}`,
      body: `${header} Svaret er føjet til dokumentets bemærkninger.`,
      link: `/dokumenter/${doc.id}`,
    });
    return stored;
  }

  private store(user: User, h: Hearing, body: Body, revision: number, set: Partial<Body>, event: string) {
    return this.db.transaction().execute((tx) => this.storeIn(tx, { id: user.id, label: user.email }, h, body, revision, set, event));
  }

  /** One new revision of a body's response, with its version row and audit entry; stale revisions are refused. */
  private async storeIn(tx: Transaction<Database>, actor: AuditActor, h: Hearing, body: Body, revision: number, set: Partial<Body>, event: string) {
    const cur = await tx.selectFrom('hearing_body').selectAll().where('hearing_id', '=', h.id).where('organisation_id', '=', body.organisation_id).forUpdate().executeTakeFirstOrThrow();
    if (cur.revision !== revision) {
      throw new DocumentError(409, 'conflict', `Høringssvaret er ændret af ${cur.updated_by ?? 'en anden'}, efter du åbnede det (du havde version ${revision}, nu er det version ${cur.revision}). Din tekst er ikke gemt, men står stadig i feltet.`);
    }
    const next = { response: set.response ?? cur.response, state: set.state ?? cur.state, revision: cur.revision + 1, adopted_at: set.adopted_at ?? cur.adopted_at, adopted_by: set.adopted_by ?? cur.adopted_by, meeting_id: set.meeting_id ?? cur.meeting_id, late: set.late ?? cur.late, verdict: set.verdict !== undefined ? set.verdict : cur.verdict, updated_at: this.deps.clock.now(), updated_by: actor.label };
    await tx.updateTable('hearing_body').set(next).where('hearing_id', '=', h.id).where('organisation_id', '=', body.organisation_id).execute();
    await tx.insertInto('hearing_response_version').values({ hearing_id: h.id, organisation_id: body.organisation_id, revision: next.revision, event, state: next.state, response: next.response, actor: actor.label }).execute();
    await audit(tx, actor, { action: `hearing.response_${event}`, entity: 'hearing_response', entityId: `${h.id}:${body.code}`, organisationId: body.organisation_id, details: { hearing: h.id, revision: next.revision, state: next.state, late: next.late, verdict: next.verdict } });
    return next;
  }

  async versions(h: Hearing, organisationId: number) {
    return this.db.selectFrom('hearing_response_version').select(['revision', 'event', 'state', 'response', 'actor', 'created_at']).where('hearing_id', '=', h.id).where('organisation_id', '=', organisationId).orderBy('revision', 'desc').execute();
  }

  /** Reminders to the bodies that have not adopted a response, 7 days and 1 day before the deadline (and on the day). */
  async reminders(): Promise<number> {
    const today = this.today();
    const open = await this.db.selectFrom('hearing').select(['id', 'document_id', 'deadline']).where('closed_at', 'is', null).where('deadline', '>=', today).where('deadline', '<=', addDays(today, 7)).execute();
    let n = 0;
    for (const o of open) {
      const days = Math.round((Date.parse(o.deadline) - Date.parse(today)) / 86_400_000);
      if (days !== 7 && days !== 1 && days !== 0) continue;
      const h = (await findHearing(this.db, o.id))!;
      const doc = await this.db.selectFrom('document').select(['id', 'kind', 'area', 'year']).where('id', '=', o.document_id).executeTakeFirstOrThrow();
      for (const b of h.bodies.filter((x) => x.state !== 'adopted')) {
        await this.deps.notifier.notify(this.db, await bodyUserIds(this.db, b, today), {
          key: `reminder:hearing:${h.id}:${b.organisation_id}:${days}`,
          title: days === 0 ? `Fristen er i dag: høringssvar om ${docTitle(doc as StoredDocument)}` : `Frist om ${days} ${days === 1 ? 'dag' : 'dage'}: høringssvar om ${docTitle(doc as StoredDocument)}`,
          body: `${b.name} har ${b.state === 'draft' ? 'et udkast, men intet vedtaget' : 'endnu ikke afgivet'} høringssvar. Fristen er ${dayText(h.deadline)}.`,
          link: `/dokumenter/${doc.id}/hoering`,
        });
        n++;
      }
    }
    return n;
  }
}
