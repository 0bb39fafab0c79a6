/**
 * Storage of the steering documents (Kysely only; the rules are in documents.service.ts): every
 * change is a new revision, stored as a version with the event that made it, in the same
 * transaction as the audit log entry. A change names the revision it was made on; if someone
 * else changed the document in between, it is refused (409 conflict) and nothing is written.
 */
import type { Kysely, Transaction } from 'kysely';
import { audit, type AuditActor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { conflictError, DocumentError } from './errors.js';
import { documentPeriodName, kindNames, type Approval, type DocumentKind, type StoredDocument } from './kinds/index.js';
import type { DocumentState } from './names.js';

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

export type Conn = Kysely<Database> | Transaction<Database>;

const toDocument = (r: Record<string, unknown>): StoredDocument => r as unknown as StoredDocument;

export async function findDocument(db: Conn, id: number): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDocument(row);
}

/** The document of a kind for an area and year (and quarter, for a quarterly kind). */
export async function findDocumentFor(db: Conn, kind: DocumentKind, area: string, year: number, period = ''): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('document').selectAll().where('kind', '=', kind).where('area', '=', area).where('year', '=', year).where('period', '=', period).executeTakeFirst();
  return row && toDocument(row);
}

/** Documents by kind, areas, years and states (all when a filter is left out), newest year first. */
export async function listDocuments(db: Conn, f: { kind?: DocumentKind; areas?: string[]; years?: number[]; periods?: string[]; states?: DocumentState[] } = {}): Promise<StoredDocument[]> {
  let q = db.selectFrom('document').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.periods) q = q.where('period', 'in', f.periods.length ? f.periods : ['-']);
  if (f.areas) q = q.where('area', 'in', f.areas.length ? f.areas : ['-']);
  if (f.years) q = q.where('year', 'in', f.years.length ? f.years : [-1]);
  if (f.states) q = q.where('state', 'in', f.states.length ? f.states : ['-']);
  return (await q.orderBy('year', 'desc').orderBy('period', 'desc').orderBy('area').orderBy('kind').execute()).map(toDocument);
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
    details: { area: doc.area, year: doc.year, ...(doc.period ? { period: doc.period } : {}), revision: doc.revision, state: doc.state },
  });
}

export async function createDocument(db: Kysely<Database>, actor: AuditActor, d: { kind: DocumentKind; area: string; year: number; period?: string; content: unknown; event?: string }): Promise<StoredDocument> {
  const period = d.period ?? '';
  return db.transaction().execute(async (tx) => {
    if (await findDocumentFor(tx, d.kind, d.area, d.year, period)) throw new DocumentError(409, 'exists', `Der findes allerede en ${kindNames[d.kind].toLowerCase()} for ${d.area} ${documentPeriodName({ year: d.year, period })}.`);
    const row = await tx
      .insertInto('document')
      .values({ kind: d.kind, area: d.area, year: d.year, period, state: 'draft', revision: 1, content: JSON.stringify(d.content), approval: null, updated_by: actor.label })
      .returningAll()
      .executeTakeFirstOrThrow();
    const doc = toDocument(row);
    await record(tx, actor, doc, d.event ?? 'created');
    return doc;
  });
}

/** What a revision sets, given the current document (locked). */
export type Change = (doc: StoredDocument) => Partial<Pick<StoredDocument, 'content' | 'state' | 'approval' | 'published_at'>>;
/** Runs in the same transaction once the revision is stored. */
export type After = (tx: Transaction<Database>, before: StoredDocument, next: StoredDocument) => Promise<void>;

/** A revision to store: who, on which revision (null: whatever is current, for changes the platform makes), the event, when, what it sets, and what runs after it in the same transaction. */
export interface Revision {
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
export async function revise(tx: Transaction<Database>, { actor, id, revision, event, at = new Date(), change, after }: Revision): Promise<StoredDocument> {
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

