import { z } from 'zod';
import { invalidParameter } from './statbank.errors.js';

/**
 * Zod schemas of the query parameters (the grammar is documented in src/statbank/README.md and
 * in the `query` field of GET /v3/table/{id}).
 */

const token = /^[\p{L}\p{N}_\-.]+$/u;

/** The raw query string as Fastify parses it. */
const rawQuerySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const formatSchema = z.enum(['json', 'csv', 'xlsx']);
const periodFormatSchema = z.enum(['jobindsats', 'styr']);
type Format = z.infer<typeof formatSchema>;
const releaseSchema = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const includeSchema = z.literal('status');

/** `latest:N` · `*` · comma list of period ids. */
export const periodSchema = z.union([
  z.literal('*').transform(() => ({ kind: 'all' as const })),
  z
    .string()
    .regex(/^latest:[1-9]\d{0,4}$/)
    .transform((s) => ({ kind: 'latest' as const, n: Number(s.slice(7)) })),
  z
    .string()
    .regex(/^[0-9A-Z-]+(,[0-9A-Z-]+)*$/)
    .transform((s) => ({ kind: 'list' as const, ids: s.split(',') })),
]);

/** `*` · `/` · a positional path `/2/`, `/2/3/` (the real API's) · `level:<id>` · comma list of value ids. */
export const selectorSchema = z.union([
  z.literal('*').transform(() => ({ kind: 'all' as const })),
  z.literal('/').transform(() => ({ kind: 'total' as const })),
  z
    .string()
    .regex(/^(\/[1-9]\d{0,3})+\/$/)
    // A step of 1 is the node itself (`/1/` = `/`, `/2/1/` = `/2/`).
    .transform((s) => ({ kind: 'path' as const, path: s.replace(/(\/1)+\/$/, '/') })),
  z
    .string()
    .regex(/^level:[\p{L}\p{N}_\-.]+$/u)
    .transform((s) => ({ kind: 'level' as const, level: s.slice(6) })),
  z
    .string()
    .refine((s) => s.split(',').every((t) => token.test(t)))
    .transform((s) => ({ kind: 'list' as const, ids: s.split(',') })),
]);
export type Selector = z.infer<typeof selectorSchema>;

/** `*` or a comma list of mgroup ids. */
export const mgroupListSchema = z.union([
  z.literal('*').transform(() => null),
  z
    .string()
    .refine((s) => s.split(',').every((t) => token.test(t)))
    .transform((s) => s.split(',')),
]);

/** Periods per frequency, for checking explicit period ids. */
export const periodPatterns: Record<'M' | 'Q' | 'Y' | 'R', { re: RegExp; example: string }> = {
  M: { re: /^\d{4}M(0[1-9]|1[0-2])$/, example: '2025M05' },
  Q: { re: /^\d{4}Q[1-4]$/, example: '2025Q1' },
  Y: { re: /^\d{4}$/, example: '2025' },
  R: { re: /^\d{4}M(0[1-9]|1[0-2])-\d{4}M(0[1-9]|1[0-2])$/, example: '2024M07-2025M06' },
};

/** Parses one parameter with a schema; a failure is a 400 naming the parameter with `help`. */
export function parseParam<T extends z.ZodType>(schema: T, parameter: string, value: unknown, help: string): z.infer<T> {
  if (Array.isArray(value)) throw invalidParameter(parameter, 'må kun angives én gang.');
  const r = schema.safeParse(typeof value === 'string' ? value.trim() : value);
  if (!r.success) throw invalidParameter(parameter, `ugyldig værdi "${String(value)}"; ${help}`);
  return r.data;
}

/** The parameters every endpoint accepts. */
interface CommonQuery {
  format: Format;
  release?: number;
  includeStatus: boolean;
  /** How rows write quarters and years: as the real API (2024Q04, 2024Y01) or as we do (2024Q4, 2024); absent: as the request speaks. */
  periodFormat?: 'jobindsats' | 'styr';
}

/** Validates the raw query and reads format, release and include. */
export function parseCommonQuery(raw: unknown, formats: readonly Format[] = ['json', 'csv', 'xlsx']): { common: CommonQuery; query: Record<string, string | string[]> } {
  const r = rawQuerySchema.safeParse(raw ?? {});
  if (!r.success) throw invalidParameter('query', 'forespørgslen kunne ikke læses.');
  const query = r.data;
  const format = query.format === undefined ? 'json' : parseParam(formatSchema, 'format', query.format, `tilladt: ${formats.join(' eller ')}.`);
  if (!formats.includes(format)) throw invalidParameter('format', `tilladt: ${formats.join(' eller ')}.`);
  const release = query.release === undefined ? undefined : parseParam(releaseSchema, 'release', query.release, 'angiv et udgivelsesnummer (heltal ≥ 1).');
  const includeStatus = query.include === undefined ? false : (parseParam(includeSchema, 'include', query.include, 'tilladt: status.'), true);
  const periodFormat = query.periodformat === undefined ? undefined : parseParam(periodFormatSchema, 'periodformat', query.periodformat, 'tilladt: jobindsats (2024Q04, 2024Y01) eller styr (2024Q4, 2024).');
  return { common: { format, ...(release !== undefined ? { release } : {}), includeStatus, ...(periodFormat ? { periodFormat } : {}) }, query };
}
