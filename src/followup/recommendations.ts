/**
 * An LBR's recommendation to the RBR that a special focus is put on areas (seed 001: "kan det
 * lokale beskæftigelsesråd indstille til det regionale beskæftigelsesråd"). The region must
 * answer; until it has, the recommendation stands open in the case list. The region's
 * monitors are told of a new one, the LBR's members of the answer.
 */
import type { Kysely, Transaction } from 'kysely';
import { audit, type AuditActor } from '../access/index.js';
import { councilUserIds } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { DocumentError } from '../documents/index.js';
import type { Notifier } from '../notifications/index.js';
import { areaName, employmentRegionOf } from '../reference/index.js';


export async function listRecommendations(db: Kysely<Database>, jobcenters: string[]) {
  const rows = await db.selectFrom('followup_recommendation').selectAll().where('jobcenter', 'in', jobcenters.length ? jobcenters : ['-']).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ ...r, jobcenter_name: areaName(r.jobcenter), answered: r.answer !== null }));
}

async function monitorIds(db: Transaction<Database>, region: string) {
  return (await db.selectFrom('app_user as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select('u.id').where('u.role', '=', 'regional_monitor').where('o.area', '=', region).where('u.disabled_at', 'is', null).execute()).map((r) => r.id);
}

export async function recommend(db: Kysely<Database>, actor: AuditActor, deps: { notifier: Notifier; today: string }, jobcenter: string, text: string) {
  const region = employmentRegionOf(jobcenter)!;
  return db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('followup_recommendation').values({ jobcenter, text, created_by: actor.label, answer: null, answered_at: null, answered_by: null }).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'followup.recommendation', entity: 'followup_recommendation', entityId: row.id, details: { jobcenter } });
    await deps.notifier.notify(tx, await monitorIds(tx, region.id), { key: `followup.recommendation:${row.id}`, title: `Indstilling fra LBR ${areaName(jobcenter).replace(/^Jobcenter /, '')}`, body: `Det lokale beskæftigelsesråd indstiller til RBR, at der sættes særligt fokus på: ${text.slice(0, 300)}. Regionen skal svare.`, link: '/opfoelgning' });
    return { ...row, jobcenter_name: areaName(jobcenter), answered: false };
  });
}

export async function answerRecommendation(db: Kysely<Database>, actor: AuditActor, deps: { notifier: Notifier; today: string }, id: number, version: number, answer: string, visible: string[]) {
  return db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom('followup_recommendation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r || !visible.includes(r.jobcenter)) throw new DocumentError(404, 'not_found', `Indstilling ${id} findes ikke, eller du har ikke adgang til den.`);
    if (r.version !== version) throw new DocumentError(409, 'conflict', `Indstillingen er ændret af ${r.answered_by ?? r.created_by}, efter du åbnede den. Intet er gemt; hent siden igen.`, { current: { revision: r.version, updated_by: r.answered_by ?? r.created_by, updated_at: r.answered_at ?? r.created_at } });
    const row = await tx.updateTable('followup_recommendation').set({ answer, answered_at: new Date(), answered_by: actor.label, version: r.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'followup.recommendation.answer', entity: 'followup_recommendation', entityId: id, details: { jobcenter: r.jobcenter, version: row.version } });
    const lbr = await tx.selectFrom('organisation').select('id').where('code', '=', `LBR-${r.jobcenter}`).executeTakeFirst();
    if (lbr) await deps.notifier.notify(tx, await councilUserIds(tx, lbr.id, deps.today), { key: `followup.recommendation.answer:${id}`, title: 'Regionens svar på LBR’s indstilling', body: answer.slice(0, 500), link: '/opfoelgning' });
    return { ...row, jobcenter_name: areaName(r.jobcenter), answered: true };
  });
}
