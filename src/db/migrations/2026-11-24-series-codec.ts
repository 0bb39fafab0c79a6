import { sql, type Kysely } from 'kysely';


// Frozen in time: takes Kysely<any> and never imports application types.
// Series values are compressed by the application (deflate: a release is several hundred
// MB of float64, mostly zeros and repeats; PostgreSQL's own pglz is slow in PGlite). Rows
// written before this migration keep the raw layout, codec 'f64'.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('release_series').addColumn('codec', 'text', (c) => c.notNull().defaultTo('f64').check(sql`codec in ('f64', 'f64-deflate')`)).execute();
  // Already compressed: no second attempt by TOAST.
  await sql`alter table release_series alter column "values" set storage external`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table release_series alter column "values" set storage extended`.execute(db);
  await db.schema.alterTable('release_series').dropColumn('codec').execute();
}
