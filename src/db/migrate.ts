import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as releases from './migrations/2026-11-23-releases.js';
import * as seriesCodec from './migrations/2026-11-24-series-codec.js';
import * as access from './migrations/2026-11-24-access.js';
import * as oidc from './migrations/2026-11-24-oidc.js';
import * as benchmark from './migrations/2026-11-25-benchmark.js';
import * as documents from './migrations/2026-11-26-documents.js';
import * as councils from './migrations/2026-11-27-councils.js';
import * as followup from './migrations/2026-12-03-followup.js';
import * as followupCases from './migrations/2026-12-03-followup-cases.js';
import * as grants from './migrations/2026-12-04-grants.js';
import * as cooperation from './migrations/2026-12-05-cooperation.js';
import * as eras from './migrations/2026-12-06-eras.js';

// Listed explicitly (not read from disk) so the same list runs under tsx, in tests and bundled.
const migrations: Record<string, Migration> = {
  '2026-11-23-releases': releases,
  '2026-11-24-series-codec': seriesCodec,
  '2026-11-24-access': access,
  '2026-11-24-oidc': oidc,
  '2026-11-25-benchmark': benchmark,
  '2026-11-26-documents': documents,
  '2026-11-27-councils': councils,
  '2026-12-03-followup': followup,
  '2026-12-03-followup-cases': followupCases,
  '2026-12-04-grants': grants,
  '2026-12-05-cooperation': cooperation,
  '2026-12-06-eras': eras,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema untyped
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'ukendt';
    throw new Error(`Migrering ${failed} fejlede: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Drops everything in the public schema (db:reset). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export async function resetDatabase(db: Kysely<any>): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
