/** The documents' refusals: a status and a Danish message, naming the field where there is one. */
import { HttpError } from '../access/index.js';
import type { ContentIssue, StoredDocument } from './kinds/index.js';

export class DocumentError extends HttpError {
  constructor(status: number, code: string, message: string, details?: { field?: string; missing?: ContentIssue[]; current?: { revision: number; updated_by: string; updated_at: Date } }) {
    super(status, code, message, details);
  }
}

/** The refusal of a change made on an old revision: who changed the document since, and when. */
export function conflictError(doc: StoredDocument, revision: number): DocumentError {
  const at = doc.updated_at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
  return new DocumentError(
    409,
    'conflict',
    `Dokumentet er ændret af ${doc.updated_by} (${at}), efter du åbnede det (du havde version ${revision}, nu er det version ${doc.revision}). Dine ændringer er ikke gemt, men heller ikke tabt: de står stadig i formularen. Hent den nye version, og indsæt dem igen.`,
    { current: { revision: doc.revision, updated_by: doc.updated_by, updated_at: doc.updated_at } },
  );
}
