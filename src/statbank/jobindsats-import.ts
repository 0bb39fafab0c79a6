import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/index.js';
import type { DatasetShape, Freq } from '../indicators/index.js';
import { encodeValues, insertDataset, insertRelease, insertSeries, insertTables } from '../indicators/index.js';
import { areas } from '../reference/index.js';
import { hierarchyIds, type HierarchyId, type TableDefinition } from './table.schema.js';
import { periodPatterns } from './statbank.schema.js';
import { ourPeriodId } from './vocabulary.js';
import { tableDefinitions } from './tables.js';

/** Options of an import: the Jobindsats table id and the saved `/v3/data` responses. */
interface JobindsatsImportOptions {
  table: string;
  files: string[];
  notes?: string;
}

const optionsSchema = z.object({
  table: z.string().trim().regex(/^[A-Za-z0-9_]{1,64}$/, 'Tabel-id skal bestå af bogstaver, tal og _').transform((s) => s.toLowerCase()),
  files: z.array(z.string().min(1)).min(1, 'Angiv mindst én fil'),
  notes: z.string().optional(),
});

const responseSchema = z.object({
  columns: z.array(z.string().min(1)).min(3),
  rows: z.array(z.array(z.unknown())),
});

const PERIOD = 'Periode';
const AREA = 'Område';
const freqOrder: Freq[] = ['M', 'Q', 'Y', 'R'];

/** Danish letters to ASCII, everything else to '_': 'Ydelsesgrupper i alt' → 'ydelsesgrupper_i_alt'. */
function slug(s: string): string {
  const t = s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return t || 'v';
}

function uniqueSlugger() {
  const used = new Set<string>();
  return (s: string) => {
    const base = slug(s);
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    return id;
  };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Area names as Jobindsats writes them (and tolerated variants) → reference area id. */
function areaNameIndex(): Map<string, string> {
  const m = new Map<string, string>([['danmark', 'DK']]);
  const put = (name: string, id: string) => (m.has(norm(name)) ? undefined : m.set(norm(name), id));
  for (const a of areas) put(a.name, a.id);
  for (const a of areas) {
    if (a.level === 'region') put(a.name.replace(/^Region /, ''), a.id);
    if (a.level === 'municipality') {
      put(`${a.name} Kommune`, a.id);
      put(`${a.name}s Kommune`, a.id);
    }
  }
  return m;
}

/**
 * Orders the values of a dimension as the source does: a topological order of "a came
 * right before b" within rows that agree on everything else (ties and cycles: first
 * appearance). Jobindsats leaves out empty rows, so first appearance alone can misorder.
 */
function sourceOrder(firstSeen: string[], sequences: Iterable<string[]>): string[] {
  const rank = new Map(firstSeen.map((v, i) => [v, i]));
  const after = new Map(firstSeen.map((v) => [v, new Set<string>()]));
  const indegree = new Map(firstSeen.map((v) => [v, 0]));
  for (const seq of sequences) {
    for (let i = 1; i < seq.length; i++) {
      const [a, b] = [seq[i - 1]!, seq[i]!];
      if (a === b || after.get(a)!.has(b)) continue;
      after.get(a)!.add(b);
      indegree.set(b, indegree.get(b)! + 1);
    }
  }
  const out: string[] = [];
  const ready = firstSeen.filter((v) => indegree.get(v) === 0);
  while (ready.length > 0) {
    ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
    const v = ready.shift()!;
    out.push(v);
    for (const w of after.get(v)!) {
      indegree.set(w, indegree.get(w)! - 1);
      if (indegree.get(w) === 0) ready.push(w);
    }
  }
  return out.length === firstSeen.length ? out : firstSeen;
}

function decimalsOf(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 10;
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(10, s.length - i - 1);
}

function freqOf(period: string): Freq | undefined {
  return freqOrder.find((f) => periodPatterns[f].re.test(period));
}

interface ParsedFile {
  file: string;
  columns: string[];
  rows: unknown[][];
}

async function readResponse(file: string): Promise<ParsedFile> {
  const name = basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`Filen ${name} kan ikke læses: ${e instanceof Error ? e.message : String(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`Filen ${name} er ikke gyldig JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = responseSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`Filen ${name} er ikke et Jobindsats-svar ({"columns": [...], "rows": [[...]]}): ${i.path.join('.') || 'roden'}: ${i.message}`);
  }
  const { columns, rows } = r.data;
  for (const c of [PERIOD, AREA]) if (!columns.includes(c)) throw new Error(`Filen ${name} mangler kolonnen "${c}" (kolonner: ${columns.join(', ')})`);
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup) throw new Error(`Filen ${name} har kolonnen "${dup}" to gange`);
  return { file: name, columns, rows };
}

/**
 * Loads saved Jobindsats v3 data responses as ONE new release (source 'jobindsats') with a
 * dataset named as the table and a table definition that serves the same columns again.
 * Everything happens in one transaction: a bad file imports nothing. Returns the new
 * version and the number of distinct rows stored (a row repeated in another file is stored
 * once; one repeated right after itself is the same name one level deeper, and kept).
 */
export async function importJobindsats(db: Kysely<Database>, options: JobindsatsImportOptions): Promise<{ version: number; rows: number }> {
  const o = optionsSchema.safeParse(options);
  if (!o.success) throw new Error(`Ugyldig import: ${o.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { table, files, notes } = o.data;
  const parsed: ParsedFile[] = [];
  for (const f of files) parsed.push(await readResponse(f));
  const columns = parsed[0]!.columns;
  for (const p of parsed) {
    if (p.columns.join('\u0000') !== columns.join('\u0000')) throw new Error(`Filen ${p.file} har andre kolonner end ${parsed[0]!.file}: ${p.columns.join(', ')}`);
  }

  // Column kinds: text columns are dimensions, numeric (or null) columns are measures.
  const pi = columns.indexOf(PERIOD);
  const ai = columns.indexOf(AREA);
  const kinds: ('text' | 'number' | undefined)[] = columns.map((_, i) => (i === pi || i === ai ? 'text' : undefined));
  const firstNull: (string | undefined)[] = columns.map(() => undefined);
  const mixed = (where: string, c: number, v: unknown) =>
    new Error(`${where}, kolonne "${columns[c]}": blandede typer (${JSON.stringify(v)}); kolonnen skal enten være tekst eller tal`);
  for (const p of parsed) {
    p.rows.forEach((row, r) => {
      const where = `Filen ${p.file}, række ${r + 1}`;
      if (!Array.isArray(row) || row.length !== columns.length) throw new Error(`${where}: ${row.length} værdier, men ${columns.length} kolonner`);
      row.forEach((v, c) => {
        if (v === null) {
          if (kinds[c] === 'text') throw mixed(where, c, v);
          firstNull[c] ??= where;
          return;
        }
        const kind = typeof v === 'string' ? 'text' : typeof v === 'number' && Number.isFinite(v) ? 'number' : undefined;
        if (!kind || (kinds[c] && kinds[c] !== kind)) throw mixed(where, c, v);
        if (kind === 'text' && firstNull[c]) throw mixed(firstNull[c]!, c, null);
        kinds[c] = kind;
      });
    });
  }
  const dimCols = columns.map((_, i) => i).filter((i) => i !== pi && i !== ai && kinds[i] === 'text');
  const measureCols = columns.map((_, i) => i).filter((i) => i !== pi && i !== ai && kinds[i] !== 'text');
  if (measureCols.length === 0) throw new Error(`Filen ${parsed[0]!.file} har ingen talkolonner`);

  const dimSlug = uniqueSlugger();
  const dims = dimCols.map((c) => ({ col: c, id: dimSlug(columns[c]!), slugger: uniqueSlugger(), values: new Map<string, string>(), sequences: new Map<string, string[]>() }));
  const measureSlug = uniqueSlugger();
  const measures = measureCols.map((c) => ({ col: c, id: measureSlug(columns[c]!), label: columns[c]!, decimals: 0 }));
  const areaIndex = areaNameIndex();
  const areaNames = new Map<string, string>();
  const periods = new Map<string, Freq>();
  const cells = new Map<string, { values: (number | null)[]; where: string }>();

  // A row that repeats the row just before it is the same name one level deeper in the real
  // API's tree (e.g. "Privat virksomhedspraktik" as a group and its only member): its own value
  // of the dimension that varies (the last with more than one value), named the same.
  const varies = dims.map((d) => new Set(parsed.flatMap((p) => p.rows.map((row) => row[d.col]))).size > 1);
  const deeperDim = varies.lastIndexOf(true) >= 0 ? varies.lastIndexOf(true) : dims.length - 1;
  const DEEPER = '\u0001';
  for (const p of parsed) {
    let previous = '';
    p.rows.forEach((row, r) => {
      const where = `filen ${p.file}, række ${r + 1}`;
      const whole = JSON.stringify(row);
      const deeper = whole === previous;
      previous = whole;
      // Stored in our ids: the real API's quarters and years (2024Q04, 2024Y01) are 2024Q4 and 2024.
      const period = ourPeriodId(String(row[pi]));
      const freq = freqOf(period);
      if (!freq) throw new Error(`Filen ${p.file}, række ${r + 1}, kolonne "${PERIOD}": ukendt periode "${String(row[pi])}" (forventet f.eks. 2025M05, 2025Q01, 2025Q1, 2025Y01, 2025 eller 2024M07-2025M06)`);
      periods.set(period, freq);
      const areaName = row[ai] as string;
      const area = areaIndex.get(norm(areaName));
      if (!area) throw new Error(`Filen ${p.file}, række ${r + 1}, kolonne "${AREA}": ukendt område "${areaName}"`);
      if (!areaNames.has(area)) areaNames.set(area, areaName);
      const dimIds = dims.map((d, k) => {
        const v = row[d.col] as string;
        const key = deeper && k === deeperDim ? `${v}${DEEPER}` : v;
        let id = d.values.get(key);
        if (id === undefined) d.values.set(key, (id = d.slugger(v)));
        return id;
      });
      const values = measures.map((m) => {
        const v = row[m.col] as number | null;
        if (v !== null) m.decimals = Math.max(m.decimals, decimalsOf(v));
        return v;
      });
      dims.forEach((d, k) => {
        const group = JSON.stringify([period, area, ...dimIds.filter((_, j) => j !== k)]);
        const seq = d.sequences.get(group);
        if (!seq) d.sequences.set(group, [dimIds[k]!]);
        else if (seq[seq.length - 1] !== dimIds[k]) seq.push(dimIds[k]!);
      });
      const key = JSON.stringify([area, dimIds, period]);
      const prev = cells.get(key);
      if (!prev) cells.set(key, { values, where });
      else if (prev.values.some((v, i) => v !== values[i])) {
        throw new Error(`Filen ${p.file}, række ${r + 1}: modstridende dublet af (${[period, areaName, ...dims.map((d) => row[d.col])].join(', ')}); første forekomst i ${prev.where}`);
      }
    });
  }

  const periodList = [...periods].sort((a, b) => freqOrder.indexOf(a[1]) - freqOrder.indexOf(b[1]) || (a[0] < b[0] ? -1 : 1));
  const pIndex = new Map(periodList.map(([id], i) => [id, i]));
  const nm = measures.length;
  const series = new Map<string, { area: string; dims: string[]; values: Float64Array; status: Uint8Array }>();
  for (const [key, cell] of cells) {
    const [area, dimIds, period] = JSON.parse(key) as [string, string[], string];
    const sKey = JSON.stringify([area, dimIds]);
    let s = series.get(sKey);
    if (!s) series.set(sKey, (s = { area, dims: dimIds, values: new Float64Array(periodList.length * nm).fill(NaN), status: new Uint8Array(periodList.length).fill(3) }));
    const i = pIndex.get(period)!;
    s.status[i] = 0;
    cell.values.forEach((v, j) => (s.values[i * nm + j] = v ?? NaN));
  }

  const shape: DatasetShape = {
    dims: dims.map((d) => d.id),
    measures: measures.map((m) => ({ id: m.id, label: m.label, decimals: m.decimals })),
    periods: periodList.map(([id, freq]) => ({ id, freq })),
  };
  const known = tableDefinitions().find((t) => t.table_id === table);
  const levelsPresent = new Set([...areaNames.keys()].map((id) => areas.find((a) => a.id === id)!.level));
  const hierarchies = hierarchyIds.filter(
    (h: HierarchyId) =>
      (h === '_nykom' && ['country', 'region', 'municipality'].some((l) => levelsPresent.has(l as never))) ||
      (h === '_jobcenter' && levelsPresent.has('jobcenter')) ||
      (h === '_beskregion' && levelsPresent.has('employment_region')),
  );
  const isTotal = (col: string, v: string) => norm(v) === 'i alt' || norm(v) === `${norm(col)} i alt`;
  const definition: TableDefinition = {
    table_id: table,
    table_name: known?.table_name ?? `Jobindsats ${table.toUpperCase()}`,
    subject: known?.subject ?? { id: 'jobindsats', name: 'Jobindsats' },
    table_group: { id: 'jobindsats', name: 'Importeret fra Jobindsats' },
    dataset: table,
    description: `Importeret fra Jobindsats (${parsed.map((p) => p.file).join(', ')}).`,
    columns,
    period: { column: PERIOD, freqs: freqOrder.filter((f) => periodList.some(([, pf]) => pf === f)) },
    area: { column: AREA, hierarchies, areas: [...areaNames.keys()], names: Object.fromEntries(areaNames) },
    dimensions: dims.map((d) => {
      const names = new Map([...d.values].map(([name, id]) => [id, name.replace(DEEPER, '')]));
      const all = sourceOrder([...names.keys()], d.sequences.values()).map((id) => ({ value_id: id, value_name: names.get(id)! }));
      const total = all.find((v) => isTotal(columns[d.col]!, v.value_name));
      const rest = all.filter((v) => v !== total);
      const levels = [
        ...(total ? [{ level_id: 'total', level_name: 'I alt', values: [total] }] : []),
        ...(rest.length > 0 ? [{ level_id: 'values', level_name: columns[d.col]!, values: rest }] : []),
      ];
      return { id: d.id, name: columns[d.col]!, map: { kind: 'series' as const, dim: d.id }, ...(total ? { total: total.value_id } : {}), levels };
    }),
    mgroups: measures.map((m) => ({ mgroup_id: m.id, mgroup_name: m.label, measure: m.id })),
    omit_unavailable: true,
  };

  const release = await db.transaction().execute(async (trx) => {
    const rel = await insertRelease(trx, {
      source: 'jobindsats',
      firstWeek: null,
      cutoffWeek: null,
      notes: notes ?? `Import af Jobindsats ${table}`,
      threshold: null,
      summary: { datasets: { [table]: { series: series.size, cells: cells.size, primary: 0, secondary: 0 } }, files: parsed.map((p) => p.file) },
    });
    await insertDataset(trx, rel.id, table, shape);
    await insertSeries(
      trx,
      rel.id,
      table,
      [...series.values()].map((s) => ({ area: s.area, dims: s.dims, values: encodeValues(s.values), status: s.status })),
    );
    await insertTables(trx, rel.id, [{ tableId: table, dataset: table, definition }]);
    return rel;
  });
  return { version: release.version, rows: cells.size };
}
