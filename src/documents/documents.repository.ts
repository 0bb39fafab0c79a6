/**
 * Storage of the steering documents: every change is a new revision, stored as a version with
 * the event that made it, in the same transaction as the audit log entry. A save names the
 * revision it edited; if someone else saved in between, it is refused (DocumentConflict) and
 * nothing is written.
 */
import type { Kysely, Transaction } from 'kysely';
import { audit, HttpError, type AuditActor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { kindNames, type DocumentKind } from './content.js';
import { checkContent, type ContentIssue } from './minimum.js';

import { stateNames, type DocumentState } from './names.js';

export { documentStates, stateNames, type DocumentState } from './names.js';

/** The municipal council's approval: the meeting date and its decision. */
export interface Approval {
  date: string;
  decision: string;
}

export interface StoredDocument {
  id: number;
  kind: DocumentKind;
  area: string;
  year: number;
  state: DocumentState;
  revision: number;
  content: unknown;
  approval: Approval | null;
  created_at: Date;
  updated_at: Date;
  updated_by: string;
  published_at: Date | null;
}

export interface DocumentVersion {
  revision: number;
  event: string;
  state: DocumentState;
  actor: string;
  created_at: Date;
}

export const eventNames: Record<string, string> = {
  created: 'Oprettet',
  saved: 'Gemt',
  generated: 'Dannet fra statistikken',
  comment: 'Bemærkninger skrevet',
  hearing_response: 'Høringssvar vedtaget og tilføjet',
  send_to_hearing: 'Sendt i høring',
  reopen: 'Taget tilbage til kladde',
  approve: 'Godkendt af kommunalbestyrelsen',
  publish: 'Offentliggjort',
};

/** Refused with a status and a Danish message, naming the field where there is one. */
export class DocumentError extends HttpError {
  constructor(status: number, code: string, message: string, details?: { field?: string; missing?: ContentIssue[]; current?: { revision: number; updated_by: string; updated_at: Date } }) {
    super(status, code, message, details);
  }
}

type Conn = Kysely<Database> | Transaction<Database>;

/** The refusal of a save made on an old revision: who changed the document since, and when. */
export function conflictError(doc: StoredDocument, revision: number): DocumentError {
  const at = doc.updated_at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
  return new DocumentError(
    409,
    'conflict',
    `Dokumentet er ændret af ${doc.updated_by} (${at}), efter du åbnede det (du havde version ${revision}, nu er det version ${doc.revision}). Dine ændringer er ikke gemt, men heller ikke tabt: de står stadig i formularen. Hent den nye version, og indsæt dem igen.`,
    { current: { revision: doc.revision, updated_by: doc.updated_by, updated_at: doc.updated_at } },
  );
}

const toDocument = (r: Record<string, unknown>): StoredDocument => r as unknown as StoredDocument;

export async function findDocument(db: Conn, id: number): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDocument(row);
}

export async function findDocumentFor(db: Conn, kind: DocumentKind, area: string, year: number): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('document').selectAll().where('kind', '=', kind).where('area', '=', area).where('year', '=', year).executeTakeFirst();
  return row && toDocument(row);
}

/** Documents by kind, areas, years and states (all when a filter is left out), newest year first. */
export async function listDocuments(db: Conn, f: { kind?: DocumentKind; areas?: string[]; years?: number[]; states?: DocumentState[] } = {}): Promise<StoredDocument[]> {
  let q = db.selectFrom('document').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.areas) q = q.where('area', 'in', f.areas.length ? f.areas : ['-']);
  if (f.years) q = q.where('year', 'in', f.years.length ? f.years : [-1]);
  if (f.states) q = q.where('state', 'in', f.states.length ? f.states : ['-']);
  return (await q.orderBy('year', 'desc').orderBy('area').orderBy('kind').execute()).map(toDocument);
}

export async function listVersions(db: Conn, id: number): Promise<DocumentVersion[]> {
  return (await db.selectFrom('document_version').select(['revision', 'event', 'state', 'actor', 'created_at']).where('document_id', '=', id).orderBy('revision', 'desc').execute()) as DocumentVersion[];
}

export async function findVersion(db: Conn, id: number, revision: number): Promise<(DocumentVersion & { content: unknown; approval: Approval | null }) | undefined> {
  return (await db.selectFrom('document_version').selectAll().where('document_id', '=', id).where('revision', '=', revision).executeTakeFirst()) as
    | (DocumentVersion & { content: unknown; approval: Approval | null })
    | undefined;
}

async function organisationOf(db: Conn, area: string): Promise<number | null> {
  return (await db.selectFrom('organisation').select('id').where('code', '=', area).executeTakeFirst())?.id ?? null;
}

async function record(db: Transaction<Database>, actor: AuditActor, doc: StoredDocument, event: string, at?: Date): Promise<void> {
  await db
    .insertInto('document_version')
    .values({ document_id: doc.id, revision: doc.revision, event, state: doc.state, content: JSON.stringify(doc.content), approval: doc.approval ? JSON.stringify(doc.approval) : null, actor: actor.label, ...(at ? { created_at: at } : {}) })
    .execute();
  await audit(db, actor, {
    action: `document.${event}`,
    entity: doc.kind,
    entityId: doc.id,
    organisationId: await organisationOf(db, doc.area),
    details: { area: doc.area, year: doc.year, revision: doc.revision, state: doc.state },
  });
}

export async function createDocument(db: Kysely<Database>, actor: AuditActor, d: { kind: DocumentKind; area: string; year: number; content: unknown; event?: string }): Promise<StoredDocument> {
  return db.transaction().execute(async (tx) => {
    if (await findDocumentFor(tx, d.kind, d.area, d.year)) throw new DocumentError(409, 'exists', `Der findes allerede en ${kindNames[d.kind].toLowerCase()} for ${d.area} ${d.year}.`);
    const row = await tx
      .insertInto('document')
      .values({ kind: d.kind, area: d.area, year: d.year, state: 'draft', revision: 1, content: JSON.stringify(d.content), approval: null, updated_by: actor.label })
      .returningAll()
      .executeTakeFirstOrThrow();
    const doc = toDocument(row);
    await record(tx, actor, doc, d.event ?? 'created');
    return doc;
  });
}

/** What a revision sets, given the current document (locked). */
type Change = (doc: StoredDocument) => Partial<Pick<StoredDocument, 'content' | 'state' | 'approval' | 'published_at'>>;
/** Runs in the same transaction once the revision is stored. */
type After = (tx: Transaction<Database>, before: StoredDocument, next: StoredDocument) => Promise<void>;

/** A revision to store: who, on which revision (null: whatever is current, for changes the platform makes), the event, when, what it sets, and what runs after it in the same transaction. */
interface Revision {
  actor: AuditActor;
  id: number;
  revision: number | null;
  event: string;
  at?: Date;
  change: Change;
  after?: After;
}

/**
 * Stores a new revision of a document in the caller's transaction, if `revision` is still the
 * current one. `change` gets the current document (locked) and returns what to set.
 */
async function revise(tx: Transaction<Database>, { actor, id, revision, event, at = new Date(), change, after }: Revision): Promise<StoredDocument> {
  const row = await tx.selectFrom('document').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new DocumentError(404, 'not_found', `Dokument ${id} findes ikke.`);
  const doc = toDocument(row);
  if (revision !== null && doc.revision !== revision) throw conflictError(doc, revision);
  const set = change(doc);
  const next: StoredDocument = { ...doc, ...set, revision: doc.revision + 1, updated_at: at, updated_by: actor.label };
  await tx
    .updateTable('document')
    .set({
      state: next.state,
      revision: next.revision,
      content: JSON.stringify(next.content),
      approval: next.approval ? JSON.stringify(next.approval) : null,
      updated_at: next.updated_at,
      updated_by: next.updated_by,
      published_at: next.published_at,
    })
    .where('id', '=', id)
    .execute();
  await record(tx, actor, next, event, at);
  await after?.(tx, doc, next);
  return next;
}

/** What a user may change in each state: the content only in a draft (comments also in hearing). */
export async function saveContent(db: Kysely<Database>, actor: AuditActor, id: number, revision: number, content: unknown, event = 'saved', at = new Date()): Promise<StoredDocument> {
  const change: Change = (doc) => {
    const editable: DocumentState[] = event === 'comment' ? ['draft', 'in_hearing'] : ['draft'];
    if (!editable.includes(doc.state)) throw new DocumentError(409, 'state', `Dokumentet er ${stateNames[doc.state].toLowerCase()} og kan ikke ændres${event === 'comment' ? '' : '. Tag det tilbage til kladde først, hvis det er i høring'}.`);
    return { content };
  };
  return db.transaction().execute((tx) => revise(tx, { actor, id, revision, event, at, change }));
}

export const transitions = {
  send_to_hearing: { from: ['draft'], to: 'in_hearing', label: 'Send i høring' },
  reopen: { from: ['in_hearing'], to: 'draft', label: 'Tag tilbage til kladde' },
  approve: { from: ['in_hearing'], to: 'approved', label: 'Registrér godkendelse' },
  publish: { from: ['approved'], to: 'published', label: 'Offentliggør' },
} as const satisfies Record<string, { from: DocumentState[]; to: DocumentState; label: string }>;
export type TransitionName = keyof typeof transitions;

/** A region's implementation plan is the region's own: it is published straight from the draft. */
/**
 * A region's implementation plan is the region's own: it is published straight from the draft.
 * A council's rules of procedure, adopted by the council itself, are only published.
 */
export const fromStates = (kind: DocumentKind, t: TransitionName): readonly DocumentState[] =>
  kind === 'rules_of_procedure' ? (t === 'publish' ? ['draft'] : []) : kind === 'implementation_plan' && t === 'publish' ? ['draft'] : transitions[t].from;

/**
 * Runs in the transition's transaction after the change: opens the hearing, guards the
 * approval (throwing undoes the transition), notifies. Wired by the server (src/hearings).
 */
export type TransitionHook = (tx: Transaction<Database>, e: { actor: AuditActor; name: TransitionName; before: StoredDocument; after: StoredDocument; options: unknown }) => Promise<void>;

/**
 * Adds an adopted hearing response to the comments (bemærkninger) of `who`, as the platform, in
 * the caller's transaction. It is appended: what was written before (an earlier hearing's
 * response, comments from the dialogue) stays.
 */
export async function attachComments(tx: Transaction<Database>, actor: AuditActor, id: number, who: 'lbr' | 'region', text: string, at = new Date()): Promise<StoredDocument> {
  const change: Change = (doc) => {
    const content = doc.content as { comments?: { lbr: string; region: string } };
    if (!content.comments) throw new DocumentError(409, 'state', 'Dokumentet har ingen bemærkninger.');
    const before = content.comments[who].trim();
    return { content: { ...content, comments: { ...content.comments, [who]: before ? `${before}\n\n${text}` : text } } };
  };
  return revise(tx, { actor, id, revision: null, event: 'hearing_response', at, change });
}

export interface TransitionOptions {
  /** The municipal council's approval (for `approve`). */
  approval?: Approval;
  /** Runs in the transaction (src/hearings). */
  hook?: TransitionHook;
  /** Passed to the hook: e.g. the hearing's deadline and bodies. */
  options?: unknown;
  /** When it happens (the server's clock). */
  at?: Date;
}

export async function transition(db: Kysely<Database>, actor: AuditActor, id: number, revision: number, name: TransitionName, o: TransitionOptions = {}): Promise<StoredDocument> {
  const t = transitions[name];
  const { approval, hook, options, at = new Date() } = o;
  const change: Change = (doc) => {
    if (!fromStates(doc.kind, name).includes(doc.state)) {
      throw new DocumentError(409, 'state', `"${t.label}" kan ikke bruges, når dokumentet er ${stateNames[doc.state].toLowerCase()}.`);
    }
    if (name === 'send_to_hearing') {
      const { missing } = checkContent(doc.kind, doc.content);
      if (missing.length > 0) throw new DocumentError(422, 'minimum_content', `Dokumentet kan ikke sendes i høring: ${missing.length} krav til minimumsindholdet er ikke opfyldt.`, { missing });
    }
    if (name === 'approve' && !approval) throw new DocumentError(400, 'invalid', 'Angiv dato og beslutning for kommunalbestyrelsens godkendelse.', { field: 'approval' });
    return { state: t.to, ...(name === 'approve' ? { approval } : {}), ...(name === 'publish' ? { published_at: at } : {}) };
  };
  const after: After | undefined = hook && ((tx, before, next) => hook(tx, { actor, name, before, after: next, options }));
  return db.transaction().execute((tx) => revise(tx, { actor, id, revision, event: name, at, change, after }));
}
