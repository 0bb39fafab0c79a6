import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Database, type Db, type DatabaseKind } from '../../src/db/index.js';

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
 * database, so test files run in parallel without seeing each other's rows. On PGlite each
 * call loads a copy of one migrated data directory (`pgliteTemplate`): a new PGlite runs
 * initdb, about 4 s of CPU; loading the copy takes under 1 s.
 */
export async function createTestDb(kind: DatabaseKind): Promise<Db> {
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ loadDataDir: await pgliteTemplate(), parsers });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return { db, kind: 'pglite', close: () => db.destroy() };
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

// The type parsers openDatabase gives PGlite: dates stay 'YYYY-MM-DD', int8 is a number.
const parsers = { 1082: (v: string) => v, 20: (v: string) => Number(v) };

const root = resolve(import.meta.dirname, '../..');
const cacheDir = join(root, '.tmp/test-cache');
let template: Promise<Blob> | undefined;

/**
 * The migrated PGlite data directory as an uncompressed tarball, made once and kept in
 * `.tmp/test-cache/pglite-<key>.tar` (ignored by git) for the next runs. The key is a hash
 * of the migrations and the PGlite version, so a new or changed migration makes a new one.
 * Workers that find no file make it themselves (the rename is atomic; the last one wins).
 */
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = join(cacheDir, `pglite-${templateKey()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const pglite = await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await migrateToLatest(db);
    const tar = await pglite.dumpDataDir('none');
    await db.destroy();
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, new Uint8Array(await tar.arrayBuffer()));
    renameSync(tmp, file);
    return tar;
  })();
  return template;
}

function templateKey(): string {
  const h = createHash('sha256');
  h.update(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json')));
  const dir = join(root, 'src/db/migrations');
  for (const f of [join(root, 'src/db/migrate.ts'), ...readdirSync(dir).sort().map((n) => join(dir, n))]) h.update(f).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}
