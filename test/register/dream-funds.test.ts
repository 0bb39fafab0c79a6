/** The DREAM importer's optional a-kasse mapping: round trip, changes of fund, and errors naming file, line and column. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDream } from '../../src/register/index.js';
import { num, query, tempDir } from './helpers.js';

const root = tempDir('dream-funds');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MAP = 'code,benefit\n111,a_dagpenge\n211,kontanthjaelp_jobparat\n';
const EXTRACT = [
  'person_id,birth_date,gender,origin,municipality,y_2101,y_2102,y_2103,y_2104',
  '1,1980-05-17,K,dansk,101,111,111,111,111',
  '2,1990-01-01,M,vestlig,751,211,211,,',
  '3,1975-03-03,M,dansk,183,111,,,',
].join('\n');

let n = 0;
function setup(funds: string): { file: string; codes: string; funds: string; out: string } {
  const d = join(root, `case${n++}`);
  mkdirSync(d);
  writeFileSync(join(d, 'udtraek.csv'), EXTRACT + '\n');
  writeFileSync(join(d, 'MAP.csv'), MAP);
  writeFileSync(join(d, 'akasser.csv'), funds);
  const out = join(d, 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'keep.txt'), 'uændret');
  return { file: join(d, 'udtraek.csv'), codes: join(d, 'MAP.csv'), funds: join(d, 'akasser.csv'), out };
}

async function memberships(out: string): Promise<unknown[][]> {
  const r = await query(`SELECT person_id, a_kasse, strftime(from_week, '%Y-%m-%d') AS f, strftime(to_week, '%Y-%m-%d') AS t
    FROM '${out}/a_kasse.parquet' ORDER BY person_id, from_week NULLS FIRST`);
  return r.map((x) => [num(x.person_id), x.a_kasse, x.f, x.t]);
}

describe('importDream with an a-kasse mapping', () => {
  it('writes a_kasse.parquet: a change of fund, open ends, no fund, persons outside the extract', async () => {
    // Semicolons; person 1 changes from hk to 3f in week 2021-03; person 2 has no fund; person 9 is not in the extract.
    const c = setup('person_id;a_kasse;from_week;to_week\n1;3f;2021-01-18;\n1;hk;;2021-01-11\n2;;;\n3;aka;;\n9;foa;;\n');
    const res = await importDream({ file: c.file, codes: c.codes, outDir: c.out, funds: c.funds });
    expect(res).toMatchObject({ persons: 3, memberships: 3, membershipsUnknownPerson: 1 });
    expect(await memberships(c.out)).toEqual([
      [1, 'hk', null, '2021-01-11'],
      [1, '3f', '2021-01-18', null],
      [3, 'aka', null, null],
    ]);
    const types = await query(`DESCRIBE SELECT * FROM '${c.out}/a_kasse.parquet'`);
    expect(types.map((t) => t.column_type)).toEqual(['INTEGER', 'VARCHAR', 'DATE', 'DATE']);
  });

  it('takes a mapping without week columns (one fund per person)', async () => {
    const c = setup('person_id,a_kasse\n1,krifa\n3,metal\n');
    await importDream({ file: c.file, codes: c.codes, outDir: c.out, funds: c.funds });
    expect(await memberships(c.out)).toEqual([[1, 'krifa', null, null], [3, 'metal', null, null]]);
  });

  it('without a mapping leaves no a_kasse.parquet behind (no stale breakdown)', async () => {
    const c = setup('person_id,a_kasse\n1,krifa\n');
    await importDream({ file: c.file, codes: c.codes, outDir: c.out, funds: c.funds });
    expect(existsSync(join(c.out, 'a_kasse.parquet'))).toBe(true);
    const res = await importDream({ file: c.file, codes: c.codes, outDir: c.out });
    expect(res.memberships).toBeUndefined();
    expect(existsSync(join(c.out, 'a_kasse.parquet'))).toBe(false);
  });

  const cases: { name: string; funds: string; expect: string[] }[] = [
    { name: 'an unknown fund', funds: 'person_id,a_kasse\n1,hk\n3,xyz\n', expect: ['akasser.csv', 'linje 3', 'kolonne a_kasse', "ukendt a-kasse 'xyz'", 'aka, 3f'] },
    { name: 'a week that is not a Monday', funds: 'person_id,a_kasse,from_week,to_week\n1,hk,2021-01-13,\n', expect: ['linje 2', 'kolonne from_week', "'2021-01-13' er ikke en mandag", '2021-01-11'] },
    { name: 'a bad date', funds: 'person_id,a_kasse,from_week,to_week\n1,hk,,2021-02-30\n', expect: ['linje 2', 'kolonne to_week', "ugyldig dato '2021-02-30'"] },
    { name: 'to_week before from_week', funds: 'person_id,a_kasse,from_week,to_week\n1,hk,2021-01-18,2021-01-11\n', expect: ['linje 2', 'kolonne to_week', 'før from_week'] },
    { name: 'a bad person_id', funds: 'person_id,a_kasse\nx1,hk\n', expect: ['linje 2', 'kolonne person_id', 'positivt heltal'] },
    { name: 'two funds in the same week', funds: 'person_id,a_kasse,from_week,to_week\n1,hk,,2021-01-18\n1,3f,2021-01-18,\n', expect: ['linje 3', 'person_id 1', 'to a-kasser', 'linje 2'] },
    { name: 'an open membership followed by another', funds: 'person_id,a_kasse,from_week,to_week\n1,hk,,\n3,aka,,\n1,3f,2021-01-18,\n', expect: ['linje 4', 'person_id 1', 'linje 2'] },
    { name: 'missing columns', funds: 'person,fund\n1,hk\n', expect: ['akasser.csv', 'person_id,a_kasse'] },
  ];
  for (const t of cases) {
    it(`rejects ${t.name} and leaves outDir untouched`, async () => {
      const c = setup(t.funds);
      const err = await importDream({ file: c.file, codes: c.codes, outDir: c.out, funds: c.funds }).then(() => null, (e: unknown) => e as Error);
      expect(err).toBeInstanceOf(Error);
      for (const s of t.expect) expect(err!.message).toContain(s);
      expect(readdirSync(c.out)).toEqual(['keep.txt']);
      expect(readFileSync(join(c.out, 'keep.txt'), 'utf8')).toBe('uændret');
    });
  }
});
