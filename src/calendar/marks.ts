/** Steps marked done by hand, and the year's deadline overrides: each change audit-logged in its transaction. */
import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { eraOf, type EraId } from '../eras/index.js';
import type { StepId } from './deadlines.js';

interface StepMark {
  area: string;
  /** The document year. */
  year: number;
  step: StepId;
}

const organisationOf = async (db: Kysely<Database>, area: string) =>
  (await db.selectFrom('organisation').select('id').where('code', '=', area).executeTakeFirst())?.id ?? null;

export async function markStep(db: Kysely<Database>, actor: AuditActor, m: StepMark & { done_on: string }): Promise<void> {
  const organisationId = await organisationOf(db, m.area);
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('step_done')
      .values({ ...m, actor: actor.label })
      .onConflict((oc) => oc.columns(['area', 'year', 'step']).doUpdateSet({ done_on: m.done_on, actor: actor.label }))
      .execute();
    await audit(tx, actor, { action: 'calendar.step_mark', entity: 'step_done', entityId: `${m.area}:${m.year}:${m.step}`, organisationId, details: { ...m } });
  });
}

/** False when the step was not marked. */
export async function unmarkStep(db: Kysely<Database>, actor: AuditActor, m: StepMark): Promise<boolean> {
  const organisationId = await organisationOf(db, m.area);
  return db.transaction().execute(async (tx) => {
    const row = await tx.deleteFrom('step_done').where('area', '=', m.area).where('year', '=', m.year).where('step', '=', m.step).returning('done_on').executeTakeFirst();
    if (row) await audit(tx, actor, { action: 'calendar.step_unmark', entity: 'step_done', entityId: `${m.area}:${m.year}:${m.step}`, organisationId, details: { ...m, done_on: row.done_on } });
    return !!row;
  });
}

/** Replaces the overrides of deadlines falling in `year`. */
export async function replaceOverrides(db: Kysely<Database>, actor: AuditActor, year: number, overrides: { step: StepId; due: string; note: string }[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('deadline_override').where('year', '=', year).execute();
    if (overrides.length) await tx.insertInto('deadline_override').values(overrides.map((o) => ({ ...o, year }))).execute();
    await audit(tx, actor, { action: 'calendar.deadlines', entity: 'deadline_override', entityId: year, details: { year, overrides } });
  });
}

/** Runs `year` on another era's rules than the law's (null: the law's again); audited. */
export async function setEra(db: Kysely<Database>, actor: AuditActor, year: number, era: EraId | null): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('year_era').where('year', '=', year).execute();
    // The law's own era is no choice: it is stored as none.
    if (era && era !== eraOf(year).id) await tx.insertInto('year_era').values({ year, era, updated_by: actor.label }).execute();
    await audit(tx, actor, { action: 'calendar.era', entity: 'year_era', entityId: year, details: { year, era } });
  });
}
