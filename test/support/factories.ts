/**
 * The tests' own people and councils, made through the same functions as production
 * (inviteUser, setPassword, council_member rows), never through the demo's seed functions:
 * a change to the demo data cannot change what a test asserts. Browser walks of the demo
 * (test/browser) use the demo's users on purpose.
 */
import type { Kysely } from 'kysely';
import { inviteUser, setPassword, type Role } from '../../src/access/index.js';
import type { Database } from '../../src/db/index.js';
import { findCouncil } from '../../src/councils/index.js';

export const TEST_PASSWORD = 'test-adgangskode-7';

/** A test user's address: `test('raad')` is raad@test.styringshjulet.dk. */
export const testEmail = (local: string) => `${local}@test.styringshjulet.dk`;

export interface TestUser {
  email: string;
  name: string;
  organisation: string;
  role: Role;
}

/** One user per role, plus two more members of København's LBR (the chair and an employers' member). */
export const cast = {
  admin: { email: testEmail('admin'), name: 'Astrid Admin', organisation: 'AMS', role: 'national_admin' },
  region: { email: testEmail('region'), name: 'Rune Region', organisation: 'B1', role: 'regional_monitor' },
  editor: { email: testEmail('redaktoer'), name: 'Rie Redaktør', organisation: 'J101', role: 'jobcenter_editor' },
  reader: { email: testEmail('politiker'), name: 'Per Politiker', organisation: 'J101', role: 'jobcenter_reader' },
  member: { email: testEmail('raad'), name: 'Rikke Rådsmedlem', organisation: 'LBR-J101', role: 'council_member' },
  chair: { email: testEmail('formand'), name: 'Frank Formand', organisation: 'LBR-J101', role: 'council_member' },
  member2: { email: testEmail('raad2'), name: 'Dagmar Arbejdsgiver', organisation: 'LBR-J101', role: 'council_member' },
} as const satisfies Record<string, TestUser>;

/** The cast member of a role (the first, for council_member). */
export const userOf = (role: Role): TestUser => Object.values(cast).find((u) => u.role === role)!;

const actor = { id: null, label: 'test' };

/** Creates those of `users` (default: the whole cast) that do not exist yet, with TEST_PASSWORD; the organisations must exist. */
export async function createUsers(db: Kysely<Database>, users: readonly TestUser[] = Object.values(cast)): Promise<void> {
  for (const u of users) {
    if (await db.selectFrom('app_user').select('id').where('email', '=', u.email).executeTakeFirst()) continue;
    await inviteUser(db, actor, u);
    await setPassword(db, actor, u.email, TEST_PASSWORD);
  }
}

export interface Seat {
  seat: string;
  name: string;
  email?: string;
  chair?: boolean;
}

/** Seats `members` in council `code` for the term `from`–`to` (ISO dates; no `to`: open-ended). */
export async function seatCouncil(db: Kysely<Database>, code: string, members: readonly Seat[], term: { from: string; to?: string }): Promise<void> {
  const council = await findCouncil(db, code);
  if (!council) throw new Error(`no council ${code}`);
  await db
    .insertInto('council_member')
    .values(members.map((m) => ({
      council_id: council.id, seat: m.seat, name: m.name, email: m.email ?? null, substitute_name: null, substitute_email: null,
      term_from: term.from, term_to: term.to ?? null, appointed_by: m.seat, office: m.chair ? 'chair' : null, office_from: null, office_to: null, updated_by: actor.label,
    })))
    .execute();
}

/** København's LBR with the cast's three members: the chair for the municipal council, the employers' and the workers' member. */
export const lbrMembers: readonly Seat[] = [
  { seat: 'municipal_council', name: cast.chair.name, email: cast.chair.email, chair: true },
  { seat: 'DA', name: cast.member2.name, email: cast.member2.email },
  { seat: 'LO', name: cast.member.name, email: cast.member.email },
  { seat: 'DH', name: 'Hans Handicap' },
];

export interface TestItem {
  title: string;
  text?: string;
  decision?: string;
  closed?: boolean;
}

/** A meeting of council `code` with `items`; published agenda or minutes when their dates are given. Returns its id. */
export async function createMeeting(
  db: Kysely<Database>,
  code: string,
  m: { startsAt: Date; items: readonly TestItem[]; title?: string; place?: string; minutes?: string; agendaPublishedAt?: Date; minutesPublishedAt?: Date },
): Promise<number> {
  const council = await findCouncil(db, code);
  if (!council) throw new Error(`no council ${code}`);
  const items = m.items.map((i, n) => ({ id: `item-${n + 1}`, title: i.title, text: i.text ?? '', closed: i.closed ?? false, attachments: [], decision: i.decision ?? '', hearing: null }));
  const row = await db
    .insertInto('meeting')
    .values({
      council_id: council.id, title: m.title ?? 'Ordinært møde', starts_at: m.startsAt, place: m.place ?? 'Rådhuset', items: JSON.stringify(items), minutes: m.minutes ?? '',
      agenda_published_at: m.agendaPublishedAt ?? null, minutes_published_at: m.minutesPublishedAt ?? null, revision: 1, updated_by: actor.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
