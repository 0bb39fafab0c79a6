import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // The minister's goals for a year, each with the indicators that measure it (area left open).
  await db.schema
    .createTable('ministerial_goal')
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('number', 'smallint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('indicators', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ministerial_goal_pkey', ['year', 'number'])
    .execute();

  // A steering document (employment plan, results audit, implementation plan) of an area and
  // year. `revision` counts every stored change: a save must name the revision it edited.
  await db.schema
    .createTable('document')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('approval', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addUniqueConstraint('document_kind_area_year_key', ['kind', 'area', 'year'])
    .execute();

  // Every revision as it was stored, with the event that made it (for history and diffs).
  await db.schema
    .createTable('document_version')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('approval', 'jsonb')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('document_version_pkey', ['document_id', 'revision'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_version').execute();
  await db.schema.dropTable('document').execute();
  await db.schema.dropTable('ministerial_goal').execute();
}
