/**
 * The accepted DREAM layout, the code map, and the validation of headers and cells. All
 * messages are in Danish and name the file, the line (CSV) or row (Parquet) and the column.
 *
 * Layout (one row per person):
 * - `person_id`   positive integer, unique
 * - `birth_date`  `YYYY-MM-DD`
 * - `gender`      `K` or `M`
 * - `origin`      `dansk`, `vestlig` or `ikke-vestlig`
 * - `municipality` 3-digit municipality code (one of the 98)
 * - `y_ÅÅUU`      one column per ISO week (ÅÅ = year 20ÅÅ, UU = ISO week 01–53): the DREAM code of
 *                 that week; empty or 0 = nothing (self-support)
 * - `kom_ÅÅUU`    optional, per week: municipality that week (empty = the `municipality` column)
 * Other columns are ignored. The code map (MAP.csv) has the columns `code,benefit`: a DREAM code
 * and a benefit group id of benefit-groups.csv (`su` included), or empty for self-support.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { benefitGroups, municipalities } from '../../reference/index.js';
import { isoWeekMondayDay, parseDay, weekIndexOfDay } from '../weeks.js';

/** An import error: the message is meant for the user as it stands. */
export class DreamError extends Error {
  override name = 'DreamError';
}

const PERSON_COLUMNS = ['person_id', 'birth_date', 'gender', 'origin', 'municipality'] as const;
const LAYOUT_HELP =
  'Forventet layout: én række pr. person med kolonnerne person_id, birth_date (ÅÅÅÅ-MM-DD), gender (K/M), ' +
  'origin (dansk/vestlig/ikke-vestlig), municipality (3-cifret kommunekode), en kolonne y_ÅÅUU pr. ISO-uge med DREAM-koden ' +
  '(tom eller 0 = ingen ydelse) og evt. kom_ÅÅUU med bopælskommunen i ugen.';

/** Benefit ids by state code (0 = self-support) as the importer numbers them. */
export const BENEFIT_IDS: readonly string[] = ['', ...benefitGroups.map((g) => g.id)];
const MUNICIPALITY_CODES = new Set(municipalities.map((m) => m.code));

/** Reads MAP.csv: DREAM code → state code (index into BENEFIT_IDS; 0 = self-support). */
export function readCodeMap(file: string): Map<number, number> {
  const name = basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DreamError(`Kodelisten ${name} kan ikke læses (${file}).`);
  }
  const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, delimiter, bom: true }) as Record<string, string>[];
  const header = records.length > 0 ? Object.keys(records[0]!) : [];
  if (!header.includes('code') || !header.includes('benefit')) {
    throw new DreamError(`Kodelisten ${name} skal have kolonnerne code,benefit (fandt: ${header.join(', ') || 'ingen rækker'}).`);
  }
  const row = z.object({
    code: z.string().regex(/^\d+$/, 'koden skal være et ikke-negativt heltal'),
    benefit: z.string().refine((b) => b === '' || BENEFIT_IDS.includes(b), 'ukendt ydelsesgruppe'),
  });
  const map = new Map<number, number>();
  records.forEach((r, i) => {
    const line = i + 2;
    const parsed = row.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const col = String(issue.path[0]);
      const extra = col === 'benefit' ? ` '${r.benefit}' (kendte: ${BENEFIT_IDS.slice(1).join(', ')})` : ` '${r.code}'`;
      throw new DreamError(`Fejl i kodelisten ${name}, linje ${line}, kolonne ${col}: ${issue.message}${extra}.`);
    }
    const code = Number(parsed.data.code);
    if (map.has(code)) throw new DreamError(`Fejl i kodelisten ${name}, linje ${line}: koden ${code} står der mere end én gang.`);
    map.set(code, BENEFIT_IDS.indexOf(parsed.data.benefit));
  });
  return map;
}

/** Semicolon when the header has more semicolons than commas, else comma. */
export function detectDelimiter(headerLine: string): ';' | ',' {
  const count = (c: string): number => headerLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** The interpreted header: where the person columns and the week columns are. */
export interface Header {
  person: Record<(typeof PERSON_COLUMNS)[number], number>;
  /** Week columns sorted by week: column index, week index, and the kom_ column index or −1. */
  weeks: { col: number; week: number; kom: number; name: string }[];
}

const WEEK_COL = /^(y|kom)_(\d{2})(\d{2})$/;

/** Validates the header of a DREAM file. */
export function readHeader(columns: readonly string[], file: string): Header {
  const name = basename(file);
  const trimmed = columns.map((c) => c.trim());
  const missing = PERSON_COLUMNS.filter((c) => !trimmed.includes(c));
  if (missing.length > 0) throw new DreamError(`Filen ${name} mangler kolonnen/kolonnerne ${missing.join(', ')}. ${LAYOUT_HELP}`);
  const dupes = trimmed.filter((c, i) => trimmed.indexOf(c) !== i);
  if (dupes.length > 0) throw new DreamError(`Filen ${name} har kolonnen ${dupes[0]} mere end én gang.`);
  const person = Object.fromEntries(PERSON_COLUMNS.map((c) => [c, trimmed.indexOf(c)])) as Header['person'];
  const y = new Map<number, { col: number; name: string }>();
  const kom = new Map<number, number>();
  trimmed.forEach((c, i) => {
    if (!/^(y|kom)_/.test(c)) return;
    const m = WEEK_COL.exec(c);
    if (!m) throw new DreamError(`Ugyldig ugekolonne ${c} i fil ${name}: forventet ${c.startsWith('y_') ? 'y' : 'kom'}_ÅÅUU med to cifre for år og to for ISO-uge (fx y_2114).`);
    const year = 2000 + Number(m[2]);
    const week = Number(m[3]);
    const monday = isoWeekMondayDay(year, week);
    if (monday === null) throw new DreamError(`Ugyldig ugekolonne ${c} i fil ${name}: ISO-året ${year} har ingen uge ${week} (året har uge 01–${weeksIn(year)}).`);
    const w = weekIndexOfDay(monday);
    if (m[1] === 'y') y.set(w, { col: i, name: c });
    else kom.set(w, i);
  });
  if (y.size === 0) throw new DreamError(`Filen ${name} har ingen ugekolonner y_ÅÅUU. ${LAYOUT_HELP}`);
  for (const [w, col] of kom) if (!y.has(w)) throw new DreamError(`Kolonnen ${trimmed[col]} i fil ${name} har ingen tilsvarende y_-kolonne for samme uge.`);
  const weeks = [...y].sort((a, b) => a[0] - b[0]).map(([week, v]) => ({ col: v.col, week, kom: kom.get(week) ?? -1, name: v.name }));
  return { person, weeks };
}

function weeksIn(year: number): number {
  return isoWeekMondayDay(year, 53) === null ? 52 : 53;
}

/** A validated person row. */
interface PersonRow {
  personId: number;
  birth: number;
  gender: 'K' | 'M';
  origin: 'dansk' | 'vestlig' | 'ikke-vestlig';
  municipality: number;
}

/** Validates the person columns of a row; `where` is e.g. "linje 17 i fil x.csv". */
export function readPerson(values: readonly string[], h: Header, where: string): PersonRow {
  const get = (c: (typeof PERSON_COLUMNS)[number]): string => (values[h.person[c]] ?? '').trim();
  const fail = (col: string, msg: string): never => {
    throw new DreamError(`${msg} i kolonne ${col}, ${where}.`);
  };
  const pid = get('person_id');
  if (!/^\d+$/.test(pid) || Number(pid) < 1 || Number(pid) > 2147483647) fail('person_id', `Ugyldigt person_id '${pid}' (positivt heltal)`);
  const bd = get('birth_date');
  const birth = parseDay(bd);
  if (birth === null) fail('birth_date', `Ugyldig fødselsdato '${bd}' (forventet ÅÅÅÅ-MM-DD)`);
  const gender = get('gender');
  if (gender !== 'K' && gender !== 'M') fail('gender', `Ugyldigt køn '${gender}' (K eller M)`);
  const origin = get('origin');
  if (origin !== 'dansk' && origin !== 'vestlig' && origin !== 'ikke-vestlig') fail('origin', `Ugyldig herkomst '${origin}' (dansk, vestlig eller ikke-vestlig)`);
  const municipality = readMunicipality(get('municipality'), 'municipality', where, false)!;
  return { personId: Number(pid), birth: birth!, gender: gender as 'K' | 'M', origin: origin as PersonRow['origin'], municipality };
}

/** A municipality cell; null when empty and `optional`. */
export function readMunicipality(raw: string, col: string, where: string, optional: boolean): number | null {
  const v = raw.trim();
  if (v === '' && optional) return null;
  const code = Number(v);
  if (!/^\d{1,3}$/.test(v) || !MUNICIPALITY_CODES.has(code)) {
    throw new DreamError(`Ukendt kommunekode '${v}' i kolonne ${col}, ${where} (forventet en af de 98 3-cifrede kommunekoder).`);
  }
  return code;
}

/** A week cell: the state code (0 = nothing) through the code map. */
export function readCode(raw: string, col: string, where: string, codes: Map<number, number>): number {
  const v = raw.trim();
  if (v === '' || v === '0') return 0;
  if (!/^\d+$/.test(v)) throw new DreamError(`Ugyldig DREAM-kode '${v}' i kolonne ${col}, ${where} (forventet et heltal).`);
  const state = codes.get(Number(v));
  if (state === undefined) throw new DreamError(`Ukendt DREAM-kode ${Number(v)} i kolonne ${col}, ${where}: koden står ikke i kodelisten.`);
  return state;
}
