/**
 * The API's errors: a status, a code and a Danish message (naming the field where there is
 * one), sent as `{ error: { code, message, field?, … } }`, and the zod parsing that makes them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Parses or throws a Danish 400 naming the field: "Medlemmet, feltet email: …". */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what = 'Forespørgslen'): z.infer<T> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.');
  throw new HttpError(400, 'invalid_field', `${what}${field ? `, feltet ${field}` : ''}: ${issue.message}.`, field ? { field } : {});
}

/** The largest file a route takes (attachments to meetings and agreements). */
export const MAX_UPLOAD = 10 * 1024 * 1024;
/** A route's `bodyLimit` for one file sent as base64 in JSON. */
export const uploadBodyLimit = Math.ceil(MAX_UPLOAD * 1.4) + 10_000;

const uploadSchema = z.object({ name: z.string().trim().min(1, 'mangler filnavnet').max(200), mime: z.string().max(200).default('application/octet-stream'), data: z.base64('filen skal sendes som base64') });

/** A file sent as `{ name, mime, data: base64 }`: refused when empty (400) or over MAX_UPLOAD (413). */
export function parseUpload(value: unknown): { name: string; mime: string; content: Buffer } {
  const b = parseOr400(uploadSchema, value, 'Filen');
  const content = Buffer.from(b.data, 'base64');
  if (content.length === 0) throw new HttpError(400, 'invalid_field', `Filen ${b.name} er tom.`, { field: 'data' });
  if (content.length > MAX_UPLOAD) throw new HttpError(413, 'too_large', `Filen ${b.name} er større end 10 MB.`, { field: 'data' });
  return { name: b.name, mime: b.mime, content };
}

/** A download's Content-Disposition: the name in ASCII and in UTF-8. */
export const attachmentHeader = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Answers HttpErrors as they are, other client errors with a general Danish message, and hides the rest (logged). */
export function sendErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...err.details } });
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send({ error: { code: 'bad_request', message: 'Forespørgslen kunne ikke læses. Kontrollér felterne, og prøv igen.' } });
    req.log.error(err);
    return reply.code(500).send({ error: { code: 'internal', message: 'Der opstod en fejl hos os. Prøv igen om lidt.' } });
  });
}
