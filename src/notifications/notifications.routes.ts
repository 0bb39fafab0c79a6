/** The user's own notifications and mail choice, under /api. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, parseOr400, permit, sendErrors } from '../access/index.js';
import type { Database } from '../db/index.js';
import { respond } from '../server/shared.js';
import { listNotifications, notifyModeNames, notifyModes, type Notifier } from './notifier.js';
import { modeResponse, notificationsResponse, readResponse } from './responses.js';

export async function notificationRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; notifier: Notifier }): Promise<void> {
  const { db } = opts;
  sendErrors(app);
  app.get('/notifications', permit('session.own'), async (req) => {
    const u = req.principal.user!;
    const mode = (await db.selectFrom('app_user').select('notify').where('id', '=', u.id).executeTakeFirstOrThrow()).notify;
    const items = await listNotifications(db, u.id);
    return respond(req, notificationsResponse, { mode, modes: notifyModes.map((id) => ({ id, label: notifyModeNames[id] })), unread: items.filter((n) => !n.read_at).length, items });
  });
  app.post('/notifications/read', permit('session.own'), async (req) => {
    const { ids } = parseOr400(z.object({ ids: z.array(z.number().int(), 'skal være en liste af numre').max(500).optional() }), req.body);
    let q = db.updateTable('notification').set({ read_at: opts.notifier.clock.now() }).where('user_id', '=', req.principal.user!.id).where('read_at', 'is', null);
    if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
    const res = await q.executeTakeFirst();
    return respond(req, readResponse, { read: Number(res.numUpdatedRows) });
  });
  app.put('/notifications/mode', permit('session.own'), async (req) => {
    const { mode } = parseOr400(z.object({ mode: z.enum(notifyModes, 'vælg immediate, daily, weekly eller none') }), req.body);
    const u = req.principal.user!;
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('app_user').set({ notify: mode }).where('id', '=', u.id).execute();
      await audit(tx, { id: u.id, label: u.email }, { action: 'user.notify_mode', entity: 'app_user', entityId: u.id, organisationId: u.organisation.id, details: { mode: mode } });
    });
    return respond(req, modeResponse, { mode });
  });
}
