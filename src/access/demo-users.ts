/** One demo user per role (README lists them), created with the demo data. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { Role } from './access.table.js';
import { inviteUser, setPassword } from './users.js';

export const DEMO_PASSWORD = 'styringshjul-demo';

export const demoUsers: readonly { email: string; name: string; organisation: string; role: Role }[] = [
  { email: 'admin@demo.styringshjulet.dk', name: 'Anne Admin', organisation: 'AMS', role: 'national_admin' },
  { email: 'region@demo.styringshjulet.dk', name: 'Rasmus Region', organisation: 'B1', role: 'regional_monitor' },
  { email: 'redaktoer@demo.styringshjulet.dk', name: 'Rikke Redaktør', organisation: 'J101', role: 'jobcenter_editor' },
  { email: 'politiker@demo.styringshjulet.dk', name: 'Poul Politiker', organisation: 'J101', role: 'jobcenter_reader' },
  { email: 'raad@demo.styringshjulet.dk', name: 'Rita Rådsmedlem', organisation: 'LBR-J101', role: 'council_member' },
  // Two more of København's LBR (src/councils/demo.ts seats them): the chair and an employers' member.
  { email: 'formand@demo.styringshjulet.dk', name: 'Bo Borgmester', organisation: 'LBR-J101', role: 'council_member' },
  { email: 'raad2@demo.styringshjulet.dk', name: 'Dorte Arbejdsgiver', organisation: 'LBR-J101', role: 'council_member' },
];

/** Creates the demo users that do not exist yet, with DEMO_PASSWORD. */
export async function ensureDemoUsers(db: Kysely<Database>): Promise<void> {
  const actor = { id: null, label: 'demodata' };
  for (const u of demoUsers) {
    const exists = await db.selectFrom('app_user').select('id').where('email', '=', u.email).executeTakeFirst();
    if (exists) continue;
    await inviteUser(db, actor, u);
    await setPassword(db, actor, u.email, DEMO_PASSWORD);
  }
}
