/**
 * A route's JSON answer, checked against its response schema (the module's responses.ts, which
 * the web app parses the answer with). At compile time the value must be what the schema
 * describes, with a Date wherever a string goes out (JSON writes it as one). Under test
 * (NODE_ENV=test or VITEST set) the JSON the client reads is parsed with the schema, and a
 * mismatch, or a field the schema does not name, throws an error naming the route and the
 * path, so drift between a route and its schema fails the API tests. Otherwise it returns the
 * value as it is. Nothing here needs Node (the web app imports the doors this file sits behind).
 */
import type { z } from 'zod';

/** What the server may hold for JSON of type T: a Date where a string goes out, read-only lists. */
export type Serialisable<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? readonly Serialisable<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Serialisable<T[K]> }
      : T;

/** The route a request came by, e.g. "GET /api/documents/:id". */
interface Routed {
  method: string;
  routeOptions: { url?: string };
}

let checking: boolean | undefined;
/** Whether answers are checked: under test only (read once). */
const checks = () => (checking ??= globalThis.process?.env.NODE_ENV === 'test' || !!globalThis.process?.env.VITEST);

/** `value`, the answer to `req`; under test, checked against `schema` first. */
export function respond<S extends z.ZodType>(req: Routed, schema: S, value: Serialisable<z.input<S>>): Serialisable<z.input<S>> {
  if (checks()) check(req, schema, JSON.parse(JSON.stringify(value) ?? 'null'));
  return value;
}

/** An answer already written as JSON (a cached body): checked under test like `respond`, returned as it is. */
export function respondJson<B extends string | Uint8Array>(req: Routed, schema: z.ZodType, body: B): B {
  if (checks()) check(req, schema, JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body)));
  return body;
}

function check(req: Routed, schema: z.ZodType, json: unknown): void {
  const parsed = schema.safeParse(json);
  const problems = parsed.success ? unnamed(json, parsed.data, []) : parsed.error.issues.map((i) => `${where(i.path)}: ${i.message}`);
  if (problems.length === 0) return;
  const message = `The response of ${req.method} ${req.routeOptions.url ?? '?'} does not match its schema:\n${problems.slice(0, 10).map((p) => `  ${p}`).join('\n')}`;
  // The routes' error handlers answer a plain 500 and log nothing in tests: say it here.
  console.error(message);
  throw new Error(message);
}

const where = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '(the whole answer)');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields the JSON has that the parsed value lacks: an object schema drops the fields it does not name. */
function unnamed(sent: unknown, kept: unknown, path: PropertyKey[]): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((x, i) => unnamed(x, kept[i], [...path, i]));
  if (!isRecord(sent) || !isRecord(kept)) return [];
  return Object.keys(sent).flatMap((k) => (k in kept ? unnamed(sent[k], kept[k], [...path, k]) : [`${where([...path, k])}: sent, but not in the schema`]));
}
