/**
 * The LBRs' grants (LBR-midler, seeds 000 and 002): each LBR's yearly frame, set nationally,
 * and the rules its grant plan (documents/kinds/grant_plan.ts) moves by: it goes to hearing
 * only with a frame for its year and a total within it, and the council adopts it only when the
 * jobcenter, heard, has said it is within the employment plan's frame ("if the two disagree
 * the money cannot be used").
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { audit, type AuditActor } from '../access/index.js';
import { findCouncil } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { DocumentError, kroner, planTotal, type GrantPlanContent, type TransitionHook } from '../documents/index.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface GrantFrame {
  year: number;
  amount: number;
  note: string;
  version: number;
  updated_at: Date;
  updated_by: string;
}

export const frameSchema = z.object({
  amount: z.number({ error: 'skriv beløbet som et tal' }).int('beløbet skal være i hele kroner').min(0, 'beløbet kan ikke være negativt').max(1_000_000_000, 'beløbet er for stort'),
  note: z.string().trim().max(2000).default(''),
  /** The version the user saw; absent for a new frame. */
  version: z.number().int().min(1).optional(),
});

const frames = (db: Conn, councilId: number) => db.selectFrom('council_grant').select(['year', 'amount', 'note', 'version', 'updated_at', 'updated_by']).where('council_id', '=', councilId);

/** A council's frames, newest year first. */
export const listFrames = (db: Conn, councilId: number): Promise<GrantFrame[]> => frames(db, councilId).orderBy('year', 'desc').execute();

export const frameOf = (db: Conn, councilId: number, year: number): Promise<GrantFrame | undefined> => frames(db, councilId).where('year', '=', year).executeTakeFirst();

/** Sets a council's frame for a year; a changed frame needs the version the user saw (409 when stale). */
export async function setFrame(db: Kysely<Database>, actor: AuditActor, councilId: number, year: number, input: z.infer<typeof frameSchema>, at = new Date()): Promise<GrantFrame> {
  return db.transaction().execute(async (tx) => {
    const cur = await tx.selectFrom('council_grant').select(['version', 'amount', 'updated_by']).where('council_id', '=', councilId).where('year', '=', year).forUpdate().executeTakeFirst();
    if (cur && input.version !== cur.version) {
      throw new DocumentError(409, 'conflict', `Rammen for ${year} er ændret af ${cur.updated_by}, efter du åbnede den (du havde ${input.version ? `version ${input.version}` : 'ingen version'}, nu er det version ${cur.version}). Dit beløb er ikke gemt.`, { field: 'version' });
    }
    if (!cur && input.version !== undefined) throw new DocumentError(409, 'conflict', `Rammen for ${year} findes ikke længere.`, { field: 'version' });
    const row = { amount: input.amount, note: input.note, version: (cur?.version ?? 0) + 1, updated_at: at, updated_by: actor.label };
    if (cur) await tx.updateTable('council_grant').set(row).where('council_id', '=', councilId).where('year', '=', year).execute();
    else await tx.insertInto('council_grant').values({ council_id: councilId, year, ...row }).execute();
    await audit(tx, actor, { action: 'grant.frame', entity: 'council_grant', entityId: `${councilId}:${year}`, organisationId: councilId, details: { year, amount: input.amount, before: cur?.amount ?? null, version: row.version } });
    return { year, ...row };
  });
}

/**
 * The documents' transition hook for grant plans: to hearing only with the year's frame and a
 * total within it; adopted only when the jobcenter's adopted answer says "within the frame".
 */
export const grantHooks = (): TransitionHook => async (tx, { name, after }) => {
  if (after.kind !== 'grant_plan' || (name !== 'send_to_hearing' && name !== 'approve')) return;
  const council = await findCouncil(tx, `LBR-${after.area}`);
  const frame = council && (await frameOf(tx, council.id, after.year));
  const total = planTotal(after.content as GrantPlanContent);
  if (!frame) throw new DocumentError(409, 'no_frame', `Der er ikke sat en ramme for LBR-midlerne ${after.year} endnu; planen kan sendes i høring, når rammen er sat.`);
  if (total > frame.amount) throw new DocumentError(409, 'over_frame', `Planens budget er ${kroner(total)}, men rammen for ${after.year} er ${kroner(frame.amount)} Skær ${kroner(total - frame.amount)} fra, før planen går videre.`, { field: 'initiatives' });
  if (name !== 'approve') return;
  // The plan's own jobcenter in its newest hearing (read here, not through src/hearings, which the calendar reaches back to).
  const newest = await tx.selectFrom('hearing').select('id').where('document_id', '=', after.id).orderBy('id', 'desc').executeTakeFirst();
  const jobcenter = newest && (await tx
    .selectFrom('hearing_body as b')
    .innerJoin('organisation as o', 'o.id', 'b.organisation_id')
    .select(['b.state', 'b.verdict'])
    .where('b.hearing_id', '=', newest.id)
    .where('o.code', '=', after.area)
    .executeTakeFirst());
  if (!jobcenter || jobcenter.state !== 'adopted') throw new DocumentError(409, 'hearing_responses', 'Jobcentret har endnu ikke svaret på, om planen ligger inden for beskæftigelsesplanens rammer; planen kan vedtages, når svaret er afgivet.');
  if (jobcenter.verdict !== 'within_frame') {
    throw new DocumentError(409, 'disputed', 'Jobcentret mener, at planen ligger uden for beskæftigelsesplanens rammer. Så længe rådet og jobcentret er uenige, kan midlerne ikke bruges: tag planen tilbage til kladde, ret den, og send den i høring igen.');
  }
};
