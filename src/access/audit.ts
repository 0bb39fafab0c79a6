/** The audit log: every change, written in the same transaction as the change itself. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/index.js';

type Conn = Kysely<Database> | Transaction<Database>;

/** Who did it: a user, or the command line / system. */
export interface AuditActor {
  id: number | null;
  /** Shown in the log: the user's e-mail, or e.g. `styr (kommandolinje)`. */
  label: string;
}

export async function audit(
  db: Conn,
  actor: AuditActor,
  e: { action: string; entity: string; entityId?: string | number | null; organisationId?: number | null; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor.id,
      actor: actor.label,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      organisation_id: e.organisationId ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  /** The organisation's code and, for people, its name. */
  organisation: string | null;
  organisation_name: string | null;
  details: Record<string, unknown>;
}

/** Newest first; `organisationIds` keeps entries about those organisations only. */
export async function listAudit(db: Conn, q: { limit: number; before?: number; organisationIds?: number[] }): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.at', 'a.actor', 'a.action', 'a.entity', 'a.entity_id', 'a.details', 'o.code as organisation', 'o.name as organisation_name'])
    .orderBy('a.id', 'desc')
    .limit(q.limit);
  if (q.before !== undefined) query = query.where('a.id', '<', String(q.before));
  if (q.organisationIds) query = query.where('a.organisation_id', 'in', q.organisationIds.length > 0 ? q.organisationIds : [-1]);
  return (await query.execute()).map((r) => ({ ...r, id: Number(r.id) }));
}
