/**
 * Councils and their members. A council is an organisation (kind `council`) with a type;
 * each seat holder has a substitute, a term and the body that appointed them. Who may act for
 * a council: its members (and substitutes) by their e-mail, its chair, and its secretariat
 * (the jobcenter for an LBR, the employment region for an RBR or RAR, the agency for the BER).
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { audit, HttpError, type AuditActor, type User } from '../access/index.js';
import type { Database } from '../db/index.js';
import { eraOfCouncil } from '../eras/index.js';
import { councilTypes, type CouncilType, type SeatHolder } from './composition.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface Council {
  id: number;
  code: string;
  name: string;
  area: string | null;
  type: CouncilType;
}

interface Member extends SeatHolder {
  council_id: number;
  email: string | null;
  substitute_email: string | null;
  appointed_by: string;
  version: number;
  updated_at: Date;
  updated_by: string;
}

export class CouncilError extends HttpError {}

/** The type of a seeded council, from its code (BER, RBR-B1, LBR-J101). */
export const typeOfCode = (code: string): CouncilType | undefined => councilTypes.find((t) => code === t || code.startsWith(`${t}-`));

/** Registers the type of every council organisation that has none (idempotent). */
export async function ensureCouncils(db: Kysely<Database>): Promise<void> {
  const orgs = await db.selectFrom('organisation as o').leftJoin('council as c', 'c.organisation_id', 'o.id').select(['o.id', 'o.code']).where('o.kind', '=', 'council').where('c.type', 'is', null).execute();
  const rows = orgs.flatMap((o) => {
    const type = typeOfCode(o.code);
    return type ? [{ organisation_id: o.id, type }] : [];
  });
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('council').values(rows.slice(i, i + 200)).onConflict((oc) => oc.doNothing()).execute();
}

const councilQuery = (db: Conn) =>
  db.selectFrom('organisation as o').innerJoin('council as c', 'c.organisation_id', 'o.id').select(['o.id', 'o.code', 'o.name', 'o.area', 'c.type']);

export async function findCouncil(db: Conn, code: string): Promise<Council | undefined> {
  return (await councilQuery(db).where('o.code', '=', code).executeTakeFirst()) as Council | undefined;
}
export async function findCouncilById(db: Conn, id: number): Promise<Council | undefined> {
  return (await councilQuery(db).where('o.id', '=', id).executeTakeFirst()) as Council | undefined;
}
export async function listCouncils(db: Conn): Promise<Council[]> {
  return (await councilQuery(db).orderBy('o.id').execute()) as Council[];
}

/** The RBR in Hovedstaden & Sjælland has twice the seats. */
export const isDouble = (c: Pick<Council, 'code'>) => c.code === 'RBR-B1';

/**
 * The area the council alone stands for (its jobcenter, its employment region), which its rules
 * of procedure are filed under; null for the councils after 2014, whose area is only their
 * secretariat's and shared with others.
 */
export const ownArea = (c: Pick<Council, 'code' | 'area'>): string | null => (eraOfCouncil(c.code).id === 'lbr' ? c.area : null);

export async function listMembers(db: Conn, councilId: number): Promise<Member[]> {
  return (await db.selectFrom('council_member').selectAll().where('council_id', '=', councilId).orderBy('seat').orderBy('id').execute()) as Member[];
}

const date = z.iso.date('skriv datoen som ÅÅÅÅ-MM-DD');
const optionalText = z.string().trim().max(200).nullable().default(null).transform((v) => v || null);
const email = z.email('skriv en gyldig e-mailadresse').toLowerCase().nullable().default(null).or(z.literal('').transform(() => null));
export const memberSchema = z
  .object({
    seat: z.string().trim().min(1, 'vælg pladsen'),
    name: z.string().trim().min(1, 'skriv medlemmets navn').max(200),
    email,
    substitute_name: optionalText,
    substitute_email: email,
    term_from: date,
    term_to: date.nullable().default(null),
    appointed_by: z.string().trim().min(1, 'skriv hvem der har udpeget medlemmet').max(200),
    office: z.enum(['chair', 'deputy_chair']).nullable().default(null),
    office_from: date.nullable().default(null),
    office_to: date.nullable().default(null),
  })
  .refine((m) => m.term_to === null || m.term_to >= m.term_from, { message: 'udpegningen kan ikke slutte, før den begynder', path: ['term_to'] });
type MemberInput = z.infer<typeof memberSchema>;

const today = () => new Date().toISOString().slice(0, 10);

async function logMember(tx: Transaction<Database>, actor: AuditActor, council: Council, action: string, id: number, details: Record<string, unknown>) {
  await audit(tx, actor, { action: `council_member.${action}`, entity: 'council_member', entityId: id, organisationId: council.id, details: { council: council.code, ...details } });
}

export async function addMember(db: Kysely<Database>, actor: AuditActor, council: Council, m: MemberInput): Promise<Member> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('council_member').values({ ...m, council_id: council.id, updated_by: actor.label }).returningAll().executeTakeFirstOrThrow();
    await logMember(tx, actor, council, 'add', row.id, { seat: m.seat, name: m.name });
    return row as Member;
  });
}

/** Saves a member if `version` is still current (409 naming who changed it otherwise). */
export async function updateMember(db: Kysely<Database>, actor: AuditActor, council: Council, id: number, version: number, m: MemberInput | null): Promise<Member | null> {
  return db.transaction().execute(async (tx) => {
    const cur = await tx.selectFrom('council_member').selectAll().where('id', '=', id).where('council_id', '=', council.id).forUpdate().executeTakeFirst();
    if (!cur) throw new CouncilError(404, 'not_found', `Medlem ${id} findes ikke i ${council.name}.`);
    if (cur.version !== version) throw new CouncilError(409, 'conflict', `${cur.name} er ændret af ${cur.updated_by}, efter du åbnede siden. Hent siden igen; dine ændringer er ikke gemt.`);
    if (!m) {
      await tx.deleteFrom('council_member').where('id', '=', id).execute();
      await logMember(tx, actor, council, 'remove', id, { seat: cur.seat, name: cur.name });
      return null;
    }
    const row = await tx.updateTable('council_member').set({ ...m, version: version + 1, updated_at: new Date(), updated_by: actor.label }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await logMember(tx, actor, council, 'update', id, { seat: m.seat, name: m.name, version: version + 1 });
    return row as Member;
  });
}

export interface CouncilAccess {
  /** Holds a seat or is a substitute, on the date. */
  member: boolean;
  /** Chairs the council on the date. */
  chair: boolean;
  /** Runs the council's secretariat (or is a national administrator). */
  secretariat: boolean;
}

/** What `user` is to `council` on `on` (YYYY-MM-DD). */
export async function councilAccess(db: Conn, user: User | null, council: Council, on = today()): Promise<CouncilAccess> {
  if (!user) return { member: false, chair: false, secretariat: false };
  const seats = await db
    .selectFrom('council_member')
    .select(['email', 'substitute_email', 'office', 'office_to'])
    .where('council_id', '=', council.id)
    .where('term_from', '<=', on)
    .where((eb) => eb.or([eb('term_to', 'is', null), eb('term_to', '>=', on)]))
    .where((eb) => eb.or([eb('email', '=', user.email), eb('substitute_email', '=', user.email)]))
    .execute();
  return {
    member: seats.length > 0,
    chair: seats.some((s) => s.email === user.email && s.office === 'chair' && (s.office_to === null || s.office_to >= on)),
    secretariat: isSecretariat(user, council),
  };
}

/** The jobcenter runs its LBR, the employment region its RBR (and a RAR in it), the agency the BER. */
export function isSecretariat(user: User, council: Pick<Council, 'type' | 'area'>): boolean {
  if (user.role === 'national_admin') return true;
  const role = council.type === 'LBR' ? 'jobcenter_editor' : council.type === 'BER' ? null : 'regional_monitor';
  return role !== null && user.role === role && user.organisation.area === council.area;
}

/** Whether the council has anyone seated on the date (an LBR the municipality has kept after 2014). */
export async function hasMembers(db: Conn, code: string, on = today()): Promise<boolean> {
  const row = await db
    .selectFrom('council_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.council_id')
    .select('m.id')
    .where('o.code', '=', code)
    .where('m.term_from', '<=', on)
    .where((eb) => eb.or([eb('m.term_to', 'is', null), eb('m.term_to', '>=', on)]))
    .executeTakeFirst();
  return !!row;
}

/** The councils a person sits on (as member or substitute) on the date, by e-mail. */
export async function seatedCouncilIds(db: Conn, email: string, on = today()): Promise<number[]> {
  const rows = await db
    .selectFrom('council_member')
    .select('council_id')
    .distinct()
    .where((eb) => eb.or([eb('email', '=', email), eb('substitute_email', '=', email)]))
    .where('term_from', '<=', on)
    .where((eb) => eb.or([eb('term_to', 'is', null), eb('term_to', '>=', on)]))
    .execute();
  return rows.map((r) => r.council_id);
}

/** The platform users who sit on the council (members and substitutes) on the date. */
export async function councilUserIds(db: Conn, councilId: number, on = today()): Promise<number[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('council_member as m', (j) => j.on((eb) => eb.or([eb('m.email', '=', eb.ref('u.email')), eb('m.substitute_email', '=', eb.ref('u.email'))])))
    .select('u.id')
    .distinct()
    .where('m.council_id', '=', councilId)
    .where('m.term_from', '<=', on)
    .where((eb) => eb.or([eb('m.term_to', 'is', null), eb('m.term_to', '>=', on)]))
    .where('u.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** The platform users who run the council's secretariat (jobcenter editors, regional monitors). */
export async function secretariatUserIds(db: Conn, council: Pick<Council, 'type' | 'area'>): Promise<number[]> {
  if (council.type === 'BER' || !council.area) return [];
  const role = council.type === 'LBR' ? 'jobcenter_editor' : 'regional_monitor';
  const rows = await db.selectFrom('app_user as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select('u.id').where('u.role', '=', role).where('o.area', '=', council.area).where('o.kind', '!=', 'council').where('u.disabled_at', 'is', null).execute();
  return rows.map((r) => r.id);
}
