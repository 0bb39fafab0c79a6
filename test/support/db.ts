import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db, type DatabaseKind } from '../../src/db/index.js';

/**
 * The backends the database tests loop over (as Kysely loops over dialects):
 * PGlite always, PostgreSQL when TEST_DATABASE_URL is set (scripts/test.sh sets it).
 * TEST_BACKENDS=pglite or =postgresql narrows the loop.
 */
export const backends: DatabaseKind[] = (['pglite', 'postgresql'] as const).filter(
  (k) => (k === 'pglite' || !!process.env.TEST_DATABASE_URL) && (!process.env.TEST_BACKENDS || process.env.TEST_BACKENDS.split(',').includes(k)),
);

/**
 * A fresh, migrated database of the given kind. On PostgreSQL each call creates its own
 * database, so test files run in parallel without seeing each other's rows.
 */
export async function createTestDb(kind: DatabaseKind): Promise<Db> {
  if (kind === 'pglite') {
    const db = await openDatabase({});
    await migrateToLatest(db.db);
    return db;
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `styr_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  await migrateToLatest(db.db);
  return {
    ...db,
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
