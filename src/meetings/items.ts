/**
 * A meeting's agenda items and their attachments, as zod schemas: what the meetings API takes
 * (meetingSchema in meetings.ts) and, each with its id, what it sends (responses.ts). Zod only.
 */
import { z } from 'zod';

const attachmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), document_id: z.number().int().min(1), revision: z.number().int().min(1), title: z.string().max(300) }),
  z.object({ kind: z.literal('file'), file_id: z.number().int().min(1), name: z.string().max(300) }),
]);

export const itemSchema = z.object({
  id: z.string().max(64).optional(),
  title: z.string().trim().min(1, 'giv punktet en overskrift').max(300),
  text: z.string().max(20_000).default(''),
  closed: z.boolean().default(false),
  attachments: z.array(attachmentSchema).max(30).default([]),
  decision: z.string().max(20_000).default(''),
  /** A hearing response this item adopts when its decision is recorded. */
  hearing: z
    .object({
      hearing_id: z.number().int().min(1),
      body: z.string().trim().toUpperCase(),
      /** The response as the meeting adopts it, amendments included (the body's draft when absent). */
      response: z.string().max(50_000).optional(),
    })
    .nullable()
    .default(null),
});
