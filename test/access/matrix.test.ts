/**
 * The access matrix: every route of the server × every actor (the five roles and the
 * public), against the table in src/access/policy.ts. Allowed means the guard let the
 * request through (any status but 401/403); denied means 401 for the public and 403 for
 * a logged-in user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, roles, scopeOf } from '../../src/access/index.js';
import type { Db } from '../../src/db/index.js';
import { backends, createTestDb } from '../support/db.js';
import { accessServer, call, loginAs } from './helpers.js';

/**
 * The matrix as reviewed by people, independent of policy.ts: who may use each route.
 * A new route must be added here (the test fails otherwise). The app's pages (/login,
 * /brugere, …) are the same public shell; the API calls behind them are what is guarded.
 */
const ALL = 'national_admin regional_monitor jobcenter_editor jobcenter_reader council_member public';
const LOGGED_IN = 'national_admin regional_monitor jobcenter_editor jobcenter_reader council_member';
const reviewed: Record<string, string> = {
  'GET /': ALL,
  'GET /api/health': ALL,
  'GET /api/demo': ALL,
  'GET /assets/*': ALL,
  'GET /login': ALL,
  'GET /brugere': ALL,
  'GET /invitation/:token': ALL,
  'GET /statistik': ALL,
  'GET /statistik/:table': ALL,
  'GET /api/profile/:area': ALL,
  'GET /api/areas': ALL,
  'GET /omraade/:area': ALL,
  'GET /aendringslog': ALL,
  'GET /benchmark': ALL,
  'GET /benchmark/:id': ALL,
  'GET /resultatproblemer': ALL,
  'GET /api/releases': ALL,
  'GET /v3/subjects': ALL,
  'GET /v3/tables': ALL,
  'GET /v3/table/:id': ALL,
  'GET /v3/data/:id': ALL,
  'GET /api/session': ALL,
  'POST /api/session': ALL,
  'POST /api/invitations/:token': ALL,
  'GET /api/oidc/login': ALL,
  'GET /api/oidc/callback': ALL,
  'DELETE /api/session': LOGGED_IN,
  'GET /api/organisations': LOGGED_IN,
  'GET /api/users': 'national_admin regional_monitor',
  'POST /api/users': 'national_admin',
  'PATCH /api/users/:id': 'national_admin',
  'GET /api/audit': 'national_admin regional_monitor',
  'GET /api/benchmark': ALL,
  'GET /api/benchmark/ranking': ALL,
  'GET /api/benchmark/jobcenters/:id': ALL,
  'GET /api/benchmark/problems': LOGGED_IN,
  'GET /dokumenter': ALL,
  'GET /dokumenter/:id': ALL,
  'GET /maal': ALL,
  'GET /ministermaal': ALL,
  'GET /api/goals': ALL,
  'PUT /api/goals/:year': 'national_admin',
  'GET /api/documents': ALL,
  'POST /api/documents': 'national_admin regional_monitor jobcenter_editor',
  'GET /api/documents/:id': ALL,
  'PUT /api/documents/:id': 'national_admin regional_monitor jobcenter_editor',
  'POST /api/documents/:id/transitions': 'national_admin regional_monitor jobcenter_editor',
  'PUT /api/documents/:id/comments': 'national_admin regional_monitor council_member',
  'POST /api/documents/:id/regenerate': 'national_admin regional_monitor jobcenter_editor',
  'GET /api/documents/:id/versions': ALL,
  'GET /api/documents/:id/diff': ALL,
  'GET /api/documents/:id/html': ALL,
  'GET /api/documents/:id/pdf': ALL,
  'GET /api/targets': ALL,
  'POST /api/audits/generate': 'national_admin',
};

const params: Record<string, string> = { id: '1', token: 'x'.repeat(32) };
const concrete = (url: string) => url.replace(/:(\w+)/g, (_m, p: string) => params[p] ?? 'x').replace('*', 'x.js');

describe.each(backends)('access matrix on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.close());

  it('every route × every role is allowed or denied exactly as policy.ts says', async () => {
    // With OIDC configured, so its routes are in the table too (the provider is unreachable: a redirect back to login).
    const app = await accessServer(db, { OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'styr' });
    const routes = app.routeTable;
    // The server's own routes are all there, each with a declared permission.
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining([
      'GET /api/health', 'GET /v3/data/:id', 'POST /api/session', 'DELETE /api/session', 'GET /api/users', 'POST /api/users', 'PATCH /api/users/:id', 'GET /api/audit',
    ]));
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(reviewed).sort());
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const actor of actors) {
      for (const r of routes) {
        // A fresh session per request: DELETE /api/session ends it.
        const as = actor === 'public' ? undefined : await loginAs(app, actor);
        const res = await call(app, r.method, concrete(r.url), as, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const got = res.statusCode === 401 || res.statusCode === 403 ? `deny ${res.statusCode}` : 'allow';
        outcomes.push(`${actor} ${r.method} ${r.url}: ${got}`);
        expect(scopeOf(actor, r.permission) !== null, `policy.ts vs the reviewed matrix: ${actor} ${r.method} ${r.url}`)
          .toBe((reviewed[`${r.method} ${r.url}`] ?? '').split(' ').includes(actor));
        expected.push(`${actor} ${r.method} ${r.url}: ${scopeOf(actor, r.permission) ? 'allow' : actor === 'public' ? 'deny 401' : 'deny 403'}`);
      }
    }
    expect(outcomes).toEqual(expected);
    // The table is not trivial: some routes are denied to some roles, and each role is allowed something.
    for (const role of roles) expect(outcomes.some((o) => o.startsWith(`${role} `) && o.endsWith('allow'))).toBe(true);
    expect(outcomes.filter((o) => o.includes('deny')).length).toBeGreaterThan(10);
    await app.close();
  });
});
