import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { permit } from '../access/index.js';
import type { Database } from '../db/index.js';
import { verifyApiKey } from './api-key.repository.js';
import { ResponseCache, canonicalQuery } from './statbank.cache.js';
import { CLUSTER_HIERARCHY } from './area-hierarchy.js';
import { BENCHMARK_DATASET } from './benchmark-table.js';
import { StatbankError, notFound } from './statbank.errors.js';
import { toCsv, toJson, toXlsx } from './statbank.format.js';
import { resolveSelection } from './statbank.query.js';
import { parseCommonQuery } from './statbank.schema.js';
import { StatbankService } from './statbank.service.js';
import { describeTable, tableMeta } from './table.describe.js';
import { tableNameOf } from './vocabulary.js';
import { respond, respondJson } from '../server/shared.js';
import { dataResponse, subjectsResponse, tableResponse, tablesResponse } from './responses.js';

/** Options of the statistics-bank plugin. */
interface StatbankRoutesOptions {
  db: Kysely<Database>;
  /** A service to share (with its caches) with other modules; default: one of its own. */
  service?: StatbankService;
  /** Requests per minute and IP without an API key. */
  anonRateLimit: number;
  /** How long the newest release of a table is remembered (ms, default 1000). */
  latestTtlMs?: number;
  /** Size bound of the cache of /data responses (bytes, default 64 MiB). */
  responseCacheBytes?: number;
  /** The app's public base URL, for the tables' links (link_infopage, link_tablepage). */
  publicUrl?: string;
}

const tableIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,64}$/)
  .transform((s) => s.toLowerCase());

function tableIdOf(req: FastifyRequest): string {
  const r = tableIdSchema.safeParse((req.params as { id?: unknown }).id);
  if (!r.success) throw notFound('Tabellen findes ikke.');
  return r.data;
}

function sendJson(reply: FastifyReply, body: unknown, release?: number) {
  if (release !== undefined) reply.header('X-Release', String(release));
  return reply.type('application/json; charset=utf-8').send(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

/**
 * The statistics bank API, shaped like Jobindsats API v3; register it under prefix `/v3`.
 * GET /subjects, /tables, /table/:id, /data/:id. Bearer API keys are not rate-limited, a
 * bad or revoked key gets 401, anonymous callers get `anonRateLimit` requests a minute per IP.
 * The query grammar is documented in src/statbank/README.md and in every /table/:id response.
 */
export async function statbankRoutes(app: FastifyInstance, opts: StatbankRoutesOptions): Promise<void> {
  const service = opts.service ?? new StatbankService(opts.db, opts.latestTtlMs);
  const responses = new ResponseCache<{ release: number; body: Buffer }>(opts.responseCacheBytes);
  const keyed = new WeakSet<FastifyRequest>();
  const pub = permit('statistics.read');
  const publicUrl = opts.publicUrl ?? '';

  app.setErrorHandler((err: FastifyError | StatbankError, req, reply) => {
    if (err instanceof StatbankError) return reply.code(err.statusCode).header('X-Request-Id', req.id).send(err.toJSON(req.id));
    const status = err.statusCode ?? 500;
    const real = (code: number, cause: string) => ({ code, cause, request_id: req.id });
    if (status === 429) return reply.code(429).send({ ...real(429, 'Too many requests'), error: { code: 'rate_limited', message: err.message } });
    if (status < 500) return reply.code(status).send({ ...real(status, err.message), error: { code: 'bad_request', message: err.message } });
    req.log.error(err);
    return reply.code(500).send({ ...real(500, 'Internal error'), error: { code: 'internal', message: 'Intern fejl i statistikbanken.' } });
  });

  app.addHook('onRequest', async (req, reply) => {
    const header = req.headers.authorization;
    if (header === undefined) return;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const key = m ? await verifyApiKey(opts.db, m[1]!) : null;
    if (!key) {
      reply.header('WWW-Authenticate', 'Bearer');
      throw new StatbankError(401, 'unauthorized', m ? 'API-nøglen er ugyldig eller tilbagekaldt.' : 'Authorization skal have formen "Bearer <nøgle>".');
    }
    keyed.add(req);
  });

  await app.register(rateLimit, {
    global: true,
    max: opts.anonRateLimit,
    timeWindow: 60_000,
    allowList: (req) => keyed.has(req),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      message: `For mange forespørgsler uden API-nøgle: højst ${ctx.max} pr. minut. Prøv igen om ${ctx.after}, eller brug en API-nøgle (Authorization: Bearer <nøgle>).`,
    }),
  });

  app.get('/subjects', pub, async (req, reply) => {
    const { common } = parseCommonQuery(req.query, ['json']);
    const subjects = new Map<string, string>();
    for (const e of await service.catalogue(common.release)) subjects.set(e.definition.subject.id, e.definition.subject.name);
    return sendJson(reply, respond(req, subjectsResponse, [...subjects].map(([subject_id, subject_name]) => ({ subject_id, subject_name }))));
  });

  app.get('/tables', pub, async (req, reply) => {
    const { common } = parseCommonQuery(req.query, ['json']);
    type Group = { table_group_id: string; table_group_name: string; tables: ({ table_id: string; release: number } & ReturnType<typeof tableMeta>)[] };
    const subjects = new Map<string, { subject_id: string; subject_name: string; table_groups: Map<string, Group> }>();
    for (const { definition: d, release, createdAt } of await service.catalogue(common.release)) {
      let s = subjects.get(d.subject.id);
      if (!s) subjects.set(d.subject.id, (s = { subject_id: d.subject.id, subject_name: d.subject.name, table_groups: new Map() }));
      const g = d.table_group ?? d.subject;
      let group = s.table_groups.get(g.id);
      if (!group) s.table_groups.set(g.id, (group = { table_group_id: g.id, table_group_name: g.name, tables: [] }));
      group.tables.push({ table_id: d.table_id, ...tableMeta(d, createdAt, publicUrl), release });
    }
    return sendJson(
      reply,
      respond(req, tablesResponse, [...subjects.values()].map((s) => ({ ...s, table_groups: [...s.table_groups.values()] }))),
    );
  });

  app.get('/table/:id', pub, async (req, reply) => {
    const { common } = parseCommonQuery(req.query, ['json']);
    const t = await service.table(tableIdOf(req), common.release);
    return sendJson(reply, respond(req, tableResponse, describeTable(t, publicUrl)), t.release.version);
  });

  app.get('/data/:id', pub, async (req, reply) => {
    const id = tableIdOf(req);
    const { common, query } = parseCommonQuery(req.query);
    const t = await service.table(id, common.release);
    const out = await responses.get(`${t.release.id}|${t.runId}|${id}|${canonicalQuery(query)}`, async () => {
      const result = await service.data(t, resolveSelection(t, query, common.periodFormat));
      const body =
        common.format === 'xlsx'
          ? await toXlsx(result, { tableId: id, tableName: tableNameOf(t.def), query: canonicalQuery(query) })
          : Buffer.from(common.format === 'csv' ? toCsv(result, common.includeStatus) : toJson(result, common.includeStatus), 'utf8');
      return { release: result.release, body };
    });
    reply.header('X-Release', String(out.release));
    // A release is immutable; the benchmarking shown with it (its table, the clusters) may be rerun.
    const fromRun = t.def.dataset === BENCHMARK_DATASET || `hierarchy.${CLUSTER_HIERARCHY}` in query;
    if (common.release !== undefined && !fromRun) reply.header('Cache-Control', 'public, max-age=86400, immutable');
    if (common.format === 'xlsx') {
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="${id}_udgivelse${out.release}.xlsx"`)
        .send(out.body);
    }
    if (common.format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${id}_udgivelse${out.release}.csv"`)
        .send(out.body);
    }
    return sendJson(reply, respondJson(req, dataResponse, out.body));
  });
}
