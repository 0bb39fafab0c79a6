import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // A jobcenter's written cooperation agreement (samarbejdsaftale) with a-kasser, union sections,
  // other municipalities and others: its content as JSON, its state and dates as columns (the
  // calendar and the reminders read them).
  await db.schema
    .createTable('cooperation_agreement')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('jobcenter', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('in_force', 'date')
    .addColumn('valid_until', 'date')
    .addColumn('review_on', 'date')
    .addColumn('signed_on', 'date')
    .addColumn('terminated_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cooperation_agreement_jobcenter_idx').on('cooperation_agreement').columns(['jobcenter', 'state']).execute();
  // Every version as it was: what was saved or signed, by whom and when.
  await db.schema
    .createTable('cooperation_agreement_version')
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('cooperation_agreement.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('cooperation_agreement_version_pk', ['agreement_id', 'version'])
    .execute();
  // The documents attached: the signed agreement, annexes.
  await db.schema
    .createTable('cooperation_agreement_file')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('cooperation_agreement.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
}
