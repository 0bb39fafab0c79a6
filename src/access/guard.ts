/**
 * Enforcement on the server, for every route: each route must name a permission in its
 * config (the server refuses to start otherwise); each request is resolved to an actor
 * (session cookie → user, else public) and checked against policy.ts. State-changing
 * requests of a logged-in user must carry the session's CSRF token (header x-csrf-token).
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { permissions, scopeOf, type Actor, type Permission, type Scope } from './policy.js';
import { findSession, type User } from './users.js';

export const SESSION_COOKIE = 'styr_session';

interface Principal {
  actor: Actor;
  user: User | null;
  /** The session's CSRF token (logged-in users). */
  csrf: string | null;
  /** The scope the route's permission grants. */
  scope: Scope;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs (policy.ts). Required on every route. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyInstance {
    /** Every route with its permission, as registered (for the access-matrix test and docs). */
    routeTable: { method: string; url: string; permission: Permission }[];
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Route options naming the route's permission (every route needs one); `extra` adds more config, e.g. rateLimit. */
export const permit = (permission: Permission, extra: Record<string, unknown> = {}) => ({ config: { permission, ...extra } });

export function accessError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
}

export async function installGuard(app: FastifyInstance, db: Kysely<Database>): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('principal', null as unknown as Principal);
  const table: FastifyInstance['routeTable'] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const p = route.config?.permission;
    if (!p || !permissions.includes(p)) throw new Error(`Ruten ${String(route.method)} ${route.url} angiver ingen gyldig adgangsregel (config.permission).`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, permission: p });
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await findSession(db, token) : null;
    if (token && !session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    const actor: Actor = session ? session.user.role : 'public';
    const permission = req.routeOptions.config.permission;
    if (!permission) return; // 404s: no route
    const scope = scopeOf(actor, permission);
    if (!scope) {
      return session
        ? accessError(reply, 403, 'forbidden', 'Din rolle giver ikke adgang til dette. Kontakt din administrator, hvis du mener, det er en fejl.')
        : accessError(reply, 401, 'login_required', 'Log ind for at se dette.');
    }
    if (session && unsafe.has(req.method) && req.headers['x-csrf-token'] !== session.csrf) {
      return accessError(reply, 403, 'csrf', 'Sikkerhedstjekket fejlede. Genindlæs siden, og prøv igen.');
    }
    // Without a session, a browser's cross-site POST (e.g. to log in) is refused by its Origin.
    const origin = req.headers.origin;
    if (!session && unsafe.has(req.method) && origin !== undefined && hostOf(origin) !== req.headers.host) {
      return accessError(reply, 403, 'csrf', 'Forespørgslen kom fra et andet websted og er afvist.');
    }
    req.principal = { actor, user: session?.user ?? null, csrf: session?.csrf ?? null, scope };
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
