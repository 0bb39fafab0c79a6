/** A council's own milestones ("our own yearly calendar"), each change audit-logged. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, type AuditActor } from '../access/index.js';
import type { Council } from '../councils/index.js';
import type { Database } from '../db/index.js';

export const milestoneSchema = z.object({
  due: z.iso.date('skriv datoen som ÅÅÅÅ-MM-DD'),
  title: z.string({ error: 'skriv en titel' }).trim().min(1, 'skriv en titel').max(200, 'må højst være 200 tegn'),
  description: z.string().trim().max(5000, 'må højst være 5000 tegn').default(''),
});
type MilestoneInput = z.infer<typeof milestoneSchema>;

export async function listMilestones(db: Kysely<Database>, councilId: number) {
  return db.selectFrom('council_milestone').select(['id', 'due', 'title', 'description', 'created_by', 'created_at']).where('council_id', '=', councilId).orderBy('due').orderBy('id').execute();
}

export async function addMilestone(db: Kysely<Database>, actor: AuditActor, council: Council, m: MilestoneInput) {
  return db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('council_milestone').values({ ...m, council_id: council.id, created_by: actor.label }).returning(['id', 'due', 'title', 'description', 'created_by', 'created_at']).executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'council_milestone.add', entity: 'council_milestone', entityId: row.id, organisationId: council.id, details: { council: council.code, due: m.due, title: m.title } });
    return row;
  });
}

/** False when the council has no such milestone. */
export async function removeMilestone(db: Kysely<Database>, actor: AuditActor, council: Council, id: number): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.deleteFrom('council_milestone').where('id', '=', id).where('council_id', '=', council.id).returning(['due', 'title']).executeTakeFirst();
    if (row) await audit(tx, actor, { action: 'council_milestone.remove', entity: 'council_milestone', entityId: id, organisationId: council.id, details: { council: council.code, ...row } });
    return !!row;
  });
}
