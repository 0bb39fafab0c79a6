/** The content a new document starts with: a plan gets the year's ministerial goals, each waiting for a strategy and targets. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { contentSchemas, type DocumentKind } from './content.js';
import { goalsInForce } from './goals.js';

export async function newDocumentContent(db: Kysely<Database>, kind: Exclude<DocumentKind, 'results_audit'>, year: number): Promise<unknown> {
  if (kind === 'implementation_plan') return contentSchemas.implementation_plan.parse({});
  if (kind === 'rules_of_procedure') return contentSchemas.rules_of_procedure.parse({});
  const { goals } = await goalsInForce(db, year);
  return contentSchemas.employment_plan.parse({ goals: goals.map((g) => ({ number: g.number, title: g.title, strategy: '', targets: [] })) });
}
