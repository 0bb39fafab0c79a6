import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // An LBR's yearly state grant (LBR-midler): the frame its plan must keep within, set nationally.
  await db.schema
    .createTable('council_grant')
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.organisation_id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('council_grant_pk', ['council_id', 'year'])
    .execute();
  // What became of each initiative of an adopted grant plan: money committed and spent, and the
  // evaluation and accounts due by `due` (the evaluation's results as the bank measured them).
  await db.schema
    .createTable('grant_account')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('initiative', 'text', (c) => c.notNull())
    .addColumn('committed', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('spent', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('due', 'date')
    .addColumn('evaluation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evaluated_on', 'date')
    .addColumn('results', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('accounts', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accounts_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grant_account_pk', ['document_id', 'initiative'])
    .execute();
  // A jobcenter heard on its LBR's grant plan says whether the plan is within the employment plan's frame.
  await db.schema.alterTable('hearing_body').addColumn('verdict', 'text').execute();
}
