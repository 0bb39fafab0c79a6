/**
 * Users, invitations and sessions. Every change goes through here, with its audit entry in
 * the same transaction; the HTTP routes and the CLI are thin callers.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { audit, type AuditActor } from './audit.js';
import { areaWithin } from './organisations.js';
import { hashPassword, verifyPassword } from './password.js';
import type { Role } from './access.table.js';

export class AccessError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface Organisation {
  id: number;
  code: string;
  kind: string;
  name: string;
  area: string | null;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisation: Organisation;
  disabled: boolean;
  /** Set once a password exists (the invitation was accepted). */
  active: boolean;
  version: number;
}

const SESSION_HOURS = 12;
const INVITATION_DAYS = 14;
const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
const token = () => randomBytes(32).toString('base64url');

function userQuery(db: Kysely<Database>) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.disabled_at', 'u.password_hash', 'u.version', 'o.id as org_id', 'o.code as org_code', 'o.kind as org_kind', 'o.name as org_name', 'o.area as org_area']);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    organisation: { id: r.org_id, code: r.org_code, kind: r.org_kind, name: r.org_name, area: r.org_area },
    disabled: r.disabled_at !== null,
    active: r.password_hash !== null,
    version: r.version,
  };
}

export async function listOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  return db.selectFrom('organisation').select(['id', 'code', 'kind', 'name', 'area']).orderBy('kind').orderBy('code').execute();
}

async function organisationByCode(db: Kysely<Database>, code: string): Promise<Organisation> {
  const org = await db.selectFrom('organisation').select(['id', 'code', 'kind', 'name', 'area']).where('code', '=', code).executeTakeFirst();
  if (!org) throw new AccessError(400, 'invalid_field', `Organisationen "${code}" findes ikke.`, 'organisation');
  return org;
}

/** Users, optionally only those of organisations inside `withinArea`. */
export async function listUsers(db: Kysely<Database>, withinArea?: string): Promise<User[]> {
  const rows = await userQuery(db).orderBy('u.email').execute();
  return rows.map(toUser).filter((u) => !withinArea || areaWithin(u.organisation.area, withinArea));
}

export async function findUser(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const r = await userQuery(db).where('u.id', '=', id).executeTakeFirst();
  return r && toUser(r);
}

/** Creates the user (no password yet) and an invitation; returns the invitation token. */
export async function inviteUser(
  db: Kysely<Database>,
  actor: AuditActor,
  input: { email: string; name: string; organisation: string; role: Role },
): Promise<{ user: User; token: string }> {
  const email = input.email.trim().toLowerCase();
  const org = await organisationByCode(db, input.organisation);
  const t = token();
  const id = await db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
    if (exists) throw new AccessError(409, 'conflict', `Der findes allerede en bruger med e-mailadressen ${email}.`, 'email');
    const { id } = await trx
      .insertInto('app_user')
      .values({ email, name: input.name.trim(), organisation_id: org.id, role: input.role })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('invitation').values({ token_hash: sha256(t), user_id: id, expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000) }).execute();
    await audit(trx, actor, { action: 'user.invite', entity: 'user', entityId: id, organisationId: org.id, details: { email, role: input.role, organisation: org.code } });
    return id;
  });
  return { user: (await findUser(db, id))!, token: t };
}

/** Sets role, organisation or disabled; refuses when `version` is not the current one. */
export async function updateUser(
  db: Kysely<Database>,
  actor: AuditActor,
  id: number,
  input: { version: number; role?: Role; organisation?: string; disabled?: boolean },
): Promise<User> {
  const org = input.organisation === undefined ? undefined : await organisationByCode(db, input.organisation);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('app_user').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AccessError(404, 'not_found', 'Brugeren findes ikke.');
    if (before.version !== input.version) {
      throw new AccessError(409, 'version_conflict', 'Brugeren er ændret af en anden, siden du åbnede den. Genindlæs siden og prøv igen.', 'version');
    }
    const changes: Record<string, unknown> = {};
    if (input.role !== undefined && input.role !== before.role) changes.role = { from: before.role, to: input.role };
    if (org && org.id !== before.organisation_id) changes.organisation = { from: before.organisation_id, to: org.code };
    if (input.disabled !== undefined && input.disabled !== (before.disabled_at !== null)) changes.disabled = input.disabled;
    await trx
      .updateTable('app_user')
      .set({
        role: input.role ?? before.role,
        organisation_id: org?.id ?? before.organisation_id,
        disabled_at: input.disabled === undefined ? before.disabled_at : input.disabled ? new Date() : null,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    // A disabled user, or one whose rights changed, logs in again.
    if (Object.keys(changes).length > 0) await trx.deleteFrom('session').where('user_id', '=', id).execute();
    await audit(trx, actor, { action: 'user.update', entity: 'user', entityId: id, organisationId: org?.id ?? before.organisation_id, details: changes });
  });
  return (await findUser(db, id))!;
}

/** Accepts an invitation: sets the password. Returns the user id. */
export async function acceptInvitation(db: Kysely<Database>, t: string, password: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const inv = await trx.selectFrom('invitation').selectAll().where('token_hash', '=', sha256(t)).forUpdate().executeTakeFirst();
    if (!inv || inv.used_at || inv.expires_at.getTime() < Date.now()) {
      throw new AccessError(400, 'invalid_invitation', 'Invitationen er ugyldig, brugt eller udløbet. Bed din administrator om en ny.');
    }
    const user = await trx.selectFrom('app_user').select(['email', 'organisation_id']).where('id', '=', inv.user_id).executeTakeFirstOrThrow();
    await trx.updateTable('app_user').set({ password_hash: await hashPassword(password), version: sql`version + 1` }).where('id', '=', inv.user_id).execute();
    await trx.updateTable('invitation').set({ used_at: new Date() }).where('token_hash', '=', inv.token_hash).execute();
    await audit(trx, { id: inv.user_id, label: user.email }, { action: 'user.accept_invitation', entity: 'user', entityId: inv.user_id, organisationId: user.organisation_id });
    return inv.user_id;
  });
}

/** Sets a password directly (CLI and demo users). */
export async function setPassword(db: Kysely<Database>, actor: AuditActor, email: string, password: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const u = await trx.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', email.toLowerCase()).executeTakeFirst();
    if (!u) throw new AccessError(404, 'not_found', `Ingen bruger med e-mailadressen ${email}.`, 'email');
    await trx.updateTable('app_user').set({ password_hash: await hashPassword(password), version: sql`version + 1` }).where('id', '=', u.id).execute();
    await trx.deleteFrom('session').where('user_id', '=', u.id).execute();
    await audit(trx, actor, { action: 'user.set_password', entity: 'user', entityId: u.id, organisationId: u.organisation_id });
  });
}

/** A session token for valid credentials of an active, enabled user; null otherwise. */
export async function login(db: Kysely<Database>, email: string, password: string): Promise<{ token: string; csrf: string; user: User } | null> {
  const r = await userQuery(db).where('u.email', '=', email.trim().toLowerCase()).executeTakeFirst();
  // Verify against a dummy hash for unknown users too, so timing does not reveal who exists.
  const ok = await verifyPassword(password, r?.password_hash ?? (await dummyHash()));
  if (!r || !ok || r.disabled_at) return null;
  return { ...(await createSession(db, r.id)), user: toUser(r) };
}
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(12).toString('hex')));

export async function createSession(db: Kysely<Database>, userId: number): Promise<{ token: string; csrf: string }> {
  const s = { token: token(), csrf: token() };
  await db.insertInto('session').values({ id: sha256(s.token), user_id: userId, csrf_token: s.csrf, expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000) }).execute();
  return s;
}

export async function findSession(db: Kysely<Database>, t: string): Promise<{ user: User; csrf: string } | null> {
  const r = await userQuery(db)
    .innerJoin('session as s', 's.user_id', 'u.id')
    .select(['s.csrf_token'])
    .where('s.id', '=', sha256(t))
    .where('s.expires_at', '>', new Date())
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return r ? { user: toUser(r), csrf: r.csrf_token } : null;
}

export async function deleteSession(db: Kysely<Database>, t: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sha256(t)).execute();
}

/** The active jobcenter editors of the jobcentres `areas`, with the area each works in (for reminders). */
export async function jobcenterEditors(db: Kysely<Database>, areas: string[]): Promise<{ id: number; area: string | null }[]> {
  if (areas.length === 0) return [];
  return db
    .selectFrom('app_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'o.area'])
    .where('u.role', '=', 'jobcenter_editor')
    .where('u.disabled_at', 'is', null)
    .where('o.area', 'in', areas)
    .execute();
}
