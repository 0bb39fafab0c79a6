/**
 * /api/session, /api/invitations, /api/organisations, /api/users, /api/audit. Bodies and
 * queries are validated with zod; errors are Danish and name the field.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/index.js';
import { listAudit } from './audit.js';
import { accessError, permit, SESSION_COOKIE } from './guard.js';
import { areaWithin } from './organisations.js';
import type { Mailer } from '../mail/index.js';
import { sendInvitation } from './invitation.js';
import { oidcRoutes, type OidcSettings } from './oidc.js';
import { respond } from '../server/shared.js';
import { auditResponse, invitedResponse, organisationsResponse, sessionResponse, userResponse, usersResponse } from './responses.js';
import { policy, roles, scopeOf, type Permission, type Scope } from './policy.js';
import { AccessError, acceptInvitation, createSession, deleteSession, findUser, inviteUser, listOrganisations, listUsers, login, updateUser, type User } from './users.js';

interface AccessRoutesOptions {
  db: Kysely<Database>;
  /** Secure cookies (HTTPS); off for plain-HTTP development. */
  secureCookies: boolean;
  /** Public base URL, for invitation links. */
  baseUrl: string;
  /** Login and invitation attempts per minute and IP (default 10). */
  loginRateLimit?: number;
  /** Sends invitations by mail when enabled. */
  mailer?: Mailer;
  /** OIDC login, when configured. */
  oidc?: OidcSettings;
}

const email = z.string({ error: 'skal udfyldes' }).trim().toLowerCase().pipe(z.email({ error: 'er ikke en gyldig e-mailadresse' }));
const password = z.string({ error: 'skal udfyldes' }).min(10, { error: 'skal være mindst 10 tegn' }).max(200, { error: 'må højst være 200 tegn' });
const role = z.enum(roles, { error: `skal være en af ${roles.join(', ')}` });
const fieldNames: Record<string, string> = { email: 'E-mail', password: 'Adgangskode', name: 'Navn', organisation: 'Organisation', role: 'Rolle', version: 'Version', disabled: 'Deaktiveret', id: 'Id', limit: 'Antal', before: 'Før' };

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  throw new AccessError(400, 'invalid_field', `${fieldNames[field] ?? (field || 'Forespørgslen')}: ${issue.message}.`, field || undefined);
}

const publicUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role, organisation: u.organisation, disabled: u.disabled, active: u.active, version: u.version });

export async function accessRoutes(app: FastifyInstance, opts: AccessRoutesOptions): Promise<void> {
  const { db } = opts;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secureCookies };
  const limited = { rateLimit: { max: opts.loginRateLimit ?? 10, timeWindow: 60_000 } };
  const actorOf = (u: User | null) => ({ id: u?.id ?? null, label: u?.email ?? 'ukendt' });

  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err instanceof AccessError) return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, field: err.field } });
    if (err.statusCode === 429) return accessError(reply, 429, 'rate_limited', 'For mange forsøg. Vent et minut, og prøv igen.');
    if (err.statusCode && err.statusCode < 500) return accessError(reply, err.statusCode, 'bad_request', 'Forespørgslen kunne ikke læses. Kontrollér felterne, og prøv igen.');
    req.log.error(err);
    return accessError(reply, 500, 'internal', 'Der opstod en fejl hos os. Prøv igen om lidt.');
  });
  await app.register(rateLimit, { global: false });
  if (opts.oidc) await app.register(oidcRoutes, { db, settings: opts.oidc, secureCookies: opts.secureCookies });

  const sessionBody = (req: FastifyRequest, reply: FastifyReply, user: User | null, csrf: string | null) =>
    reply.send(respond(req, sessionResponse, {
      user: user && publicUser(user),
      csrf_token: csrf,
      oidc: opts.oidc ? { label: opts.oidc.label, login: '/api/oidc/login' } : null,
      permissions: Object.fromEntries(Object.keys(policy).flatMap((p): [string, Scope][] => {
        const scope = scopeOf(user?.role ?? 'public', p as Permission);
        return scope ? [[p, scope]] : [];
      })),
    }));

  app.get('/session', permit('session.create'), async (req, reply) => sessionBody(req, reply, req.principal.user, req.principal.csrf));

  app.post('/session', permit('session.create', limited), async (req, reply) => {
    const body = parse(z.object({ email, password: z.string({ error: 'skal udfyldes' }).min(1, { error: 'skal udfyldes' }) }), req.body);
    const result = await login(db, body.email, body.password);
    if (!result) throw new AccessError(401, 'invalid_credentials', 'Forkert e-mail eller adgangskode, eller brugeren er deaktiveret.');
    reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
    return sessionBody(req, reply, result.user, result.csrf);
  });

  app.delete('/session', permit('session.own'), async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.post('/invitations/:token', permit('session.create', limited), async (req, reply) => {
    const { token } = parse(z.object({ token: z.string().min(20).max(100) }), req.params);
    const body = parse(z.object({ password }), req.body);
    const userId = await acceptInvitation(db, token, body.password);
    const session = await createSession(db, userId);
    reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
    reply.code(201);
    return sessionBody(req, reply, (await findUser(db, userId))!, session.csrf);
  });

  app.get('/organisations', permit('organisations.read'), async (req) => respond(req, organisationsResponse, await listOrganisations(db)));

  /** The area a scoped user may act within (null: everywhere). */
  const scopeArea = (p: { scope: string; user: User | null }) => (p.scope === 'own_area' ? (p.user?.organisation.area ?? '-') : undefined);

  app.get('/users', permit('users.read'), async (req) => respond(req, usersResponse, (await listUsers(db, scopeArea(req.principal))).map(publicUser)));

  app.post('/users', permit('users.manage'), async (req, reply) => {
    const body = parse(z.object({ email, name: z.string({ error: 'skal udfyldes' }).trim().min(1, { error: 'skal udfyldes' }).max(200), organisation: z.string({ error: 'skal vælges' }).min(1, { error: 'skal vælges' }), role }), req.body);
    const { user, token } = await inviteUser(db, actorOf(req.principal.user), body);
    const url = `${opts.baseUrl}/invitation/${token}`;
    let mailed = false;
    try {
      mailed = await sendInvitation(opts.mailer, user, req.principal.user, url);
    } catch (err) {
      // The user exists; the administrator gets the link to pass on instead.
      req.log.error(err);
    }
    return reply.code(201).send(respond(req, invitedResponse, { user: publicUser(user), invitation_url: url, mailed }));
  });

  app.patch('/users/:id', permit('users.manage'), async (req) => {
    const { id } = parse(z.object({ id: z.coerce.number().int().positive() }), req.params);
    const body = parse(z.object({ version: z.number({ error: 'mangler' }).int(), role: role.optional(), organisation: z.string().min(1).optional(), disabled: z.boolean().optional() }), req.body);
    const target = await findUser(db, id);
    const area = scopeArea(req.principal);
    if (!target || (area && !areaWithin(target.organisation.area, area))) throw new AccessError(404, 'not_found', 'Brugeren findes ikke.');
    return respond(req, userResponse, publicUser(await updateUser(db, actorOf(req.principal.user), id, body)));
  });

  app.get('/audit', permit('audit.read'), async (req) => {
    const q = parse(z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().positive().optional() }), req.query);
    const area = scopeArea(req.principal);
    const organisationIds = area ? (await listOrganisations(db)).filter((o) => areaWithin(o.area, area)).map((o) => o.id) : undefined;
    return respond(req, auditResponse, await listAudit(db, { ...q, organisationIds }));
  });
}
