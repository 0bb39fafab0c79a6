/** Invitations by mail through a real SMTP conversation with a local sink. */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisations } from '../../src/access/index.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/index.js';
import { buildServer } from '../../src/server/index.js';
import { createTestDb } from '../support/db.js';
import { cast, createUsers } from '../support/factories.js';
import { testWebDist } from '../support/web.js';
import { call, loginAs } from './helpers.js';

describe('invitation mail', () => {
  let db: Db;
  let sink: SMTPServer;
  let port = 0;
  const received: ParsedMail[] = [];
  beforeAll(async () => {
    db = await createTestDb('pglite');
    await ensureOrganisations(db.db);
    await createUsers(db.db);
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData: (stream, _session, done) => {
        simpleParser(stream).then((m) => { received.push(m); done(); }, done);
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
    port = (sink.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => sink?.close(() => resolve()));
    await db?.close();
  });

  it('sends the invitation link in Danish over SMTP when SMTP_URL is set', async () => {
    const app = await buildServer({ db, config: loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://styr.example.dk', LOGIN_RATE_LIMIT: '1000' }), webDist: testWebDist });
    const admin = await loginAs(app, 'national_admin');
    const res = await call(app, 'POST', '/api/users', admin, { email: 'mette@vejle.dk', name: 'Mette Madsen', organisation: 'J630', role: 'jobcenter_reader' });
    expect(res.statusCode).toBe(201);
    const { invitation_url, mailed } = res.json();
    expect(mailed).toBe(true);
    expect(invitation_url).toMatch(/^https:\/\/styr\.example\.dk\/invitation\/[\w-]{43}$/);
    await expect.poll(() => received.length).toBe(1);
    const m = received[0]!;
    expect(m.to && 'text' in m.to ? m.to.text : '').toBe('mette@vejle.dk');
    expect(m.from?.text).toContain('noreply@styringshjulet.dk');
    expect(m.subject).toBe('Invitation til Styringshjulet');
    expect(m.text).toContain('Kære Mette Madsen');
    expect(m.text).toContain(`${cast.admin.name} har inviteret dig til Styringshjulet som jobcenterlæser / politiker for Jobcenter Vejle.`);
    expect(m.text).toContain(invitation_url);
    await app.close();
  });

  it('still creates the user and shows the link when the mail server is down', async () => {
    const app = await buildServer({ db, config: loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1', LOGIN_RATE_LIMIT: '1000' }), webDist: testWebDist });
    const admin = await loginAs(app, 'national_admin');
    const res = await call(app, 'POST', '/api/users', admin, { email: 'ny@vejle.dk', name: 'Ny', organisation: 'J630', role: 'jobcenter_reader' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mailed: false, user: { email: 'ny@vejle.dk' } });
    await app.close();
  });
});
