import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/index.js';

/** An API key as listed (never with its token or hash). */
interface ApiKeyInfo {
  id: number;
  name: string;
  created_at: Date;
  revoked_at: Date | null;
}

const nameSchema = z.string().trim().min(1, 'Navnet på en API-nøgle må ikke være tomt').max(200, 'Navnet på en API-nøgle er for langt (højst 200 tegn)');

/** SHA-256 of a token, hex; only the hash is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// Verified tokens are cached briefly per database so that keyed requests cost no extra
// round trip; revokeApiKey clears the cache of its database at once, other processes
// (the CLI) see a revocation within VERIFY_TTL_MS.
const VERIFY_TTL_MS = 10_000;
const MAX_CACHED = 10_000;
const caches = new WeakMap<Kysely<Database>, Map<string, { key: { id: number; name: string } | null; until: number }>>();

function cacheOf(db: Kysely<Database>) {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  return c;
}

/** Creates a key; returns the token once (`styr_` + 43 characters). Only its SHA-256 is stored. */
export async function createApiKey(db: Kysely<Database>, name: string): Promise<{ id: number; name: string; token: string }> {
  const n = nameSchema.parse(name);
  const token = `styr_${randomBytes(32).toString('base64url')}`;
  const row = await db.insertInto('api_key').values({ name: n, token_hash: hashToken(token), revoked_at: null }).returning(['id', 'name']).executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, token };
}

/** Revokes a key; false when no active key has that id. */
export async function revokeApiKey(db: Kysely<Database>, id: number): Promise<boolean> {
  const r = await db.updateTable('api_key').set({ revoked_at: sql<Date>`now()` }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  caches.get(db)?.clear();
  return Number(r.numUpdatedRows) > 0;
}

/** Every key, newest first, without secrets. */
export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('api_key').select(['id', 'name', 'created_at', 'revoked_at']).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, created_at: new Date(r.created_at), revoked_at: r.revoked_at ? new Date(r.revoked_at) : null }));
}

/** The active key a token belongs to, or null (unknown or revoked). */
export async function verifyApiKey(db: Kysely<Database>, token: string): Promise<{ id: number; name: string } | null> {
  const hash = hashToken(token);
  const cache = cacheOf(db);
  const now = Date.now();
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.key;
  const row = await db.selectFrom('api_key').select(['id', 'name']).where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
  const key = row ? { id: row.id, name: row.name } : null;
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(hash, { key, until: now + VERIFY_TTL_MS });
  return key;
}
