export { openDatabase, type Db, type DatabaseKind } from './database.js';
export { migrateToLatest, resetDatabase } from './migrate.js';
export type { Database } from './schema.js';
