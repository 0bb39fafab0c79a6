/** DREAM importer: CSV and Parquet round trips, and every error names file, line/row and column without touching outDir. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDream } from '../../src/register/index.js';
import { num, query, tempDir } from './helpers.js';

const root = tempDir('dream');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MAP = 'code,benefit\n111,a_dagpenge\n211,sygedagpenge\n651,su\n300,\n';
// Person 1 (born 1980) dagpenge two weeks then sick after a move; person 2 (born 2010) is 15 in 2021 → rows dropped; person 3 su.
const HEADER = ['person_id', 'birth_date', 'gender', 'origin', 'municipality', 'y_2101', 'y_2102', 'y_2103', 'y_2104', 'kom_2103'];
const ROWS = [
  ['1', '1980-05-17', 'K', 'dansk', '101', '111', '111', '211', '300', '461'],
  ['2', '2010-01-01', 'M', 'vestlig', '751', '651', '', '', '', ''],
  ['3', '2001-06-30', 'M', 'ikke-vestlig', '183', '651', '651', '0', '651', ''],
];
const EXPECTED = [
  [1, '2021-01-04', 101, 'a_dagpenge'],
  [1, '2021-01-11', 101, 'a_dagpenge'],
  [1, '2021-01-18', 461, 'sygedagpenge'],
  [3, '2021-01-04', 183, 'su'],
  [3, '2021-01-11', 183, 'su'],
  [3, '2021-01-25', 183, 'su'],
];

let n = 0;
function setup(rows: string[][], opts: { header?: string[]; sep?: string; map?: string } = {}): { file: string; codes: string; out: string; name: string } {
  const d = join(root, `case${n++}`);
  mkdirSync(d);
  const sep = opts.sep ?? ',';
  const name = 'udtraek.csv';
  writeFileSync(join(d, name), [opts.header ?? HEADER, ...rows].map((r) => r.join(sep)).join('\n') + '\n');
  writeFileSync(join(d, 'MAP.csv'), opts.map ?? MAP);
  const out = join(d, 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'keep.txt'), 'uændret');
  return { file: join(d, name), codes: join(d, 'MAP.csv'), out, name };
}

async function registerRows(out: string): Promise<unknown[][]> {
  const r = await query(`SELECT person_id, strftime(week, '%Y-%m-%d') AS week, municipality, benefit FROM '${out}/register.parquet'`);
  return r.map((x) => [num(x.person_id), x.week, num(x.municipality), x.benefit]);
}

describe('importDream', () => {
  it('imports a semicolon CSV row by row', async () => {
    const c = setup(ROWS, { sep: ';' });
    const res = await importDream({ file: c.file, codes: c.codes, outDir: c.out });
    expect(res).toEqual({ persons: 3, rows: 6, droppedOutsideAge: 1 });
    expect(await registerRows(c.out)).toEqual(EXPECTED);
    const persons = await query(`SELECT person_id, strftime(birth_date, '%Y-%m-%d') AS b, gender, origin FROM '${c.out}/persons.parquet'`);
    expect(persons.map((p) => [num(p.person_id), p.b, p.gender, p.origin])).toEqual([
      [1, '1980-05-17', 'K', 'dansk'],
      [2, '2010-01-01', 'M', 'vestlig'],
      [3, '2001-06-30', 'M', 'ikke-vestlig'],
    ]);
    const types = await query(`DESCRIBE SELECT * FROM '${c.out}/register.parquet'`);
    expect(types.map((t) => t.column_type)).toEqual(['INTEGER', 'DATE', 'SMALLINT', 'VARCHAR']);
    const acts = await query(`SELECT count(*) AS n FROM '${c.out}/activities.parquet'`);
    expect(num(acts[0]!.n)).toBe(0);
  });

  it('imports Parquet, sorting persons that come out of order', async () => {
    const c = setup(ROWS);
    const pq = join(c.out, '..', 'udtraek.parquet');
    // Typed like a real extract: integer ids, codes and municipalities (NULL for empty), a DATE birth date.
    const type = (h: string): string => (h === 'birth_date' ? 'DATE' : h === 'gender' || h === 'origin' ? 'VARCHAR' : h === 'municipality' || h.startsWith('kom_') ? 'SMALLINT' : 'INTEGER');
    const cols = HEADER.map((h, i) => `CAST(NULLIF(col${i}, '') AS ${type(h)}) AS ${h}`);
    const values = [...ROWS].reverse().map((r) => `(${r.map((v) => `'${v}'`).join(', ')})`).join(', ');
    await query(`COPY (SELECT ${cols.join(', ')} FROM (VALUES ${values})) TO '${pq}' (FORMAT parquet)`);
    const res = await importDream({ file: pq, codes: c.codes, outDir: c.out });
    expect(res.persons).toBe(3);
    expect(await registerRows(c.out)).toEqual(EXPECTED);
  });

  const cases: { name: string; rows?: string[][]; header?: string[]; map?: string; expect: string[] }[] = [
    { name: 'unknown code', rows: [ROWS[0]!, ['3', '2001-06-30', 'M', 'dansk', '183', '651', '999', '', '', '']], expect: ['Ukendt DREAM-kode 999', 'kolonne y_2102', 'linje 3', 'udtraek.csv'] },
    { name: 'non-numeric code', rows: [['1', '1980-05-17', 'K', 'dansk', '101', 'x1', '', '', '', '']], expect: ["'x1'", 'kolonne y_2101', 'linje 2'] },
    { name: 'week 54', header: HEADER.map((h) => (h === 'y_2104' ? 'y_2154' : h)), expect: ['y_2154', 'uge 54', 'udtraek.csv'] },
    { name: 'week 53 of a 52-week year', header: HEADER.map((h) => (h === 'y_2104' ? 'y_2153' : h)), expect: ['y_2153', 'uge 53'] },
    { name: 'malformed week column', header: HEADER.map((h) => (h === 'y_2104' ? 'y_21a1' : h)), expect: ['y_21a1', 'y_ÅÅUU'] },
    { name: 'unknown benefit in the code map', map: 'code,benefit\n111,a_dagpenge\n211,sygedagpenge_x\n', expect: ['MAP.csv', 'linje 3', 'benefit', 'sygedagpenge_x'] },
    { name: 'unknown municipality', rows: [['1', '1980-05-17', 'K', 'dansk', '999', '111', '', '', '', '']], expect: ["kommunekode '999'", 'kolonne municipality', 'linje 2'] },
    { name: 'unknown kom_ municipality', rows: [['1', '1980-05-17', 'K', 'dansk', '101', '111', '', '', '', '102']], expect: ["'102'", 'kolonne kom_2103', 'linje 2'] },
    { name: 'bad birth date', rows: [ROWS[0]!, ROWS[1]!, ['3', '2001-02-30', 'M', 'dansk', '183', '', '', '', '', '']], expect: ["'2001-02-30'", 'kolonne birth_date', 'linje 4'] },
    { name: 'bad gender', rows: [['1', '1980-05-17', 'X', 'dansk', '101', '', '', '', '', '']], expect: ["'X'", 'kolonne gender', 'linje 2'] },
    { name: 'missing column', header: HEADER.filter((h) => h !== 'origin'), rows: [['1', '1980-05-17', 'K', '101', '', '', '', '', '']], expect: ['mangler', 'origin'] },
    { name: 'duplicate person', rows: [ROWS[0]!, ROWS[0]!], expect: ['person_id 1', 'linje 3'] },
  ];
  for (const t of cases) {
    it(`rejects ${t.name} and leaves outDir untouched`, async () => {
      const c = setup(t.rows ?? ROWS, { header: t.header, map: t.map });
      const err = await importDream({ file: c.file, codes: c.codes, outDir: c.out }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(Error);
      for (const s of t.expect) expect(err!.message).toContain(s);
      expect(readdirSync(c.out)).toEqual(['keep.txt']);
      expect(readFileSync(join(c.out, 'keep.txt'), 'utf8')).toBe('uændret');
      expect(readdirSync(join(c.out, '..')).filter((f) => f.startsWith('.'))).toEqual([]);
    });
  }
});
