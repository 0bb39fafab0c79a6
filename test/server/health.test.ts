import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/index.js';
import { insertRelease } from '../../src/indicators/index.js';
import { buildServer } from '../../src/server/index.js';
import { backends, createTestDb } from '../support/db.js';
import { testWebDist } from '../support/web.js';

describe.each(backends)('health and start page on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.close());

  it('answers 200 with the database kind and the latest release', async () => {
    const app = await buildServer({ db, config: loadConfig({}), webDist: testWebDist });
    const empty = await app.inject('/api/health');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ status: 'ok', database: kind, release: null });

    await db.db.transaction().execute((trx) =>
      insertRelease(trx, { source: 'register', firstWeek: '2021-01-04', cutoffWeek: '2025-12-22', notes: 'test', threshold: 5, summary: {} }),
    );
    const res = await app.inject('/api/health');
    expect(res.json()).toMatchObject({ database: kind, release: { version: 1, source: 'register', cutoff_week: '2025-12-22' } });

    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('lang="da"');
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(page.body)?.[1];
    const asset = await app.inject(script!);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    // Every app page is the same shell; the API decides what it shows.
    expect((await app.inject('/invitation/abc')).body).toBe(page.body);
    expect((await app.inject('/findes-ikke')).statusCode).toBe(404);
    const demo = await app.inject('/api/demo');
    expect(demo.json()).toEqual({ status: 'idle', stages: [] });
    await app.close();
  });
});

describe('configuration', () => {
  it('has the documented defaults and names a bad variable', () => {
    const c = loadConfig({});
    expect([c.PORT, c.DATA_DIR, c.DATABASE_URL, c.DISCLOSURE_THRESHOLD]).toEqual([3000, './data', undefined, 5]);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
