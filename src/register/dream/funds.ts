/**
 * The optional a-kasse mapping of the DREAM import: which unemployment fund each person was a
 * member of, as a CSV file (comma or semicolon) with the columns
 * - `person_id`  positive integer (persons not in the extract are left out and counted)
 * - `a_kasse`    a fund id of src/reference/unemployment-funds.ts; empty = no fund (the row is skipped)
 * - `from_week`, `to_week` optional: Mondays `YYYY-MM-DD`, the first and last week of the
 *   membership; empty or absent = open (before the register's first / after its last week).
 * A person may have several rows (a change of fund) whose weeks must not overlap. Validated with
 * zod; every message names the file, the line and the column.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { unemploymentFundById, unemploymentFunds } from '../../reference/index.js';
import { formatDay, isoWeekday, mondayOf, parseDay } from '../weeks.js';
import { DreamError, detectDelimiter } from './layout.js';

/** One membership: fund id, first and last week as epoch days of their Mondays (null = open). */
export interface FundMembership {
  personId: number;
  fund: string;
  from: number | null;
  to: number | null;
  /** Line in the mapping file. */
  line: number;
}

const FUND_IDS = unemploymentFunds.map((f) => f.id);

const week = (col: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (s === '') return null;
      const day = parseDay(s);
      if (day === null) {
        ctx.addIssue({ code: 'custom', message: `ugyldig dato '${s}' (forventet ÅÅÅÅ-MM-DD)`, path: [col] });
        return z.NEVER;
      }
      if (isoWeekday(day) !== 1) {
        ctx.addIssue({ code: 'custom', message: `'${s}' er ikke en mandag (ugen begynder ${formatDay(mondayOf(day))})`, path: [col] });
        return z.NEVER;
      }
      return day;
    });

const rowSchema = z
  .object({
    person_id: z
      .string()
      .trim()
      .regex(/^\d+$/, 'person_id skal være et positivt heltal')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 2147483647, 'person_id skal være et positivt heltal'),
    a_kasse: z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        if (v !== '' && !unemploymentFundById.has(v)) ctx.addIssue({ code: 'custom', message: `ukendt a-kasse '${v}' (kendte: ${FUND_IDS.join(', ')})` });
      }),
    from_week: week('from_week'),
    to_week: week('to_week'),
  })
  .superRefine((r, ctx) => {
    if (r.from_week !== null && r.to_week !== null && r.to_week < r.from_week) {
      ctx.addIssue({ code: 'custom', message: 'to_week ligger før from_week', path: ['to_week'] });
    }
  });

/** Reads and validates the a-kasse mapping; memberships sorted by person and first week. */
export function readFundMap(file: string): FundMembership[] {
  const name = basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DreamError(`A-kasse-filen ${name} kan ikke læses (${file}).`);
  }
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, delimiter, bom: true, info: false }) as Record<string, string>[];
  } catch (err) {
    throw new DreamError(`A-kasse-filen ${name} kan ikke læses som CSV: ${(err as Error).message}`);
  }
  const header = records.length > 0 ? Object.keys(records[0]!) : [];
  if (!header.includes('person_id') || !header.includes('a_kasse')) {
    throw new DreamError(`A-kasse-filen ${name} skal have kolonnerne person_id,a_kasse og evt. from_week,to_week (fandt: ${header.join(', ') || 'ingen rækker'}).`);
  }
  const out: FundMembership[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const parsed = rowSchema.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DreamError(`Fejl i a-kasse-filen ${name}, linje ${line}, kolonne ${String(issue.path[0])}: ${issue.message}.`);
    }
    const p = parsed.data;
    if (p.a_kasse === '') return;
    out.push({ personId: p.person_id, fund: p.a_kasse, from: p.from_week, to: p.to_week, line });
  });
  const lo = (m: FundMembership) => m.from ?? -Infinity;
  out.sort((a, b) => a.personId - b.personId || lo(a) - lo(b) || a.line - b.line);
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const cur = out[i]!;
    if (prev.personId === cur.personId && (prev.to === null || lo(cur) <= prev.to)) {
      throw new DreamError(
        `Fejl i a-kasse-filen ${name}, linje ${Math.max(prev.line, cur.line)}: person_id ${cur.personId} er medlem af to a-kasser i samme uge (se også linje ${Math.min(prev.line, cur.line)}).`,
      );
    }
  }
  return out;
}
