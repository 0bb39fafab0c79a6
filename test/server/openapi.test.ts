/**
 * The OpenAPI 3.1 documents of /api and /v3 (src/server/openapi.ts): structurally valid
 * (every operation answers something, every $ref resolves, every JSON Schema compiles with
 * Ajv's 2020-12 dialect), complete (every route of the app's route table, none the registry
 * names that does not exist), with the known fields of known answers, and real answers valid
 * against them. Then CORS: on /v3's GET answers and its preflight, never on /api.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { z } from 'zod';
import { Components, documentOf, openApiPath, undocumented } from '../../src/server/openapi.js';
import { backends, createTestDb } from '../support/db.js';
import { accessServer, loginAs } from '../access/helpers.js';
import { publishTestRelease } from '../statbank/helpers.js';

// ajv-formats is CommonJS: its default export is the function (under Node's ESM interop, possibly as .default).
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

type Json = Record<string, unknown>;
type Operation = { operationId: string; summary: string; tags: string[]; parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Json }[]; requestBody?: { content: Record<string, { schema?: Json }> }; responses: Record<string, { description: string; content?: Record<string, { schema?: Json }> }> };
type Doc = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> }; tags: { name: string }[] };

const operationMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every value of `key` anywhere in `v`. */
function valuesOf(v: unknown, key: string): unknown[] {
  if (Array.isArray(v)) return v.flatMap((x) => valuesOf(x, key));
  if (typeof v !== 'object' || v === null) return [];
  return Object.entries(v).flatMap(([k, x]) => (k === key ? [x, ...valuesOf(x, key)] : valuesOf(x, key)));
}

/** The value a local JSON pointer (#/a/b) points at in `doc`, or undefined. */
function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).reduce<unknown>((at, k) => (typeof at === 'object' && at !== null ? (at as Json)[k] : undefined), doc);
}

/** An Ajv with the document's components, each under its own id (refs rewritten to them). */
function ajvFor(doc: Doc) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats(ajv);
  const rewrite = (s: unknown): unknown => JSON.parse(JSON.stringify(s).replace(/"#\/components\/schemas\/([^"]+)"/g, '"component:$1"'));
  for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(rewrite(schema) as Json, `component:${name}`);
  return { ajv, compile: (schema: Json) => ajv.compile(rewrite(schema) as Json) };
}

/** The structural checks: what an OpenAPI 3.1 validator would say first. */
function checkDocument(doc: Doc): void {
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info.title).toEqual(expect.any(String));
  expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  const ids = new Set<string>();
  const tags = new Set(doc.tags.map((t) => t.name));
  for (const [path, item] of Object.entries(doc.paths)) {
    expect(path).toMatch(/^\//);
    for (const [method, op] of Object.entries(item)) {
      expect(operationMethods, `${method} ${path}`).toContain(method);
      expect(Object.keys(op.responses).length, `${method} ${path} answers something`).toBeGreaterThan(0);
      for (const [status, r] of Object.entries(op.responses)) {
        expect(status, `${method} ${path}`).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
        expect(r.description, `${method} ${path} ${status}`).toEqual(expect.any(String));
      }
      expect(ids.has(op.operationId), `operationId ${op.operationId} is unique`).toBe(false);
      ids.add(op.operationId);
      expect(op.summary.length, `${method} ${path} has a summary`).toBeGreaterThan(0);
      for (const t of op.tags) expect(tags, `${method} ${path}'s tag`).toContain(t);
      // Every {param} of the path is a required path parameter, and no other.
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(inPath);
      for (const p of declared) expect(p.required).toBe(true);
      const names = (op.parameters ?? []).map((p) => `${p.in} ${p.name}`);
      expect(new Set(names).size, `${method} ${path}: parameters are unique`).toBe(names.length);
    }
  }
  // Every $ref resolves within the document.
  const refs = valuesOf(doc, '$ref');
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) expect(resolve(doc, String(ref)), `$ref ${String(ref)}`).toBeDefined();
  // Every schema compiles: the components, and those of parameters, bodies and answers.
  const { compile } = ajvFor(doc);
  for (const [name, schema] of Object.entries(doc.components.schemas)) expect(() => compile(schema), `components.schemas.${name}`).not.toThrow();
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      const schemas = [...(op.parameters ?? []).map((p) => p.schema), ...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema), ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema))];
      for (const s of schemas) if (s) expect(() => compile(s), op.operationId).not.toThrow();
    }
  }
}

describe('schemas as components', () => {
  it('a schema with definitions of its own (a recursive one) gets them as components, and its $refs resolve', () => {
    type Node = { name: string; children: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));
    const tree = z.object({ root: node });
    const c = new Components();
    expect(c.ref('tree', tree)).toEqual({ $ref: '#/components/schemas/tree' });
    expect(c.ref('tree', tree)).toEqual({ $ref: '#/components/schemas/tree' });
    expect(() => c.ref('tree', z.string())).toThrow(/tree/);
    const doc = { components: { schemas: c.schemas } };
    expect(Object.keys(c.schemas).length).toBeGreaterThan(1);
    for (const ref of valuesOf(doc, '$ref')) expect(resolve(doc, String(ref)), String(ref)).toBeDefined();
    const { ajv } = ajvFor({ components: { schemas: c.schemas } } as unknown as Doc);
    const validate = ajv.getSchema('component:tree')!;
    expect(validate({ root: { name: 'a', children: [{ name: 'b', children: [] }] } })).toBe(true);
    expect(validate({ root: { name: 'a', children: [{ name: 1, children: [] }] } })).toBe(false);
  });
});

describe.each(backends)('the OpenAPI documents and CORS on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let api: Doc;
  let v3: Doc;
  beforeAll(async () => {
    db = await createTestDb(kind);
    // With OIDC configured, so its routes are in the route table too.
    app = await accessServer(db, { OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'styr' });
    const a = await app.inject('/api/openapi.json');
    const b = await app.inject('/v3/openapi.json');
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    api = a.json();
    v3 = b.json();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('are valid OpenAPI 3.1: operations answer, $refs resolve, schemas compile', () => {
    checkDocument(api);
    checkDocument(v3);
    expect(Object.keys(api.paths).every((p) => p.startsWith('/api/'))).toBe(true);
    expect(Object.keys(v3.paths).every((p) => p.startsWith('/v3/'))).toBe(true);
  });

  it('list every route of the route table, and the registry names no route that is not there', () => {
    const routes = app.routeTable;
    for (const r of routes) {
      const which = documentOf(r.url);
      if (!which) continue;
      const doc = which === 'api' ? api : v3;
      if (r.url.endsWith('*')) {
        // The preflight answers every /v3 address: an operation on each path.
        expect(r).toMatchObject({ method: 'OPTIONS', url: '/v3/*' });
        for (const [path, item] of Object.entries(doc.paths)) expect(item.options, `OPTIONS ${path}`).toBeDefined();
        continue;
      }
      const op = doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url} in the ${which} document`).toBeDefined();
      expect(op!.tags, `${r.method} ${r.url} is described in src/server/openapi.registry.ts`).not.toContain('Ikke beskrevet');
    }
    expect(undocumented(routes)).toEqual({ missing: [], stale: [] });
    // And nothing else: the documents' operations are the table's routes.
    const table = new Set(routes.filter((r) => documentOf(r.url) && !r.url.endsWith('*')).map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`));
    const listed = [api, v3].flatMap((d) => Object.entries(d.paths).flatMap(([p, item]) => Object.keys(item).filter((m) => m !== 'options' || !p.startsWith('/v3/')).map((m) => `${m} ${p}`)));
    expect(listed.sort()).toEqual([...table].sort());
    expect(listed.length).toBeGreaterThan(80);
  });

  it('give known answers their known fields, and real answers are valid against them', async () => {
    const session = api.components.schemas[(api.paths['/api/session']!.get!.responses['200']!.content!['application/json']!.schema!.$ref as string).split('/').pop()!]!;
    expect(session).toMatchObject({ type: 'object', properties: { user: expect.any(Object), csrf_token: expect.any(Object), oidc: expect.any(Object), permissions: expect.any(Object) } });
    expect(session.required).toEqual(expect.arrayContaining(['user', 'csrf_token', 'permissions']));
    const tablesRef = v3.paths['/v3/tables']!.get!.responses['200']!.content!['application/json']!.schema!.$ref as string;
    const tables = resolve(v3, tablesRef) as { type: string; items: { properties: Record<string, { items?: { properties: Record<string, unknown> } }> } };
    expect(tables.type).toBe('array');
    expect(Object.keys(tables.items.properties)).toEqual(expect.arrayContaining(['subject_id', 'subject_name', 'table_groups']));
    expect(Object.keys(tables.items.properties.table_groups!.items!.properties)).toEqual(expect.arrayContaining(['table_group_id', 'table_group_name', 'tables']));
    const table = resolve(v3, v3.paths['/v3/table/{id}']!.get!.responses['200']!.content!['application/json']!.schema!.$ref as string) as { properties: Json };
    expect(Object.keys(table.properties)).toEqual(expect.arrayContaining(['table_id', 'table_name', 'mgroups', 'dimensions', 'periods', 'query']));
    // Non-JSON answers name their type.
    expect(Object.keys(v3.paths['/v3/data/{id}']!.get!.responses['200']!.content!)).toEqual(expect.arrayContaining(['application/json', 'text/csv']));
    expect(Object.keys(api.paths['/api/documents/{id}/pdf']!.get!.responses['200']!.content!)).toEqual(['application/pdf']);
    expect(Object.keys(api.paths['/api/session']!.delete!.responses)).toContain('204');

    // Real answers, logged in and not, validate against the documented schemas.
    const { ajv } = ajvFor(api);
    const check = (doc: Doc, ajvOf: Ajv2020, path: string, body: unknown) => {
      const ref = doc.paths[path]!.get!.responses['200']!.content!['application/json']!.schema!.$ref as string;
      const validate = ajvOf.getSchema(`component:${ref.split('/').pop()}`)!;
      expect(validate(body), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    check(api, ajv, '/api/session', (await app.inject('/api/session')).json());
    const admin = await loginAs(app, 'national_admin');
    check(api, ajv, '/api/session', (await app.inject({ url: '/api/session', headers: { cookie: admin.cookie } })).json());
    check(api, ajv, '/api/health', (await app.inject('/api/health')).json());
    check(api, ajv, '/api/openapi.json', api);
    const v3Ajv = ajvFor(v3).ajv;
    check(v3, v3Ajv, '/v3/tables', (await app.inject('/v3/tables')).json());
    // An answer missing a required field is not valid (the schemas are not empty).
    expect(ajv.getSchema('component:session')!({ user: null })).toBe(false);
  });

  it('describe /v3/data\'s query parameters in Danish, and who may use each /api route', () => {
    const data = v3.paths['/v3/data/{id}']!.get!;
    const byName = new Map((data.parameters ?? []).map((p) => [p.name, p]));
    for (const name of ['period', 'hierarchy', 'dimension', 'mgroup', 'format', 'release', 'include']) {
      expect(byName.get(name)?.in, name).toBe('query');
      expect(byName.get(name)?.description, name).toMatch(/[æøå]|standard|alle/i);
    }
    expect(byName.get('period')!.description).toContain('period.<type>');
    expect(byName.get('hierarchy')!.description).toContain('hierarchy.<id>');
    expect(byName.get('dimension')!.description).toContain('dimension.<id>');
    expect(byName.get('mgroup')!.description).toContain('mgroup.<id>');
    expect(byName.get('format')!.schema).toMatchObject({ enum: ['json', 'csv', 'xlsx'] });
    expect(byName.get('id')).toMatchObject({ in: 'path', required: true });
    const users = api.paths['/api/users']!.get! as Operation & { description: string; 'x-permission': string; security: unknown[] };
    expect(users['x-permission']).toBe('users.read');
    expect(users.description).toContain('kræver login');
    expect(users.security).toEqual([{ session: [] }]);
    const health = api.paths['/api/health']!.get! as Operation & { description: string };
    expect(health.description).toContain('også uden login');
  });

  it('/v3\'s documented parameters are the ones the statistics bank takes: its own query help names no other, and each example is answered', async () => {
    await publishTestRelease(db.db, 0);
    const table = (await app.inject('/v3/table/y25i01')).json() as { query: Record<string, string> };
    const data = v3.paths['/v3/data/{id}']!.get!.parameters!.filter((p) => p.in === 'query') as { name: string; example?: unknown }[];
    // Each parameter of the help (period.<F>, mgroup.*, format, …) by its first word.
    for (const key of Object.keys(table.query)) expect(data.map((p) => p.name), `the help's ${key}`).toContain(key.split('.')[0]);
    for (const [path, params] of [['/v3/data/y25i01', data], ['/v3/table/y25i01', v3.paths['/v3/table/{id}']!.get!.parameters!], ['/v3/tables', v3.paths['/v3/tables']!.get!.parameters!]] as const) {
      for (const p of params as { name: string; in: string; example?: unknown }[]) {
        if (p.in !== 'query') continue;
        expect(p.example, `${path} ${p.name} has an example`).toBeDefined();
        const query = typeof p.example === 'object' ? (p.example as Record<string, string>) : { [p.name]: String(p.example) };
        const res = await app.inject({ url: path, query });
        expect(res.statusCode, `${path}?${new URLSearchParams(query)}: ${res.body.slice(0, 300)}`).toBe(200);
      }
    }
  });

  it('CORS: GET answers under /v3 may be read by any site and its preflight answers 204; /api has none', async () => {
    const tables = await app.inject({ url: '/v3/tables', headers: { origin: 'https://dashboard.example' } });
    expect(tables.statusCode).toBe(200);
    expect(tables.headers['access-control-allow-origin']).toBe('*');
    // Errors too, so a dashboard can show them.
    const missing = await app.inject({ url: '/v3/table/findes_ikke', headers: { origin: 'https://dashboard.example' } });
    expect(missing.statusCode).toBeGreaterThanOrEqual(400);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    expect((await app.inject('/v3/openapi.json')).headers['access-control-allow-origin']).toBe('*');

    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v3/data/y25i01',
      headers: { origin: 'https://dashboard.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET');
    expect(preflight.headers['access-control-allow-headers']).toBe('Authorization, Content-Type');
    expect(preflight.body).toBe('');

    const session = await app.inject({ url: '/api/session', headers: { origin: 'https://dashboard.example' } });
    expect(session.statusCode).toBe(200);
    expect(session.headers['access-control-allow-origin']).toBeUndefined();
    expect((await app.inject('/api/openapi.json')).headers['access-control-allow-origin']).toBeUndefined();
    const apiPreflight = await app.inject({ method: 'OPTIONS', url: '/api/session', headers: { origin: 'https://dashboard.example', 'access-control-request-method': 'POST' } });
    expect(apiPreflight.statusCode).toBe(404);
    expect(apiPreflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(apiPreflight.headers['access-control-allow-methods']).toBeUndefined();
  });
});
