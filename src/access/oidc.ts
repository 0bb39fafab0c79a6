/**
 * Login through an OpenID Connect provider (MitID Erhverv and NemLog-in are reached through
 * OIDC brokers), as an option beside local accounts: authorization code flow with PKCE,
 * state and nonce. The provider says who the person is (the `email` claim); the platform
 * decides what they may do: only users an administrator has created, and not disabled,
 * get a session, with the role and organisation given here.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { Database } from '../db/index.js';
import { permit, SESSION_COOKIE } from './guard.js';
import { createSession } from './users.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** The app's public address; the callback is <publicUrl>/api/oidc/callback. */
  publicUrl: string;
  label: string;
}

/** Only paths on this site. */
const safeNext = (next: unknown) => (typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export async function oidcRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; settings: OidcSettings; secureCookies: boolean }): Promise<void> {
  const { db, settings } = opts;
  const redirectUri = `${settings.publicUrl}/api/oidc/callback`;
  const issuer = new URL(settings.issuer);
  // Plain HTTP only for a provider on this machine (development and tests).
  const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  let config: Promise<client.Configuration> | undefined;
  const configuration = () => {
    config ??= client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined);
    config.catch(() => (config = undefined));
    return config;
  };
  const perm = permit('session.create');

  app.get('/oidc/login', perm, async (req, reply) => {
    let c: client.Configuration;
    try {
      c = await configuration();
    } catch (err) {
      req.log.error(err);
      return reply.redirect('/login?fejl=oidc_utilgaengelig');
    }
    const state = client.randomState(), nonce = client.randomNonce(), verifier = client.randomPKCECodeVerifier();
    await db.deleteFrom('oidc_login').where('expires_at', '<', new Date()).execute();
    await db.insertInto('oidc_login').values({ state, nonce, code_verifier: verifier, next: safeNext((req.query as { next?: unknown }).next) }).execute();
    const url = client.buildAuthorizationUrl(c, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.redirect(url.href);
  });

  app.get('/oidc/callback', perm, async (req, reply) => {
    const current = new URL(req.url, settings.publicUrl);
    const state = current.searchParams.get('state') ?? '';
    const pending = await db.deleteFrom('oidc_login').where('state', '=', state).returningAll().executeTakeFirst();
    if (!pending || pending.expires_at.getTime() < Date.now()) return reply.redirect('/login?fejl=oidc_udloebet');
    let email: string | undefined;
    try {
      const c = await configuration();
      const tokens = await client.authorizationCodeGrant(c, current, { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
      const claims = tokens.claims()!;
      // Many providers put the e-mail only in userinfo.
      const found = typeof claims.email === 'string' ? claims.email : (await client.fetchUserInfo(c, tokens.access_token, claims.sub)).email;
      email = typeof found === 'string' ? found.toLowerCase() : undefined;
    } catch (err) {
      req.log.warn(err);
      return reply.redirect('/login?fejl=oidc');
    }
    const user = email ? await db.selectFrom('app_user').select('id').where('email', '=', email).where('disabled_at', 'is', null).executeTakeFirst() : undefined;
    if (!user) return reply.redirect('/login?fejl=oidc_ukendt');
    const session = await createSession(db, user.id);
    reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies });
    return reply.redirect(pending.next);
  });
}
