import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // A year run on another era's rules than the law's (eras/): e.g. 2026 on the 2007–2014 rules.
  await db.schema
    .createTable('year_era')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('era', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('year_era').execute();
}
