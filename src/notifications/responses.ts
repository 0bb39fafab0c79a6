/** The notifications API's answers (notifications.routes.ts), which the web app parses. Zod only. */
import { z } from 'zod';
import { instant } from '../server/shared.js';

/** GET /api/notifications: the user's mail choice, the choices, and the newest notifications. */
export const notificationsResponse = z.object({
  mode: z.string(),
  modes: z.array(z.object({ id: z.string(), label: z.string() })),
  unread: z.number(),
  items: z.array(z.object({ id: z.number(), title: z.string(), body: z.string(), link: z.string(), created_at: instant, read_at: instant.nullable(), mailed_at: instant.nullable() })),
});
/** POST /api/notifications/read: how many were marked read. */
export const readResponse = z.object({ read: z.number() });
/** PUT /api/notifications/mode. */
export const modeResponse = z.object({ mode: z.string() });
