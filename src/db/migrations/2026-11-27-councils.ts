import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // A council (BER, RBR, LBR, RAR) is an organisation; this says which type it is, which
  // decides the composition rules in force (src/councils/composition.ts).
  await db.schema
    .createTable('council')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisation.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .execute();

  // A seat holder with their substitute, term and appointing body; `office` marks the chair.
  await db.schema
    .createTable('council_member')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('seat', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('substitute_name', 'text')
    .addColumn('substitute_email', 'text')
    .addColumn('term_from', 'date', (c) => c.notNull())
    .addColumn('term_to', 'date')
    .addColumn('appointed_by', 'text', (c) => c.notNull())
    .addColumn('office', 'text')
    .addColumn('office_from', 'date')
    .addColumn('office_to', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('council_member_council_idx').on('council_member').column('council_id').execute();

  // A council meeting: agenda items (open or closed, attachments, decision) and minutes, each
  // published when ready. `revision` counts stored changes, as for documents.
  await db.schema
    .createTable('meeting')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agenda_published_at', 'timestamptz')
    .addColumn('minutes_published_at', 'timestamptz')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('meeting_version')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('meeting_version_pkey', ['meeting_id', 'revision'])
    .execute();
  // Uploaded attachments of agenda items.
  await db.schema
    .createTable('meeting_file')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  // A hearing on one version of a document, with a deadline, for one or more bodies.
  await db.schema
    .createTable('hearing')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('require_all', 'boolean', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .execute();
  // A consulted body (a council, an employment region) and its one formal response.
  await db.schema
    .createTable('hearing_body')
    .addColumn('hearing_id', 'integer', (c) => c.notNull().references('hearing.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('response', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('adopted_at', 'timestamptz')
    .addColumn('adopted_by', 'text')
    .addColumn('meeting_id', 'integer', (c) => c.references('meeting.id').onDelete('set null'))
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz')
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('hearing_body_pkey', ['hearing_id', 'organisation_id'])
    .execute();
  await db.schema
    .createTable('hearing_response_version')
    .addColumn('hearing_id', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('hearing_response_version_pkey', ['hearing_id', 'organisation_id', 'revision'])
    .addForeignKeyConstraint('hearing_response_version_body_fkey', ['hearing_id', 'organisation_id'], 'hearing_body', ['hearing_id', 'organisation_id'], (c) => c.onDelete('cascade'))
    .execute();
  // A member's comment on a section (and paragraph) of the heard version. Never edited; withdrawn.
  await db.schema
    .createTable('hearing_comment')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('hearing_id', 'integer', (c) => c.notNull().references('hearing.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('paragraph', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .execute();

  // The yearly calendar: statutory deadlines live in code; a year whose rules differ overrides them here.
  await db.schema
    .createTable('deadline_override')
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('due', 'date', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deadline_override_pkey', ['year', 'step'])
    .execute();
  // Steps no document state can show (e.g. the plan discussed with the region), marked done by hand.
  await db.schema
    .createTable('step_done')
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('done_on', 'date', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('step_done_pkey', ['area', 'year', 'step'])
    .execute();
  // A council's own milestones ("our own yearly calendar").
  await db.schema
    .createTable('council_milestone')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('due', 'date', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A user's secret calendar feed address (hash of the token).
  await db.schema
    .createTable('calendar_feed')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // In-app notifications; mailed at once, in a digest or not at all, as the user chose.
  await db.schema.alterTable('app_user').addColumn('notify', 'text', (c) => c.notNull().defaultTo('daily')).execute();
  await db.schema
    .createTable('notification')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('mailed_at', 'timestamptz')
    .addUniqueConstraint('notification_user_key', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('notification_unmailed_idx').on('notification').columns(['user_id', 'mailed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notification', 'calendar_feed', 'council_milestone', 'step_done', 'deadline_override', 'hearing_comment', 'hearing_response_version', 'hearing_body', 'hearing', 'meeting_file', 'meeting_version', 'meeting', 'council_member', 'council']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('app_user').dropColumn('notify').execute();
}
