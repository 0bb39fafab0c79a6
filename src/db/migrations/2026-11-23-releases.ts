import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('release')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('register', 'jobindsats')`))
    .addColumn('first_week', 'date')
    .addColumn('cutoff_week', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disclosure_threshold', 'integer')
    .addColumn('summary', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  // A dataset of a release: its dimensions, measures and the ordered list of periods
  // that every series of the dataset is aligned to.
  await db.schema
    .createTable('release_dataset')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('release.id').onDelete('cascade'))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('spec', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_dataset_pk', ['release_id', 'dataset'])
    .execute();

  // One time series per area × dimension values. `values` holds float64 little-endian,
  // period-major (period i, measure j at i × measures + j; NaN = no value); `status` one
  // byte per period (0 published, 1 primary, 2 secondary suppression, 3 not available).
  // Binary series keep a release of millions of cells to a few hundred thousand rows.
  await db.schema
    .createTable('release_series')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('release.id').onDelete('cascade'))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('dims', sql`text[]`, (c) => c.notNull())
    .addColumn('values', 'bytea', (c) => c.notNull())
    .addColumn('status', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_series_pk', ['release_id', 'dataset', 'area', 'dims'])
    .execute();

  await db.schema
    .createTable('release_table')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('release.id').onDelete('cascade'))
    .addColumn('table_id', 'text', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_table_pk', ['release_id', 'table_id'])
    .execute();

  // Releases are immutable: refuse updates of their content at the database level.
  await sql`
    create function forbid_release_update() returns trigger language plpgsql as $$
    begin
      raise exception 'releases are immutable (%)', tg_table_name using errcode = 'P0001';
    end $$`.execute(db);
  for (const table of ['release', 'release_dataset', 'release_series', 'release_table']) {
    await sql`create trigger ${sql.id(`${table}_immutable`)} before update on ${sql.table(table)}
      for each row execute function forbid_release_update()`.execute(db);
  }

  await db.schema
    .createTable('api_key')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_key').execute();
  for (const t of ['release_table', 'release_series', 'release_dataset', 'release']) await db.schema.dropTable(t).execute();
  await sql`drop function forbid_release_update`.execute(db);
}
