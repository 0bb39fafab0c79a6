/**
 * Reference data of the steering cycle shipped with the platform: the historical ministerial
 * goals (goals.ts) and, as the example of a region's targets, Beskæftigelsesregion
 * Hovedstaden & Sjælland's targets and implementation plan for 2013 (seed 004), published.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { ImplementationPlanContent } from './kinds/index.js';
import { createDocument, findDocumentFor } from './documents.repository.js';
import { transition } from './documents.service.js';
import { ensureHistoricalGoals } from './goals.js';

const b1 = (table: string, measure: string) => ({ table, measure, area: 'B1', dims: {}, freq: 'M' as const });

export const implementationPlan2013: ImplementationPlanContent = {
  goals: [
    {
      title: 'Flere unge skal have en uddannelse',
      implementation: 'Flere unge i Østdanmark skal påbegynde og gennemføre en uddannelse. Rådet og regionen sætter initiativer i gang inden for to fokusområder, i samarbejde med uddannelsesinstitutionerne og jobcentrene.',
      targets: [{ title: 'Uddannelsesgraden for unge er 28 pct. i december 2013 (+6 procentpoint fra december 2011)', indicator: b1('styr_uddannelse', 'education_rate'), baseline: { period: '2011M12', value: 22 }, goal: { kind: 'change', value: 6 }, direction: 'at_least', deadline: '2013M12' }],
    },
    {
      title: 'Langtidsledigheden skal bekæmpes',
      implementation: 'En effektiv gennemførelse af Akut-pakken skal hjælpe ledige, der er ved at opbruge dagpengeretten, i job eller uddannelse; ledige med særlig risiko for langtidsledighed får en tidlig og målrettet indsats.',
      targets: [{ title: 'Højst 21.600 langtidsledige i december 2013 (et fald på 18 pct. fra december 2011)', indicator: b1('y25i09', 'longterm_persons'), baseline: { period: '2011M12', value: 26_341 }, goal: { kind: 'level', value: 21_600 }, direction: 'at_most', deadline: '2013M12' }],
    },
    {
      title: 'Styrket anvendelse af jobrotation',
      implementation: 'Flere jobrotationsprojekter, især i private virksomheder, og et styrket tværkommunalt samarbejde om at etablere jobrotation.',
      targets: [{ title: '450 ledige (helårspersoner) deltager i jobrotation i 2013 (statistikbanken har ikke jobrotation)', indicator: null, baseline: null, goal: null, deadline: null }],
    },
  ],
  comments: { lbr: '', region: '' },
};

/** Inserts what is missing (idempotent). */
export async function ensureSteeringReference(db: Kysely<Database>): Promise<void> {
  await ensureHistoricalGoals(db);
  if (await findDocumentFor(db, 'implementation_plan', 'B1', 2013)) return;
  const actor = { id: null, label: 'referencedata (seed 004)' };
  const doc = await createDocument(db, actor, { kind: 'implementation_plan', area: 'B1', year: 2013, content: implementationPlan2013 });
  await transition(db, actor, doc.id, doc.revision, 'publish');
}
