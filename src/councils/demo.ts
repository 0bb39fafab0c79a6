/**
 * Demo councils for `npm start`: København's LBR with every seat filled (the demo users Bo
 * Borgmester as chair, Rita Rådsmedlem for LO and Dorte Arbejdsgiver for DA among them), its
 * rules of procedure (responses adopted at a meeting), a held meeting with published minutes
 * and the next one with a published agenda that has a closed item; and every regional council
 * after 2014 with members (the RARs until 2024, the regional employment councils).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { createDocument, findDocumentFor, transition } from '../documents/index.js';
import { laterCouncils } from '../eras/index.js';
import { findCouncil } from './members.js';

const actor = { id: null, label: 'demodata' };

const seats: [seat: string, name: string, email: string | null, substitute: string, appointedBy: string][] = [
  ['municipal_council', 'Bo Borgmester', 'formand@demo.styringshjulet.dk', 'Karen Kommunalpolitiker', 'Kommunalbestyrelsen'],
  ['DA', 'Dorte Arbejdsgiver', 'raad2@demo.styringshjulet.dk', 'Henrik Hansen', 'DA'],
  ['DA', 'Mads Mikkelsen', null, 'Pia Poulsen', 'DA'],
  ['DA', 'Susanne Storm', null, 'Ole Olsen', 'DA'],
  ['LO', 'Rita Rådsmedlem', 'raad@demo.styringshjulet.dk', 'Jens Jensen', 'LO'],
  ['LO', 'Lars Larsen', null, 'Mette Madsen', 'LO'],
  ['LO', 'Ahmed Hassan', null, 'Lone Lund', 'LO'],
  ['FTF', 'Tina Thomsen', null, 'Kim Kristensen', 'FTF'],
  ['AC', 'Peter Petersen', null, 'Anne Andersen', 'AC'],
  ['DH', 'Hanne Holm', null, 'Søren Sørensen', 'DH'],
  ['DH', 'Niels Nielsen', null, 'Eva Eriksen', 'DH'],
  ['PLO', 'Dr. Jakob Juhl', null, 'Dr. Maria Møller', 'PLO'],
  ['integration_council', 'Fatima Ali', null, 'Omar Khan', 'Integrationsrådet'],
  ['local_associations', 'Grete Gram', null, 'Bent Bang', 'Kommunalbestyrelsen'],
  ['local_associations', 'Victor Vang', null, 'Ida Iversen', 'Kommunalbestyrelsen'],
];

const rulesText = `§ 1. Rådets opgaver
Det lokale beskæftigelsesråd rådgiver kommunalbestyrelsen om beskæftigelsesindsatsen og har høringsret over beskæftigelsesplanen og resultatrevisionen.

§ 2. Møder
Rådet holder mindst fire ordinære møder om året. Formanden indkalder med mindst otte dages varsel og sender dagsorden og bilag med indkaldelsen.

§ 3. Stedfortrædere
Et medlem, der er forhindret, kan lade sin personlige suppleant deltage med stemmeret.

§ 4. Høringssvar
Rådets høringssvar vedtages på et rådsmøde. Formanden udarbejder et udkast, som drøftes og vedtages som et punkt på dagsordenen.

§ 5. Dagsorden og referat
Punkter er åbne, medmindre de angår personlige forhold eller forhandlinger; lukkede punkter offentliggøres ikke. Dagsorden med vedtagelser offentliggøres efter mødet.`;

type Seat = [seat: string, nominatedBy: string];

/** A RAR's seats by the 2019 rules (21, each with a substitute); a regional employment council's from 2025 (7, set by order). */
const rarSeats: Seat[] = [...Array<Seat>(6).fill(['DA', 'DA']), ...Array<Seat>(6).fill(['FH', 'FH']), ['AC', 'Akademikerne'], ['LH', 'Lederne'], ...Array<Seat>(5).fill(['municipalities', 'KKR']), ['DH', 'DH'], ['regional_council', 'Regionsrådet']];
const rbrSeats: Seat[] = [['DA', 'DA'], ['DA', 'DA'], ['FH', 'FH'], ['FH', 'FH'], ['municipalities', 'KKR'], ['DH', 'DH'], ['regional_council', 'Regionsrådet']];
const firstNames = ['Anders', 'Birthe', 'Claus', 'Dorthe', 'Erik', 'Frida', 'Gitte', 'Hans', 'Inge', 'Jonas', 'Karin', 'Lars', 'Marie', 'Niels', 'Ole', 'Pia', 'Rasmus', 'Sofie', 'Troels', 'Ulla', 'Viggo', 'Anne', 'Bjarne'];
const lastNames = ['Aagaard', 'Bech', 'Cramer', 'Dahl', 'Engel', 'Falk', 'Gram', 'Holst', 'Isaksen', 'Juul', 'Krogh', 'Lind', 'Munk', 'Nørgaard', 'Overgaard', 'Pilgaard', 'Riis', 'Skov', 'Tang', 'Ussing', 'Vestergaard'];

/**
 * The demo's regional councils after 2014, once each: every RAR as it stood at its end (its
 * 2023–2024 term) and every regional employment council from 2025, chaired by their first DA
 * member and run by the employment region's monitors. The names are made up.
 */
async function ensureRegionalCouncils(db: Kysely<Database>): Promise<void> {
  for (const [n, later] of laterCouncils.entries()) {
    const c = await findCouncil(db, later.code);
    if (!c || (await db.selectFrom('council_member').select('id').where('council_id', '=', c.id).executeTakeFirst())) continue;
    const rar = later.era === 'rar';
    const [from, to, chairTo] = rar ? ['2023-01-01', '2024-12-31', '2024-12-31'] : ['2025-01-01', '2028-12-31', '2026-12-31'];
    const region = later.name.replace(/^Det Regionale (Arbejdsmarkedsråd|Beskæftigelsesråd),? /, '');
    await db
      .insertInto('council_member')
      .values((rar ? rarSeats : rbrSeats).map(([seat, nominatedBy], i) => ({
        council_id: c.id, seat, name: `${firstNames[(n * 7 + i) % firstNames.length]} ${lastNames[(n * 3 + i) % lastNames.length]}`, email: null,
        substitute_name: rar ? `${firstNames[(n * 5 + i + 11) % firstNames.length]} ${lastNames[(n * 11 + i + 7) % lastNames.length]}` : null, substitute_email: null,
        term_from: from, term_to: to, appointed_by: nominatedBy === 'KKR' ? `KKR ${region}` : nominatedBy,
        office: i === 0 ? 'chair' : null, office_from: i === 0 ? from : null, office_to: i === 0 ? chairTo : null, updated_by: actor.label,
      })))
      .execute();
  }
}

/** `year`: the members' terms run from 3 years before to the end of the year after; the held meeting is in its September. */
export async function ensureDemoCouncils(db: Kysely<Database>, year: number): Promise<void> {
  await ensureRegionalCouncils(db);
  const lbr = await findCouncil(db, 'LBR-J101');
  if (!lbr) return;
  const has = await db.selectFrom('council_member').select('id').where('council_id', '=', lbr.id).executeTakeFirst();
  if (!has) {
    await db
      .insertInto('council_member')
      .values(seats.map(([seat, name, email, substitute, appointed_by]) => ({
        council_id: lbr.id, seat, name, email, substitute_name: substitute, substitute_email: null, term_from: `${year - 3}-01-01`, term_to: `${year + 1}-12-31`, appointed_by,
        office: seat === 'municipal_council' ? 'chair' : null, office_from: null, office_to: null, updated_by: actor.label,
      })))
      .execute();
  }
  if (!(await findDocumentFor(db, 'rules_of_procedure', 'J101', 2022))) {
    const doc = await createDocument(db, actor, { kind: 'rules_of_procedure', area: 'J101', year: 2022, content: { text: rulesText, meetings_per_year: 4, response_approval: 'meeting' } });
    await transition(db, actor, doc.id, doc.revision, 'publish');
  }
  const meetings = await db.selectFrom('meeting').select('id').where('council_id', '=', lbr.id).executeTakeFirst();
  if (!meetings) {
    const item = (title: string, text: string, decision = '', closed = false) => ({ id: `demo-${title.length}-${text.length}`, title, text, closed, attachments: [], decision, hearing: null });
    const held = new Date(`${year}-09-15T14:00:00Z`);
    // The next meeting lies ahead of whoever opens the demo: a Tuesday two to three weeks on.
    const next = new Date(Math.max(Date.now(), held.getTime()) + 14 * 86_400_000);
    next.setUTCDate(next.getUTCDate() + ((2 - next.getUTCDay() + 7) % 7));
    next.setUTCHours(15, 0, 0, 0);
    await db
      .insertInto('meeting')
      .values([
        {
          council_id: lbr.id, title: 'Ordinært møde', starts_at: held, place: 'Københavns Rådhus, mødelokale 2',
          items: JSON.stringify([
            item('Godkendelse af dagsorden', '', 'Godkendt.'),
            item('Status på LBR-midlerne', 'Sekretariatet orienterer om forbruget af årets LBR-midler.', 'Taget til efterretning.'),
            item('Ansøgning om LBR-midler fra en virksomhed', 'Ansøgningen indeholder oplysninger om virksomhedens økonomi.', 'Bevilget 150.000 kr.', true),
          ]),
          minutes: 'Alle medlemmer var til stede undtagen Peter Petersen (AC), hvis suppleant deltog.',
          agenda_published_at: new Date(held.getTime() - 8 * 86_400_000), minutes_published_at: new Date(held.getTime() + 3 * 86_400_000), revision: 1, updated_by: actor.label,
        },
        {
          council_id: lbr.id, title: 'Ordinært møde', starts_at: next, place: 'Københavns Rådhus, mødelokale 2',
          items: JSON.stringify([
            item('Godkendelse af dagsorden', ''),
            item('Analyserapporten fra RBR', 'Drøftelse af RBR’s analyserapport og anbefalede fokusområder.'),
            item('Personalesag i jobcentret', 'Orientering om en konkret sag.', '', true),
          ]),
          minutes: '', agenda_published_at: new Date(), minutes_published_at: null, revision: 1, updated_by: actor.label,
        },
      ])
      .execute();
  }
}
