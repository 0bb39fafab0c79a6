import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { createApiKey, hashToken, listApiKeys, revokeApiKey } from '../../src/statbank/index.js';
import { backends, createTestDb } from '../support/db.js';
import { buildApp, publishTestRelease } from './helpers.js';

const URL = '/v3/data/y25i01?period.M=latest:1';

describe.each(backends)('statbank API keys and rate limit on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishTestRelease(db.db, 0);
    app = await buildApp(db.db, 3);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const get = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: URL, headers });

  it('creates keys whose token is shown once and stored only as a SHA-256 hash', async () => {
    const k = await createApiKey(db.db, 'Kommune X');
    expect(k.token).toMatch(/^styr_[A-Za-z0-9_-]{43}$/);
    const stored = await db.db.selectFrom('api_key').selectAll().where('id', '=', k.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(k.token));
    expect(stored.token_hash).not.toContain(k.token);
    const listed = await listApiKeys(db.db);
    expect(listed.find((x) => x.id === k.id)).toMatchObject({ name: 'Kommune X', revoked_at: null });
    expect(JSON.stringify(listed)).not.toContain(stored.token_hash);
    await expect(createApiKey(db.db, '  ')).rejects.toThrow(/tomt/);
  });

  it('lets anonymous callers read until their per-minute limit, keyed callers without limit', async () => {
    const { token } = await createApiKey(db.db, 'Analytiker');
    const anon = [await get(), await get(), await get(), await get()];
    expect(anon.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    expect(anon[0]!.headers['x-ratelimit-limit']).toBe('3');
    expect(anon[0]!.json().rows).toHaveLength(1);
    expect(anon[3]!.json().error.code).toBe('rate_limited');
    expect(anon[3]!.json().error.message).toMatch(/API-nøgle/);
    for (let i = 0; i < 6; i++) {
      const r = await get({ authorization: `Bearer ${token}` });
      expect(r.statusCode).toBe(200);
      expect(r.headers['x-release']).toBe('1');
    }
  });

  it('refuses bad, malformed and revoked keys with 401', async () => {
    const bad = await get({ authorization: 'Bearer styr_forkert' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('unauthorized');
    expect(bad.headers['www-authenticate']).toBe('Bearer');
    expect((await get({ authorization: 'Basic abc' })).statusCode).toBe(401);

    const k = await createApiKey(db.db, 'Midlertidig');
    expect((await get({ authorization: `Bearer ${k.token}` })).statusCode).toBe(200);
    expect(await revokeApiKey(db.db, k.id)).toBe(true);
    expect(await revokeApiKey(db.db, k.id)).toBe(false);
    expect((await get({ authorization: `Bearer ${k.token}` })).statusCode).toBe(401);
    expect((await listApiKeys(db.db)).find((x) => x.id === k.id)?.revoked_at).toBeInstanceOf(Date);
  });
});
