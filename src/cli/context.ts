import { ensureSteeringReference } from '../documents/index.js';
import { ensureOrganisations } from '../access/index.js';
import { ensureCouncils } from '../councils/index.js';
import { loadConfig, type Config } from '../config.js';
import { migrateToLatest, openDatabase, type Db } from '../db/index.js';

/** Opens the configured database, migrated, for a command; closes it afterwards. */
export async function withDatabase<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await migrateToLatest(db.db);
    await ensureOrganisations(db.db);
    await ensureCouncils(db.db);
    await ensureSteeringReference(db.db);
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

/** Parses a whole number option or fails with a Danish message naming it. */
export function intOption(name: string, min = 0): (v: string) => number {
  return (v) => {
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} skal være et helt tal ≥ ${min} (fik "${v}")`);
    return n;
  };
}
