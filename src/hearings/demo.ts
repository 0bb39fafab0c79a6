/**
 * The demo's running hearing (`npm start`): København's draft plan for the year after the
 * demo goes to hearing with the LBR and the region; Rita Rådsmedlem and Dorte Arbejdsgiver
 * have commented on it and the chair, Bo Borgmester, has drafted the LBR's response, to be
 * adopted at the council's next meeting.
 */
import type { Kysely } from 'kysely';
import { systemClock } from '../clock.js';
import type { Database } from '../db/index.js';
import { findDocumentFor, transition } from '../documents/index.js';
import { createMailer } from '../mail/index.js';
import { Notifier } from '../notifications/index.js';
import { currentHearing, hearingHooks } from './hearings.js';

const actor = { id: null, label: 'demodata' };

export async function ensureDemoHearing(db: Kysely<Database>, year: number): Promise<void> {
  const doc = await findDocumentFor(db, 'employment_plan', 'J101', year);
  if (!doc || doc.state !== 'draft' || (await currentHearing(db, doc.id))) return;
  const notifier = new Notifier(db, createMailer({ from: 'demo' }), systemClock, '');
  await transition(db, actor, doc.id, doc.revision, 'send_to_hearing', { hook: hearingHooks({ clock: systemClock, notifier }) });
  const h = (await currentHearing(db, doc.id))!;
  const lbr = h.bodies.find((b) => b.code === 'LBR-J101');
  if (!lbr) return;
  const users = new Map((await db.selectFrom('app_user').select(['id', 'email', 'name']).execute()).map((u) => [u.email, u]));
  const comment = (email: string, section: string, paragraph: number | null, text: string) => {
    const u = users.get(email);
    return u ? [{ hearing_id: h.id, organisation_id: lbr.organisation_id, section, paragraph, text, author_id: u.id, author: u.name, created_at: new Date() }] : [];
  };
  const rows = [
    ...comment('raad@demo.styringshjulet.dk', 'citizen.strategy', 0, 'Tidlig indsats er godt, men planen bør også sige, hvordan de forsikrede ledige får hjælp fra første dag.'),
    ...comment('raad2@demo.styringshjulet.dk', 'business.strategy', 0, 'Virksomhederne efterspørger én indgang. Det bør have et mål med en frist.'),
  ];
  if (rows.length) await db.insertInto('hearing_comment').values(rows).execute();
  const response = 'LBR støtter planens fokus på en tidlig og virksomhedsrettet indsats.\n\nRådet anbefaler, at planen får et mål for virksomhedernes indgang til jobcentret, og at de forsikrede ledige nævnes i den borgerrettede indsats.';
  await db.updateTable('hearing_body').set({ response, state: 'draft', revision: 1, updated_at: new Date(), updated_by: 'formand@demo.styringshjulet.dk' }).where('hearing_id', '=', h.id).where('organisation_id', '=', lbr.organisation_id).execute();
  await db.insertInto('hearing_response_version').values({ hearing_id: h.id, organisation_id: lbr.organisation_id, revision: 1, event: 'draft', state: 'draft', response, actor: 'formand@demo.styringshjulet.dk' }).execute();
}
