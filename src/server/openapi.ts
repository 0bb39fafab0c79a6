/**
 * The OpenAPI 3.1 documents of /api and /v3 (GET /api/openapi.json, GET /v3/openapi.json),
 * made from the app's route table (every registered route, with its permission: the guard's
 * `app.routeTable`) and what openapi.registry.ts says of each route: its summary and the zod
 * schema its answer is checked against, written as JSON Schema with zod's own
 * `z.toJSONSchema` (the JSON a client reads is the schema's input). A route the registry does
 * not name is still listed (summary "Ikke beskrevet"); the test fails on it.
 */
import { z } from 'zod';
import { roleNames, roles, scopeOf, type Permission } from '../access/index.js';
import { apiDocs, v3Docs, type RouteDoc, type TagDoc } from './openapi.registry.js';
import { errorResponse, type OpenApiDocument } from './responses.js';

/** A route as the guard's route table holds it. */
export interface TableRoute {
  method: string;
  url: string;
  permission: Permission;
}

type Json = Record<string, unknown>;
type Operation = OpenApiDocument['paths'][string][string];

/** The OpenAPI path of a Fastify route: `/documents/:id` → `/documents/{id}`. */
export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
/** Which document a route belongs to (null: the app's pages and files). */
export const documentOf = (url: string): 'api' | 'v3' | null => (/^\/api(\/|$)/.test(url) ? 'api' : /^\/v3(\/|$)/.test(url) ? 'v3' : null);

const undescribed = 'Ikke beskrevet';
const methods = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);

/** Collects the documents' schemas under #/components/schemas, one name per schema. */
export class Components {
  readonly schemas: Record<string, Json> = {};
  private readonly named = new Map<string, z.ZodType>();

  /** A $ref to `schema`, written under `name` the first time. */
  ref(name: string, schema: z.ZodType): Json {
    const had = this.named.get(name);
    if (had && had !== schema) throw new Error(`OpenAPI: to forskellige skemaer hedder ${name}.`);
    if (!had) {
      this.named.set(name, schema);
      this.schemas[name] = this.convert(name, schema);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  /** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what the JSON holds; a schema's own $defs become components of their own. */
  private convert(name: string, schema: z.ZodType): Json {
    const rest = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json & { $defs?: Record<string, Json> };
    const $defs = rest.$defs;
    delete rest.$schema;
    delete rest.$defs;
    if (!$defs) return rest;
    const local = (k: string) => `${name}_${k.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    const rewrite = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(rewrite);
      if (typeof v !== 'object' || v === null) return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/') ? `#/components/schemas/${local(x.slice(8))}` : rewrite(x)]));
    };
    for (const [k, d] of Object.entries($defs)) this.schemas[local(k)] = rewrite(d) as Json;
    return rewrite(rest) as Json;
  }
}

/** Who may use a route, in Danish, from policy.ts. */
function accessText(permission: Permission): string {
  if (scopeOf('public', permission)) return 'Adgang: alle, også uden login.';
  const who = roles.filter((r) => scopeOf(r, permission)).map((r) => `${roleNames[r]}${scopeOf(r, permission) === 'own_area' ? ' (eget område)' : ''}`);
  return `Adgang: kræver login som ${who.join(', ')}.`;
}

const statusText: Record<number, string> = { 200: 'Svaret.', 201: 'Oprettet.', 204: 'Intet indhold.', 302: 'Viderestilling (headeren Location).' };

const cors = {
  'Access-Control-Allow-Origin': { description: 'CORS: alle websteder må læse svaret.', schema: { type: 'string', const: '*' } },
};
const preflightHeaders = {
  ...cors,
  'Access-Control-Allow-Methods': { description: 'Kun GET.', schema: { type: 'string', const: 'GET' } },
  'Access-Control-Allow-Headers': { description: 'Headere en browser må sende.', schema: { type: 'string', const: 'Authorization, Content-Type' } },
};

function operation(kind: 'api' | 'v3', method: string, path: string, route: TableRoute, doc: RouteDoc | undefined, tag: string, components: Components): Operation {
  const status = doc?.status ?? 200;
  const content: Json = {};
  if (doc?.response) content['application/json'] = { schema: components.ref(doc.response[0], doc.response[1]) };
  for (const [type, description] of Object.entries(doc?.content ?? {})) {
    if (type === 'application/json' && content[type]) continue;
    content[type] = { schema: type === 'application/json' ? { description } : { type: 'string', description, ...(/^text\//.test(type) ? {} : { contentMediaType: type }) } };
  }
  const headers = kind === 'v3' ? (method === 'OPTIONS' ? preflightHeaders : cors) : undefined;
  const success: Json = { description: statusText[status] ?? 'Svaret.', ...(Object.keys(content).length ? { content } : {}), ...(headers ? { headers } : {}) };
  const parameters = [
    ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1]!, in: 'path', required: true, schema: { type: 'string' } })),
    ...(doc?.parameters ?? []),
  ];
  const takesBody = ['POST', 'PUT', 'PATCH'].includes(method) && doc?.body !== false;
  const isPublic = scopeOf('public', route.permission) !== null;
  return {
    operationId: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, '')}`,
    summary: doc?.summary ?? `${undescribed}.`,
    description: [doc?.description, accessText(route.permission)].filter(Boolean).join(' '),
    tags: [tag],
    'x-permission': route.permission,
    ...(parameters.length ? { parameters } : {}),
    ...(takesBody
      ? { requestBody: { description: 'Et JSON-objekt. Ruten kontrollerer felterne; en fejl (400 invalid_field) navngiver feltet.', content: { 'application/json': { schema: { type: 'object' } } } } }
      : {}),
    responses: {
      [String(status)]: success,
      ...(method === 'OPTIONS' ? {} : { '4XX': { description: kind === 'v3' ? 'Fejl: en kode og en dansk besked under error, og som i Jobindsats code, cause og request_id.' : 'Fejl: en kode og en dansk besked under error.', content: { 'application/json': { schema: components.ref('error', errorResponse) } }, ...(headers ? { headers: cors } : {}) } }),
    },
    security: kind === 'v3' ? (method === 'OPTIONS' ? [] : [{}, { apiKey: [] }]) : isPublic ? [{}, { session: [] }] : [{ session: [] }],
  };
}

/** The OpenAPI document of /api or /v3: every route of `routes` under it. */
export function openApiDocument(kind: 'api' | 'v3', routes: readonly TableRoute[], version: string): OpenApiDocument {
  const tags: TagDoc[] = kind === 'api' ? apiDocs : v3Docs;
  const byKey = new Map(tags.flatMap((t) => Object.entries(t.routes).map(([key, doc]) => [key, { doc, tag: t.tag }] as const)));
  const components = new Components();
  const paths: Record<string, Record<string, Operation>> = {};
  const mine = routes.filter((r) => documentOf(r.url) === kind && methods.has(r.method));
  const wildcard = mine.filter((r) => r.url.endsWith('*'));
  for (const r of mine.filter((x) => !x.url.endsWith('*'))) {
    const path = openApiPath(r.url);
    const found = byKey.get(`${r.method} ${path}`);
    (paths[path] ??= {})[r.method.toLowerCase()] = operation(kind, r.method, path, r, found?.doc, found?.tag ?? undescribed, components);
  }
  // A route for every address under a prefix (the CORS preflight, OPTIONS /v3/*): an operation on each path there.
  for (const r of wildcard) {
    const found = byKey.get(`${r.method} ${r.url}`);
    const prefix = r.url.slice(0, -1);
    for (const path of Object.keys(paths).filter((p) => p.startsWith(prefix))) paths[path]![r.method.toLowerCase()] ??= operation(kind, r.method, path, r, found?.doc, found?.tag ?? undescribed, components);
  }
  const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  const used = new Set(Object.values(paths).flatMap((p) => Object.values(p).flatMap((o) => o.tags)));
  return {
    openapi: '3.1.0',
    info:
      kind === 'api'
        ? { title: 'Styringshjulet: appens API (/api)', version, description: 'Appens eget JSON-API: statistik, benchmarking, styringsdokumenter, råd, møder, høringer, opfølgning og årshjul. Ruter, der kræver login, bruger sessionens cookie (POST /api/session); ændringer kræver desuden headeren x-csrf-token med sessionens csrf_token.' }
        : { title: 'Styringshjulet: statistikbanken (/v3)', version, description: 'Statistikbanken i samme form som Jobindsats\' API version 3: et eksisterende v3-program virker ved at skifte basisadressen. Åben for alle og for browsere på andre websteder (CORS, kun GET). Uden API-nøgle er antallet af forespørgsler pr. minut begrænset.' },
    servers: [{ url: '/' }],
    tags: [...tags.filter((t) => used.has(t.tag)).map((t) => ({ name: t.tag, description: t.description })), ...(used.has(undescribed) ? [{ name: undescribed, description: 'Ruter, som dokumentationen endnu ikke beskriver.' }] : [])],
    paths: sorted,
    components: {
      schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes:
        kind === 'api'
          ? { session: { type: 'apiKey', in: 'cookie', name: 'styr_session', description: 'Sessionens cookie fra POST /api/session.' } }
          : { apiKey: { type: 'http', scheme: 'bearer', description: 'En API-nøgle (styr api-key create): Authorization: Bearer <nøgle>. Uden nøgle er antallet af forespørgsler pr. minut begrænset.' } },
    },
  };
}

/** The routes the registry names that the route table does not have, and the table's routes it does not name (for the test). */
export function undocumented(routes: readonly TableRoute[]): { missing: string[]; stale: string[] } {
  const table = new Set(routes.filter((r) => documentOf(r.url)).map((r) => `${r.method} ${openApiPath(r.url)}`));
  const named = new Set([...apiDocs, ...v3Docs].flatMap((t) => Object.keys(t.routes)));
  return { missing: [...table].filter((k) => !named.has(k)).sort(), stale: [...named].filter((k) => !table.has(k)).sort() };
}
