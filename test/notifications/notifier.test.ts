/**
 * The notifier's mail rounds: two rounds at once send each notification once; a failed send
 * is tried again in the next round; the same key is stored once per user; `none` is never mailed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisations } from '../../src/access/index.js';
import type { Db } from '../../src/db/index.js';
import { Notifier } from '../../src/notifications/index.js';
import { backends, createTestDb } from '../support/db.js';
import { cast, createUsers } from '../support/factories.js';

describe.each(backends)('notifier on %s', (kind) => {
  let db: Db;
  const clock = { now: () => new Date('2026-03-02T10:00:00Z') };
  const sent: string[] = [];
  let failing = false;
  const mailer = { enabled: true, send: async (m: { to: string; subject: string }) => { await new Promise((r) => setTimeout(r, 5)); if (failing) throw new Error('SMTP nede'); sent.push(`${m.to}: ${m.subject}`); } };
  let ids: Record<string, number>;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await ensureOrganisations(db.db);
    await createUsers(db.db);
    ids = Object.fromEntries((await db.db.selectFrom('app_user').select(['id', 'email']).execute()).map((u) => [u.email.split('@')[0]!, u.id]));
    await db.db.updateTable('app_user').set({ notify: 'immediate' }).execute();
    await db.db.updateTable('app_user').set({ notify: 'none' }).where('id', '=', ids.politiker!).execute();
  });
  afterAll(async () => db?.close());

  it('sends each notification once, even with two rounds at once, and never to `none`', async () => {
    const n = new Notifier(db.db, mailer, clock, 'https://x');
    await n.notify(db.db, [ids.raad!, ids.region!, ids.politiker!], { key: 'a', title: 'A', body: 'a', link: '/' });
    await n.notify(db.db, [ids.raad!], { key: 'a', title: 'A igen', body: 'a', link: '/' });
    const [x, y] = await Promise.all([n.flush(), n.flush()]);
    expect(x.mails + y.mails).toBe(2);
    expect(sent.sort()).toEqual([`${cast.member.email}: Styringshjulet: A`, `${cast.region.email}: Styringshjulet: A`]);
    expect((await n.flush()).mails).toBe(0);
  });

  it('tries a failed send again in the next round', async () => {
    const n = new Notifier(db.db, mailer, clock, 'https://x');
    await n.notify(db.db, [ids.raad!], { key: 'b', title: 'B', body: 'b', link: '/' });
    failing = true;
    await expect(n.flush()).rejects.toThrow('SMTP nede');
    failing = false;
    expect((await n.flush()).mails).toBe(1);
    expect(sent.at(-1)).toBe(`${cast.member.email}: Styringshjulet: B`);
  });
});
