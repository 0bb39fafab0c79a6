import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // Framework conditions per municipality and year (what a jobcenter cannot influence).
  await db.schema
    .createTable('framework_conditions')
    .addColumn('municipality', 'smallint', (c) => c.notNull())
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('population_16_66', 'integer', (c) => c.notNull())
    .addColumn('unemployment_level', 'float8', (c) => c.notNull())
    .addColumn('non_western_share', 'float8', (c) => c.notNull())
    .addColumn('western_share', 'float8', (c) => c.notNull())
    .addColumn('education_level', 'float8', (c) => c.notNull())
    .addColumn('urban', 'float8', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_conditions_pkey', ['municipality', 'year'])
    .execute();

  // One benchmarking of a release: settings, model fits, clusters. The newest run of a
  // release is the one shown; older runs stay so an audit can name the peer group it used.
  await db.schema
    .createTable('benchmark_run')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('release_id', 'integer', (c) => c.notNull().references('release.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('periods', 'jsonb', (c) => c.notNull())
    .addColumn('measures', 'jsonb', (c) => c.notNull())
    .addColumn('fits', 'jsonb', (c) => c.notNull())
    .addColumn('clustering', 'jsonb', (c) => c.notNull())
    .addColumn('savings', 'jsonb', (c) => c.notNull())
    .addColumn('unavailable', 'jsonb', (c) => c.notNull())
    .addColumn('seconds', 'float8', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('benchmark_run_release_idx').on('benchmark_run').column('release_id').execute();

  // A jobcenter's peer cluster and nearest neighbours in a run.
  await db.schema
    .createTable('benchmark_peer')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('benchmark_run.id').onDelete('cascade'))
    .addColumn('jobcenter', 'text', (c) => c.notNull())
    .addColumn('cluster', 'smallint', (c) => c.notNull())
    .addColumn('neighbours', 'jsonb', (c) => c.notNull())
    .addColumn('conditions', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('benchmark_peer_pkey', ['run_id', 'jobcenter'])
    .execute();

  // Expected vs. actual per jobcenter and measure: float64 period-major, BENCHMARK_FIELDS per period, deflated.
  await db.schema
    .createTable('benchmark_series')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('benchmark_run.id').onDelete('cascade'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('jobcenter', 'text', (c) => c.notNull())
    .addColumn('values', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('benchmark_series_pkey', ['run_id', 'measure', 'jobcenter'])
    .execute();

  // Result problems found in a run, with their evidence and their course over time.
  await db.schema
    .createTable('benchmark_flag')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('run_id', 'integer', (c) => c.notNull().references('benchmark_run.id').onDelete('cascade'))
    .addColumn('jobcenter', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_period', 'text', (c) => c.notNull())
    .addColumn('last_period', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('benchmark_flag_run_idx').on('benchmark_flag').columns(['run_id', 'jobcenter']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['benchmark_flag', 'benchmark_series', 'benchmark_peer', 'benchmark_run', 'framework_conditions']) await db.schema.dropTable(t).execute();
}
