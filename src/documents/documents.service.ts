/**
 * The documents' rules: who may read, write and make each kind, what may change in each state,
 * the state machine with the minimum-content gate, and the hook other modules run inside a
 * transition. The routes call these; the repository only stores.
 */
import type { Kysely, Transaction } from 'kysely';
import { permittedIn, type AuditActor, type User } from '../access/index.js';
import type { Database } from '../db/index.js';
import { areaById } from '../reference/index.js';
import { revise, type After, type Change } from './documents.repository.js';
import { DocumentError } from './errors.js';
import { kindNames, kindSpec, type Approval, type AreaLevel, type DocumentKind, type StoredDocument } from './kinds/index.js';
import { checkContent } from './minimum.js';
import { stateNames, transitions, type DocumentState, type TransitionName } from './names.js';


/** May the user see the document? Published ones are public; drafts follow `documents.drafts` within the user's area. */
export const mayRead = (u: User | null, d: Pick<StoredDocument, 'state' | 'area'>) => d.state === 'published' || permittedIn(u, 'documents.drafts', d.area);

/** May the user comment (bemærkninger) on documents of the area? */
export const mayComment = (u: User | null, area: string) => !!u && permittedIn(u, 'documents.comment', area);

/** The area's level, if a document of the kind belongs to that level. */
const levelFor = (kind: DocumentKind, area: string): AreaLevel | undefined => {
  const level = areaById.get(area)?.level;
  return kindSpec(kind).levels.find((l) => l === level);
};

/** May the user write it? The kind names its editor by the area's level (kinds/); national administrators always may. */
export const mayEdit = (u: User | null, d: { kind: DocumentKind; area: string }) => {
  if (!u || !permittedIn(u, 'documents.edit', d.area)) return false;
  if (u.role === 'national_admin') return true;
  const level = levelFor(d.kind, d.area);
  return !!level && kindSpec(d.kind).editor(level) === u.role;
};

const levelNames: Record<string, string> = { jobcenter: 'et jobcenter', employment_region: 'en beskæftigelsesregion', country: 'hele landet (DK)' };

/** Refuses a new document of a kind for an area of the wrong level, or for a user who may not write it. */
export function assertMayCreate(u: User | null, d: { kind: DocumentKind; area: string }): void {
  const levels = kindSpec(d.kind).levels;
  if (!levelFor(d.kind, d.area)) throw new DocumentError(400, 'invalid_field', `Feltet area: ${d.area} er ikke ${levels.map((l) => levelNames[l]).join(' eller ')}.`, { field: 'area' });
  if (!mayEdit(u, d)) throw new DocumentError(403, 'forbidden', `Din rolle giver ikke adgang til at oprette en ${kindNames[d.kind].toLowerCase()}.`);
}

/** The states a transition starts from for a kind (its own where it says so). */
export const fromStates = (kind: DocumentKind, t: TransitionName): readonly DocumentState[] => kindSpec(kind).transitions?.[t] ?? transitions[t].from;

/** The transitions open from the document's state. */
export const openTransitions = (d: Pick<StoredDocument, 'kind' | 'state'>) => (Object.keys(transitions) as TransitionName[]).filter((t) => fromStates(d.kind, t).includes(d.state)).map((id) => ({ id, label: transitions[id].label }));

/** A user's change of the content: only in a draft (comments also in hearing). */
export async function saveContent(db: Kysely<Database>, actor: AuditActor, id: number, revision: number, content: unknown, event: 'saved' | 'comment' | 'generated' = 'saved', at = new Date()): Promise<StoredDocument> {
  const change: Change = (doc) => {
    const editable: DocumentState[] = event === 'comment' ? ['draft', 'in_hearing'] : ['draft'];
    if (!editable.includes(doc.state)) throw new DocumentError(409, 'state', `Dokumentet er ${stateNames[doc.state].toLowerCase()} og kan ikke ændres${event === 'comment' ? '' : '. Tag det tilbage til kladde først, hvis det er i høring'}.`);
    return { content };
  };
  return db.transaction().execute((tx) => revise(tx, { actor, id, revision, event, at, change }));
}

/**
 * Adds an adopted hearing response to the comments (bemærkninger) of `who`, as the platform, in
 * the caller's transaction. It is appended: what was written before (an earlier hearing's
 * response, comments from the dialogue) stays.
 */
export async function attachComments(tx: Transaction<Database>, actor: AuditActor, id: number, who: 'lbr' | 'region', text: string, at = new Date()): Promise<StoredDocument> {
  const change: Change = (doc) => {
    const content = doc.content as { comments?: { lbr: string; region: string } };
    if (!kindSpec(doc.kind).comments || !content.comments) throw new DocumentError(409, 'state', 'Dokumentet har ingen bemærkninger.');
    const before = content.comments[who].trim();
    return { content: { ...content, comments: { ...content.comments, [who]: before ? `${before}\n\n${text}` : text } } };
  };
  return revise(tx, { actor, id, revision: null, event: 'hearing_response', at, change });
}

/**
 * What another module runs inside every transition, after the new revision is stored and in its
 * transaction: throwing undoes the transition. The server installs src/hearings' hooks here:
 * "send to hearing" opens the hearing (with `options`: the deadline and bodies the user chose),
 * "approve" is refused while the hearing runs, and approval and publication notify the RBR.
 */
export type TransitionHook = (tx: Transaction<Database>, e: { actor: AuditActor; name: TransitionName; before: StoredDocument; after: StoredDocument; options: unknown }) => Promise<void>;

export interface TransitionOptions {
  /** The municipal council's approval (for `approve`). */
  approval?: Approval;
  hook?: TransitionHook;
  /** Passed to the hook: e.g. the hearing's deadline and bodies. */
  options?: unknown;
  /** When it happens (the server's clock). */
  at?: Date;
}

/**
 * Moves a document on, if `revision` (the one the user saw) is still current: refused when the
 * kind does not allow it from the state, when the minimum content is missing before a hearing
 * (or a publication straight from the draft),
 * and without the council's decision for an approval.
 */
export async function transition(db: Kysely<Database>, actor: AuditActor, id: number, revision: number, name: TransitionName, o: TransitionOptions = {}): Promise<StoredDocument> {
  const t = transitions[name];
  const { approval, hook, options, at = new Date() } = o;
  const change: Change = (doc) => {
    if (!fromStates(doc.kind, name).includes(doc.state)) {
      throw new DocumentError(409, 'state', `"${t.label}" kan ikke bruges, når dokumentet er ${stateNames[doc.state].toLowerCase()}.`);
    }
    // The minimum gate: before the hearing, or before publication where a kind is published straight from the draft.
    if (name === 'send_to_hearing' || (name === 'publish' && doc.state === 'draft')) {
      const { missing } = checkContent(doc.kind, doc.content);
      const what = name === 'publish' ? 'offentliggøres' : 'sendes i høring';
      if (missing.length > 0) throw new DocumentError(422, 'minimum_content', `Dokumentet kan ikke ${what}: ${missing.length} krav til minimumsindholdet er ikke opfyldt.`, { missing });
    }
    if (name === 'approve' && !approval) throw new DocumentError(400, 'invalid', `Angiv dato og beslutning for ${(kindSpec(doc.kind).approvedBy?.legend ?? 'Kommunalbestyrelsens godkendelse').toLowerCase()}.`, { field: 'approval' });
    return { state: t.to, ...(name === 'approve' ? { approval } : {}), ...(name === 'publish' ? { published_at: at } : {}) };
  };
  const after: After | undefined = hook && ((tx, before, next) => hook(tx, { actor, name, before, after: next, options }));
  return db.transaction().execute((tx) => revise(tx, { actor, id, revision, event: name, at, change, after }));
}
