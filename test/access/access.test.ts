import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/access/password.js';
import type { Db } from '../../src/db/index.js';
import { backends, createTestDb } from '../support/db.js';
import { cast, TEST_PASSWORD } from '../support/factories.js';
import { accessServer, call, loginAs, loginWith } from './helpers.js';

describe('passwords', () => {
  it('are scrypt hashes with a salt, verified in constant time', async () => {
    const h = await hashPassword('korrekt hest batteri');
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await hashPassword('korrekt hest batteri')).not.toBe(h);
    expect(await verifyPassword('korrekt hest batteri', h)).toBe(true);
    expect(await verifyPassword('forkert', h)).toBe(false);
    expect(await verifyPassword('x', null)).toBe(false);
  });
});

describe.each(backends)('sessions, users and the audit log on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.close());

  it('logs in with an httpOnly SameSite cookie, refuses bad passwords, logs out', async () => {
    const app = await accessServer(db);
    const bad = await app.inject({ method: 'POST', url: '/api/session', payload: { email: cast.admin.email, password: 'forkert-kode' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toMatch(/Forkert e-mail eller adgangskode/);
    const invalid = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'ikke-en-mail', password: 'x' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ field: 'email', message: 'E-mail: er ikke en gyldig e-mailadresse.' });

    const ok = await app.inject({ method: 'POST', url: '/api/session', payload: { email: cast.admin.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/^styr_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(ok.json()).toMatchObject({ user: { email: cast.admin.email, role: 'national_admin', organisation: { code: 'AMS' } }, permissions: { 'users.manage': 'any' } });

    const as = { cookie: cookie.split(';')[0]!, csrf: ok.json().csrf_token };
    expect((await call(app, 'GET', '/api/session', as)).json().user.email).toBe(cast.admin.email);
    expect((await call(app, 'DELETE', '/api/session', as)).statusCode).toBe(204);
    expect((await call(app, 'GET', '/api/session', as)).json()).toMatchObject({ user: null, permissions: { 'statistics.read': 'any' } });
    expect((await call(app, 'GET', '/api/users', as)).statusCode).toBe(401);
    await app.close();
  });

  it('refuses state changes without the CSRF token, and cross-site logins', async () => {
    const app = await accessServer(db);
    const as = await loginAs(app, 'national_admin');
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: as.cookie }, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    const cross = await app.inject({ method: 'POST', url: '/api/session', headers: { origin: 'https://ondt.example', host: 'localhost' }, payload: { email: cast.admin.email, password: TEST_PASSWORD } });
    expect(cross.statusCode).toBe(403);
    await app.close();
  });

  it('invites a user who sets a password and logs in; every change is in the audit log', async () => {
    const app = await accessServer(db);
    const admin = await loginAs(app, 'national_admin');
    const inv = await call(app, 'POST', '/api/users', admin, { email: 'Ny.Bruger@Aarhus.dk', name: 'Ny Bruger', organisation: 'J751', role: 'jobcenter_editor' });
    expect(inv.statusCode).toBe(201);
    const { user, invitation_url } = inv.json();
    expect(user).toMatchObject({ email: 'ny.bruger@aarhus.dk', role: 'jobcenter_editor', active: false, organisation: { code: 'J751', name: 'Jobcenter Aarhus' } });
    const again = await call(app, 'POST', '/api/users', admin, { email: 'ny.bruger@aarhus.dk', name: 'X', organisation: 'J751', role: 'jobcenter_editor' });
    expect(again.statusCode).toBe(409);
    const badOrg = await call(app, 'POST', '/api/users', admin, { email: 'a@b.dk', name: 'X', organisation: 'J999', role: 'jobcenter_editor' });
    expect(badOrg.json().error).toMatchObject({ field: 'organisation' });

    const token = String(invitation_url).split('/invitation/')[1]!;
    expect((await app.inject({ method: 'POST', url: `/api/invitations/${token}`, payload: { password: 'kort' } })).json().error.field).toBe('password');
    const accepted = await app.inject({ method: 'POST', url: `/api/invitations/${token}`, payload: { password: 'en lang nok kode' } });
    expect(accepted.statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: `/api/invitations/${token}`, payload: { password: 'en lang nok kode' } })).statusCode).toBe(400);
    const editor = await loginWith(app, 'ny.bruger@aarhus.dk', 'en lang nok kode');
    expect((await call(app, 'GET', '/api/users', editor)).statusCode).toBe(403);

    const log = (await call(app, 'GET', '/api/audit', admin)).json() as { action: string; actor: string; entity_id: string; organisation: string }[];
    expect(log.slice(0, 2).map((e) => [e.action, e.actor, e.organisation])).toEqual([
      ['user.accept_invitation', 'ny.bruger@aarhus.dk', 'J751'],
      ['user.invite', cast.admin.email, 'J751'],
    ]);
    // Append-only, enforced by the database.
    await expect(db.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await app.close();
  });

  it('detects concurrent edits of a user (version), and a disabled user loses the session', async () => {
    const app = await accessServer(db);
    const admin = await loginAs(app, 'national_admin');
    const reader = await loginAs(app, 'jobcenter_reader');
    const users = (await call(app, 'GET', '/api/users', admin)).json() as { id: number; email: string; version: number }[];
    const target = users.find((u) => u.email === cast.reader.email)!;
    const first = await call(app, 'PATCH', `/api/users/${target.id}`, admin, { version: target.version, role: 'jobcenter_editor' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ role: 'jobcenter_editor', version: target.version + 1 });
    const stale = await call(app, 'PATCH', `/api/users/${target.id}`, admin, { version: target.version, disabled: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/ændret af en anden/);
    // The role change ended the user's sessions.
    expect((await call(app, 'GET', '/api/session', reader)).json().user).toBeNull();
    const disabled = await call(app, 'PATCH', `/api/users/${target.id}`, admin, { version: target.version + 1, disabled: true, role: 'jobcenter_reader' });
    expect(disabled.json()).toMatchObject({ disabled: true, role: 'jobcenter_reader' });
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { email: target.email, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(401);
    await app.close();
  });

  it("scopes a regional monitor to the employment region's organisations", async () => {
    const app = await accessServer(db);
    const monitor = await loginAs(app, 'regional_monitor'); // B1: Hovedstaden & Sjælland
    const users = (await call(app, 'GET', '/api/users', monitor)).json() as { organisation: { code: string; area: string } }[];
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => ['B1', 'J101', 'LBR-J101'].includes(u.organisation.code))).toBe(true);
    expect(users.some((u) => u.organisation.code === 'AMS')).toBe(false);
    const log = (await call(app, 'GET', '/api/audit', monitor)).json() as { organisation: string | null }[];
    expect(log.every((e) => e.organisation !== 'AMS' && e.organisation !== 'J751')).toBe(true);
    await app.close();
  });
});
