/**
 * Golden files of the /v3 API (test/golden/v3/*.json): whole responses of the server, so any
 * change to what a caller gets (columns, labels, order, rounding, suppression, metadata,
 * errors) shows up as a diff to review. The data are fixed: the hand-made test release
 * (test/statbank/helpers.ts, with suppressed cells) and a saved Jobindsats response
 * (test/fixtures/jobindsats-v3), on a fixed clock. The one time the database sets, a
 * release's creation (the tables' `update_latest`), is checked and written as a placeholder.
 * On a difference the new answer is written to `<name>-changed.json`; `UPDATE_GOLDEN=1`
 * accepts it (test/support/golden.ts). Both backends must give the same files.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/index.js';
import { buildServer } from '../../src/server/index.js';
import { importJobindsats } from '../../src/statbank/index.js';
import { publishTestRelease } from '../statbank/helpers.js';
import { backends, createTestDb } from '../support/db.js';
import { expectGolden } from '../support/golden.js';
import { testWebDist } from '../support/web.js';

const now = new Date('2026-01-05T08:00:00Z');
const fixture = new URL('../fixtures/jobindsats-v3/activation.json', import.meta.url).pathname;
const gross = ['gross_unemployed', 'total', 'total'];

/** name → request: each answer is one golden file. */
const requests: Record<string, string> = {
  subjects: '/v3/subjects',
  tables: '/v3/tables',
  'table-y25i01': '/v3/table/y25i01',
  'data-y25i01-suppressed': '/v3/data/y25i01?period.M=latest:2&hierarchy._nykom=DK,K101,K147&dimension.ydelsesgrupper=gross_unemployed,a_dagpenge&include=status',
  'data-y01a02-quarters-gender': '/v3/data/y01a02?period.Q=*&period.Y=*&hierarchy._jobcenter=J561&dimension.koen=*',
  'data-styr_aktivering-offers': '/v3/data/styr_aktivering?period.R=*&period.Y=*&hierarchy._nykom=level:region&dimension.ydelsesgrupper=gross_unemployed&dimension.tilbud=*',
  'data-imported-activation': '/v3/data/jobindsats_aktivering?period.M=*',
  'error-unknown-period': '/v3/data/y25i01?period.M=2030M01',
  'error-unknown-table': '/v3/data/findes_ikke',
};

/** `update_latest` (a release's created_at, set by the database) as a placeholder, once checked to be a time. */
function fixTimes(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body), (key, value: unknown) => {
    if (key === 'request_id') {
      expect(String(value)).toMatch(/\S/);
      return '<the request’s id>';
    }
    if (key !== 'update_latest') return value;
    expect(Number.isNaN(Date.parse(String(value)))).toBe(false);
    return '<the release’s date>';
  });
}

describe.each(backends)('/v3 golden responses on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishTestRelease(db.db, 0, [
      { area: 'DK', dims: gross, period: '2025M06', status: 1 },
      { area: 'K101', dims: gross, period: '2025M06', status: 2 },
    ]);
    await importJobindsats(db.db, { table: 'jobindsats_aktivering', files: [fixture], notes: 'fixture' });
    app = await buildServer({ db, config: loadConfig({}), clock: { now: () => now }, schedule: false, webDist: testWebDist });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.each(Object.entries(requests))('%s', async (name, url) => {
    const res = await app.inject(url);
    expectGolden(`v3/${name}`, {
      request: url,
      status: res.statusCode,
      headers: { 'content-type': res.headers['content-type'], 'x-release': res.headers['x-release'] },
      body: fixTimes(res.json()),
    });
  });
});
