/**
 * What the steering documents hold, read through the kinds' sections lists (kinds/): every
 * target of a document with its path, and the content a new document starts with.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { Target } from '../targets/index.js';
import { goalsInForce } from './goals.js';
import { kindSpec, type DocumentKind } from './kinds/index.js';

export * from './kinds/index.js';

/** Every target of a document, with its path in the content and the part it sits in. */
export function targetsOf(kind: DocumentKind, content: unknown): { path: string; section: string; target: Target }[] {
  return kindSpec(kind)
    .sections(content)
    .flatMap((s) => (s.type === 'targets' ? s.targets.map((target, i) => ({ path: `${s.path}.${i}`, section: s.group, target })) : []));
}

/** The content a new document starts with (a plan gets the year's ministerial goals); null when the platform makes it from the bank. */
export async function newDocumentContent(db: Kysely<Database>, kind: DocumentKind, year: number): Promise<unknown> {
  const create = kindSpec(kind).create;
  if (create === 'generated') return null;
  const { goals } = await goalsInForce(db, year);
  return create({ year, goals });
}
