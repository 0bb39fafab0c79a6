/**
 * The JSON the server's own routes send (app.ts: /api/releases, /api/demo), and the two kinds
 * of time every module's responses share. Zod only: the web app parses with these.
 */
import { z } from 'zod';

/** An instant, as JSON writes a Date: '2026-08-20T14:00:00.000Z'. */
export const instant = z.iso.datetime();
/** A day: '2026-08-31'. */
export const day = z.iso.date();

/** GET /api/releases: every release, the newest first. */
export const releasesResponse = z.array(
  z.object({ version: z.number(), source: z.enum(['register', 'jobindsats']), first_week: z.string().nullable(), cutoff_week: z.string().nullable(), created_at: instant, notes: z.string() }),
);

/** GET /api/demo: how far the demo's preparation on first start has come. */
export const demoResponse = z.object({
  status: z.enum(['idle', 'running', 'ready', 'failed']),
  error: z.string().optional(),
  /** Demo mode: what the numbers are (a synthetic Denmark at a stated scale). */
  note: z.string().optional(),
  stages: z.array(z.object({ stage: z.string(), done: z.number(), total: z.number(), detail: z.string().optional() })),
});

/** Every route's error: a code, a Danish message, the field it concerns where there is one, and what else the route says (e.g. `missing`, `current`). */
export const errorResponse = z.object({ error: z.looseObject({ code: z.string(), message: z.string(), field: z.string().optional() }) });

/** GET /api/health: the server, its database, the demo's state and the newest release. */
export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.string(),
  demo: z.enum(['idle', 'running', 'ready', 'failed']),
  release: z.object({ version: z.number(), source: z.enum(['register', 'jobindsats']), cutoff_week: z.string().nullable(), created_at: instant }).nullable(),
});

/** A JSON Schema in an OpenAPI document (what the API page reads of it). */
const jsonSchema = z.looseObject({});
/** An operation of an OpenAPI document, as the API page reads it (openapi.ts writes more). */
const openApiOperation = z.looseObject({
  operationId: z.string(),
  summary: z.string(),
  description: z.string().optional(),
  tags: z.array(z.string()),
  parameters: z.array(z.looseObject({ name: z.string(), in: z.string(), required: z.boolean().optional(), description: z.string().optional(), schema: jsonSchema.optional() })).optional(),
  responses: z.record(z.string(), z.looseObject({ description: z.string(), content: z.record(z.string(), z.looseObject({ schema: jsonSchema.optional() })).optional() })),
});

/** GET /api/openapi.json and GET /v3/openapi.json: an OpenAPI 3.1 document (openapi.ts). */
export const openApiResponse = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string(), description: z.string().optional() }),
  tags: z.array(z.looseObject({ name: z.string(), description: z.string().optional() })),
  paths: z.record(z.string(), z.record(z.string(), openApiOperation)),
  components: z.looseObject({ schemas: z.record(z.string(), jsonSchema) }),
});
export type OpenApiDocument = z.input<typeof openApiResponse>;
