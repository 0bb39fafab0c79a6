/**
 * Framework conditions (rammevilkår): what a jobcenter cannot influence, one row per
 * municipality and year. Loaded from a CSV (`styr import conditions`) or, for the demo,
 * from the generator's conditions.parquet (the same values every year). A jobcenter's
 * conditions are its municipalities' values weighted by their population 16–66.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/index.js';
import { areas, municipalities, type Area } from '../reference/index.js';
import type { FrameworkConditionsTable } from './benchmark.table.js';

/**
 * The model's variables: the columns of a conditions file besides municipality, year and
 * population. `log`: the model uses the logarithm (the outcome is a logarithm too, so the
 * coefficient is an elasticity).
 */
export const conditionVariables = [
  { id: 'unemployment_level', label: 'Ledighedsniveau i lokalområdet (pct.), logaritme', min: 0.01, max: 100, log: true },
  { id: 'non_western_share', label: 'Andel ikke-vestlige indvandrere og efterkommere', min: 0, max: 1, log: false },
  { id: 'western_share', label: 'Andel vestlige indvandrere og efterkommere', min: 0, max: 1, log: false },
  { id: 'education_level', label: 'Andel med videregående uddannelse', min: 0, max: 1, log: false },
  { id: 'urban', label: 'Urbaniseringsgrad (0 = land, 1 = by)', min: 0, max: 1, log: false },
] as const;
type ConditionVariable = (typeof conditionVariables)[number]['id'];
const CONDITION_COLUMNS = ['municipality', 'year', 'population_16_66', ...conditionVariables.map((v) => v.id)] as const;

interface ConditionsRow {
  municipality: number;
  year: number;
  population_16_66: number;
  values: Record<ConditionVariable, number>;
}

/** An error in a conditions file; the message names the file, line and column. */
export class ConditionsError extends Error {
  override name = 'ConditionsError';
}

const MUNICIPALITY_CODES = new Set(municipalities.map((m) => m.code));
const number = (col: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${col} mangler`)
    .transform((s) => Number(s.replace(',', '.')))
    .refine((n) => Number.isFinite(n), `${col} skal være et tal`)
    .refine((n) => n >= min && n <= max, `${col} skal ligge mellem ${min} og ${max}`);
const rowSchema = z.object({
  municipality: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'municipality skal være en kommunekode (3 cifre)')
    .transform(Number)
    .refine((c) => MUNICIPALITY_CODES.has(c), 'municipality er ikke en af de 98 kommuner'),
  year: z.string().trim().regex(/^\d{4}$/, 'year skal være et årstal (ÅÅÅÅ)').transform(Number),
  population_16_66: z.string().trim().regex(/^\d+$/, 'population_16_66 skal være et ikke-negativt heltal').transform(Number),
  ...Object.fromEntries(conditionVariables.map((v) => [v.id, number(v.id, v.min, v.max)])),
});

/**
 * Reads and validates a conditions CSV (',' or ';', decimal point or comma, UTF-8 with or
 * without BOM). Every municipality must be present for every year in the file.
 */
export function readConditionsCsv(file: string): ConditionsRow[] {
  const name = basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConditionsError(`Filen ${name} kan ikke læses (${file}).`);
  }
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = first.includes(';') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (err) {
    throw new ConditionsError(`${name}: filen kan ikke læses som CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  const header = records[0] ?? [];
  const missing = CONDITION_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(CONDITION_COLUMNS as readonly string[]).includes(c));
  if (missing.length > 0 || unknown.length > 0) {
    throw new ConditionsError(
      `${name}, linje 1: ` +
        [missing.length > 0 ? `kolonnerne ${missing.join(', ')} mangler` : '', unknown.length > 0 ? `kolonnerne ${unknown.join(', ')} kendes ikke` : ''].filter(Boolean).join('; ') +
        `. Forventet: ${CONDITION_COLUMNS.join(', ')}.`,
    );
  }
  const rows: ConditionsRow[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const parsed = rowSchema.safeParse(Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConditionsError(`${name}, linje ${line}, kolonne ${String(issue.path[0])}: ${issue.message}.`);
    }
    const r = parsed.data as Record<string, number>;
    const key = `${r.municipality}|${r.year}`;
    if (seen.has(key)) throw new ConditionsError(`${name}, linje ${line}: kommune ${r.municipality} står to gange for ${r.year}.`);
    seen.add(key);
    rows.push({
      municipality: r.municipality!,
      year: r.year!,
      population_16_66: r.population_16_66!,
      values: Object.fromEntries(conditionVariables.map((v) => [v.id, r[v.id]!])) as Record<ConditionVariable, number>,
    });
  });
  if (rows.length === 0) throw new ConditionsError(`${name}: filen har ingen rækker.`);
  for (const year of new Set(rows.map((r) => r.year))) {
    const have = new Set(rows.filter((r) => r.year === year).map((r) => r.municipality));
    const absent = municipalities.filter((m) => !have.has(m.code));
    if (absent.length > 0) {
      throw new ConditionsError(`${name}: ${year} mangler ${absent.length} kommuner (fx ${absent.slice(0, 3).map((m) => `${m.code} ${m.name}`).join(', ')}). Alle 98 kommuner skal være med for hvert år.`);
    }
  }
  return rows;
}

/** Stores conditions; the years in `rows` replace what was there for those years, in one transaction. */
export async function saveConditions(db: Kysely<Database>, rows: ConditionsRow[], source: string): Promise<{ years: number[]; rows: number }> {
  const years = [...new Set(rows.map((r) => r.year))].sort();
  await db.transaction().execute(async (trx: Transaction<Database>) => {
    await trx.deleteFrom('framework_conditions').where('year', 'in', years).execute();
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('framework_conditions')
        .values(rows.slice(i, i + 500).map((r) => ({ municipality: r.municipality, year: r.year, population_16_66: r.population_16_66, ...r.values, source })))
        .execute();
    }
  });
  return { years, rows: rows.length };
}

/** A jobcenter's conditions in a year: population summed, variables population-weighted. */
export interface JobcenterConditions {
  jobcenter: string;
  year: number;
  population_16_66: number;
  values: Record<ConditionVariable, number>;
}

export const jobcenters: readonly Area[] = areas.filter((a) => a.level === 'jobcenter');

/** Every stored year's conditions per jobcenter (the 94, in reference order). */
export async function loadJobcenterConditions(db: Kysely<Database>): Promise<Map<number, JobcenterConditions[]>> {
  const rows = await db.selectFrom('framework_conditions').selectAll().orderBy('year').execute();
  const byYear = new Map<number, Map<number, FrameworkConditionsTable>>();
  for (const r of rows) {
    if (!byYear.has(r.year)) byYear.set(r.year, new Map());
    byYear.get(r.year)!.set(r.municipality, r);
  }
  const out = new Map<number, JobcenterConditions[]>();
  for (const [year, ms] of byYear) {
    out.set(
      year,
      jobcenters.map((jc) => {
        const parts = jc.municipalities.map((c) => ms.get(c)).filter((r): r is FrameworkConditionsTable => r !== undefined);
        const pop = parts.reduce((s, r) => s + r.population_16_66, 0);
        const weight = (r: FrameworkConditionsTable) => (pop > 0 ? r.population_16_66 / pop : 1 / parts.length);
        const values = Object.fromEntries(conditionVariables.map((v) => [v.id, parts.reduce((s, r) => s + weight(r) * r[v.id], 0)])) as Record<ConditionVariable, number>;
        return { jobcenter: jc.id, year, population_16_66: pop, values };
      }),
    );
  }
  return out;
}

/** The generator's conditions.parquet (one row per municipality), repeated for each of `years`. */
export async function readConditionsParquet(file: string, years: number[]): Promise<ConditionsRow[]> {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  try {
    const cols = ['municipality', 'population_16_66', ...conditionVariables.map((v) => v.id)];
    const reader = await con.runAndReadAll(`SELECT ${cols.map((c) => `${c}::DOUBLE`).join(', ')} FROM read_parquet('${file.replace(/'/g, "''")}') ORDER BY municipality`);
    return years.flatMap((year) =>
      reader.getRows().map((r) => ({
        municipality: Number(r[0]),
        year,
        population_16_66: Number(r[1]),
        values: Object.fromEntries(conditionVariables.map((v, j) => [v.id, Number(r[j + 2])])) as Record<ConditionVariable, number>,
      })),
    );
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}
