/**
 * The API's errors: a status, a code and a Danish message (naming the field where there is
 * one), sent as `{ error: { code, message, field?, … } }`, and the zod parsing that makes them.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';

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

/** Answers HttpErrors as they are, other client errors with a general Danish message, and hides the rest (logged). */
export function sendErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...err.details } });
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send({ error: { code: 'bad_request', message: 'Forespørgslen kunne ikke læses. Kontrollér felterne, og prøv igen.' } });
    req.log.error(err);
    return reply.code(500).send({ error: { code: 'internal', message: 'Der opstod en fejl hos os. Prøv igen om lidt.' } });
  });
}
