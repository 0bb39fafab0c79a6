import type { Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // A document's period within its year: '' for the yearly kinds, a quarter ('2025Q3') for the
  // region's quarterly follow-up reports, so four of them fit in one year.
  await db.schema.alterTable('document').addColumn('period', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('document').dropConstraint('document_kind_area_year_key').execute();
  await db.schema.alterTable('document').addUniqueConstraint('document_kind_area_year_period_key', ['kind', 'area', 'year', 'period']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document').dropConstraint('document_kind_area_year_period_key').execute();
  await db.deleteFrom('document').where('period', '<>', '').execute();
  await db.schema.alterTable('document').dropColumn('period').execute();
  await db.schema.alterTable('document').addUniqueConstraint('document_kind_area_year_key', ['kind', 'area', 'year']).execute();
}
