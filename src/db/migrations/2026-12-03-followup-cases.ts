import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // A case on a jobcenter's result problem: the flag's evidence as of the release it was opened
  // on, its escalation stage (dialogue → agreement → order) and how it closed.
  await db.schema
    .createTable('followup_case')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('jobcenter', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('opened_release', 'integer', (c) => c.notNull())
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('next_date', 'date')
    .addColumn('closed_reason', 'text')
    .addColumn('closed_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followup_case_jobcenter_idx').on('followup_case').columns(['jobcenter', 'stage']).execute();

  // What happened in a case, each with its date, who decided and the documents and meeting it rests on.
  await db.schema
    .createTable('followup_step')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('followup_case.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.references('meeting.id').onDelete('set null'))
    .addColumn('document_id', 'integer', (c) => c.references('document.id').onDelete('set null'))
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  // An LBR's recommendation to the RBR that a special focus is put on areas, and the region's answer.
  await db.schema
    .createTable('followup_recommendation')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('jobcenter', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('followup_recommendation').execute();
  await db.schema.dropTable('followup_step').execute();
  await db.schema.dropTable('followup_case').execute();
}
