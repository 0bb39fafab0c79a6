/** The meetings API's answers (meetings.routes.ts), which the web app parses. Zod and the items' schemas only. */
import { z } from 'zod';
import { councilTypes } from '../councils/shared.js';
import { day, instant } from '../server/shared.js';
import { itemSchema } from './items.js';

/** GET /api/councils/:code/meetings: the meetings the user may see, and whether they may call new ones. */
export const meetingsResponse = z.object({
  may_manage: z.boolean(),
  meetings: z.array(z.object({ id: z.number(), title: z.string(), starts_at: instant, place: z.string(), items: z.number(), agenda_published_at: instant.nullable(), minutes_published_at: instant.nullable() })),
});

/** A meeting as the user may see it (closed items, decisions and minutes only to those who may), with its council and the server's day. */
export const meetingResponse = z.object({
  id: z.number(),
  council_id: z.number(),
  title: z.string(),
  starts_at: instant,
  place: z.string(),
  items: z.array(itemSchema.extend({ id: z.string() })),
  minutes: z.string(),
  agenda_published_at: instant.nullable(),
  minutes_published_at: instant.nullable(),
  revision: z.number(),
  updated_at: instant,
  updated_by: z.string(),
  council: z.object({ code: z.string(), name: z.string(), type: z.enum(councilTypes), area: z.string().nullable() }),
  may_manage: z.boolean(),
  /** The server's day (Copenhagen): a meeting decides nothing before its own day. */
  today: day,
});

/** GET /api/meetings/:id/versions: newest first. */
export const meetingVersionsResponse = z.array(z.object({ revision: z.number(), event: z.string(), actor: z.string(), created_at: instant }));
/** POST /api/meetings/:id/files: the stored file. */
export const fileResponse = z.object({ id: z.number(), name: z.string(), size: z.number() });
