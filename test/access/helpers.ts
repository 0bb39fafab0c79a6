import type { FastifyInstance } from 'fastify';
import { ensureOrganisations, type Role } from '../../src/access/index.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/index.js';
import { buildServer } from '../../src/server/index.js';
import type { Clock } from '../../src/clock.js';
import { ensureCouncils } from '../../src/councils/index.js';
import { createUsers, TEST_PASSWORD, userOf } from '../support/factories.js';
import { testWebDist } from '../support/web.js';

/** A server on a database with the organisations, the councils and the test cast (test/support/factories.ts). */
export async function accessServer(db: Db, env: Record<string, string> = {}, clock?: Clock): Promise<FastifyInstance> {
  await ensureOrganisations(db.db);
  await ensureCouncils(db.db);
  await createUsers(db.db);
  return buildServer({ db, config: loadConfig({ LOGIN_RATE_LIMIT: '100000', ...env }), clock, schedule: false, webDist: testWebDist });
}

export interface Login {
  cookie: string;
  csrf: string;
}

export async function loginAs(app: FastifyInstance, role: Role): Promise<Login> {
  return loginWith(app, userOf(role).email, TEST_PASSWORD);
}

export async function loginWith(app: FastifyInstance, email: string, password: string): Promise<Login> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const set = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('styr_session='))!;
  return { cookie: set.split(';')[0]!, csrf: res.json().csrf_token as string };
}

/** Request as a logged-in user (or public without `as`), with the CSRF header. */
export function call(app: FastifyInstance, method: string, url: string, as?: Login, payload?: unknown) {
  return app.inject({
    method: method as 'GET',
    url,
    headers: as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
