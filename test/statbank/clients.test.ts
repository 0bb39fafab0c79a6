/**
 * Jobindsats v3 clients of our own, written only from the real API's documented and observed
 * behaviour (issue 17), run against /v3 over HTTP with only the base URL changed: one in
 * Python's standard library (test/clients/jobindsats_client.py) and one with Node's fetch.
 * They discover tables by their real names, read /table/{id}'s periods, ask with the real
 * hierarchy ids and positional paths, and must get what our own ids give. Then the three real
 * responses (test/fixtures/jobindsats-v3/) are imported and read back through the real ids.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { importJobindsats } from '../../src/statbank/index.js';
import { backends, createTestDb } from '../support/db.js';
import { buildApp, getJson, publishTestRelease } from './helpers.js';

const run = promisify(execFile);
const python = await run('python3', ['--version']).then(() => true, () => false);
const clientScript = new URL('../clients/jobindsats_client.py', import.meta.url).pathname;
type Body = { columns: string[]; rows: (string | number | null)[][] };
const fixture = (name: string): Body => JSON.parse(readFileSync(new URL(`../fixtures/jobindsats-v3/${name}`, import.meta.url), 'utf8'));
const records = (b: Body) => b.rows.map((r) => Object.fromEntries(b.columns.map((c, i) => [c, r[i]])));

describe.each(backends)('real Jobindsats clients against /v3 on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let base = '';
  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishTestRelease(db.db, 0);
    app = await buildApp(db.db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/v3/`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  const ours = async (q: string) => (await getJson(app, `/v3/data/${q}`)).body as Body;

  it.skipIf(!python)('a Python client (standard library) discovers y25i01 by its real name and reads it with the real ids', async () => {
    const { stdout } = await run('python3', [clientScript, base]);
    const out = JSON.parse(stdout);
    expect(out.table_id).toBe('y25i01');
    expect(out.update_latest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.latest).toBe('2025M06');
    expect(out.total).toEqual(records(await ours('y25i01?mgroup.*=*&period.M=latest:14&hierarchy._nykom=DK&dimension.ydelsesgrupper=gross_unemployed&dimension.a_kasse=total')));
    expect(out.total).toHaveLength(6); // the release has six months; latest:14 gives what there is
    // By A-kasse: I alt and each fund the release has.
    expect(out.by_fund).toEqual(records(await ours('y25i01?mgroup.*=*&period.M=latest:14&hierarchy._nykom=DK&dimension.ydelsesgrupper=gross_unemployed&dimension.a_kasse=*')));
    expect([...new Set(out.by_fund.map((r: Record<string, unknown>) => r['A-kasse']))]).toEqual(['I alt', 'Akademikernes A-kasse', '3F A-kasse']);
    expect(out.benefit).toEqual(records(await ours('y25i01?mgroup.*=*&period.M=latest:14&hierarchy._nykom=DK&dimension.ydelsesgrupper=a_dagpenge')));
    // The real mgroup ids name our measures: persons, full-time persons and the two rates.
    const cash = records(await ours('y60a02?mgroup.*=persons,fulltime,pct_workforce,pct_population&period.M=latest:14'));
    expect(out.cash).toEqual(cash);
    expect(Object.keys(out.cash[0]).slice(-4)).toEqual(['Antal personer', 'Antal fuldtidspersoner', 'Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år', 'Fuldtidspersoner i pct. af befolkningen 16-66 år']);
    expect(out.cash_fulltime).toEqual(records(await ours('y60a02?mgroup.*=fulltime&period.M=latest:14')));
    expect(out.municipalities).toEqual(['Esbjerg', 'Frederiksberg', 'Hele landet', 'København']);
    expect(out.error).toEqual({ status: 422, code: 422, cause: "Unknown hierarchies: ['_foo']", request_id: true });
    expect(out.no_access).toEqual({ status: 403, cause: 'No access to table: y25i05' });
  });

  it('a Node client (fetch) finds the latest quarter from /table and reads it in the real period ids', async () => {
    const get = async (path: string) => (await fetch(base + path)).json();
    const meta = await get('table/y25i01');
    const quarters = meta.periods.find((p: { periodtype_id: string }) => p.periodtype_id === 'Q').values.map((v: { period_id: string }) => v.period_id);
    expect(quarters).toEqual(['2025Q01', '2025Q02']);
    const body = await get(`data/y25i01?mgroup.*=*&period.Q=${quarters.at(-1)}&hierarchy._nykom=/&hierarchy._ygrpi09=/&format=json`);
    expect(body.rows.map((r: unknown[]) => r[0])).toEqual(['2025Q02']);
    expect(body.rows.map((r: unknown[]) => r.slice(1))).toEqual((await ours('y25i01?mgroup.*=*&period.Q=2025Q2')).rows.map((r) => r.slice(1)));
    // The benefit groups' positions as /table lists them.
    const paths = meta.dimensions[1].hierarchies[0].levels.flatMap((l: { values: { value_id: string; value_path: string }[] }) => l.values.map((v) => [v.value_path, v.value_id]));
    for (const [path, id] of paths) {
      const real = await get(`data/y25i01?period.M=latest:1&hierarchy._ygrpi09=${path}`);
      expect(real.rows, path).toEqual((await ours(`y25i01?period.M=latest:1&dimension.ydelsesgrupper=${id}`)).rows);
    }
    // An mgroup's real id is listed as its alias in /table, and picks the measure alone.
    const a02 = await get('table/y01a02');
    expect(a02.mgroups.map((g: { aliases?: string[] }) => g.aliases)).toEqual([['mgrpa02_1'], ['mgrpa02_3'], ['mgrpa02_4b'], ['mgrpa02_5b']]);
    const one = await get('data/y01a02?period.M=latest:1&mgroup.mgrpa02_4b=mgrpa02_4b');
    expect(one).toMatchObject({ columns: ['Periode', 'Område', 'Køn', 'Alder', 'Herkomst', 'A-kasse', 'Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år'] });
    expect(one.rows).toEqual((await ours('y01a02?period.M=latest:1&mgroup.*=pct_workforce')).rows);
    expect((await fetch(`${base}data/y01a02?mgroup.mgrpa02_9=*`)).status).toBe(422);
    // Breakdowns of ptv_a02 by the real ids, as many clients ask.
    const byGender = await get('data/ptv_a02?period.M=latest:1&hierarchy._nykom=/&hierarchy._ygrpa02=/&hierarchy._kon=*&hierarchy._aldera=/&hierarchy._oprinda=/');
    expect(byGender.rows.map((r: unknown[]) => r.slice(1))).toEqual((await ours('ptv_a02?period.M=latest:1&dimension.koen=*')).rows.map((r) => r.slice(1)));
  });

  it('reads the three real responses back through the real ids after `styr import jobindsats`', async () => {
    const imported = await createTestDb(kind);
    const other = await buildApp(imported.db);
    try {
      const path = (name: string) => new URL(`../fixtures/jobindsats-v3/${name}`, import.meta.url).pathname;
      await importJobindsats(imported.db, { table: 'y25i01', files: [path('unemployment_total.json')] });
      await importJobindsats(imported.db, { table: 'y25i09', files: [path('longterm_total.json')] });
      await importJobindsats(imported.db, { table: 'y01c01', files: [path('activation.json')] });
      const read = async (q: string) => (await getJson(other, `/v3/data/${q}`)).body as Body;
      for (const [table, file] of [['y25i01', 'unemployment_total.json'], ['y25i09', 'longterm_total.json']] as const) {
        const body = await read(`${table}?mgroup.*=*&period.M=latest:14&hierarchy._nykom=/&hierarchy._ygrpi09=/&hierarchy._akassebl=/&format=json`);
        expect(body.columns).toEqual(fixture(file).columns);
        expect(body.rows, table).toEqual(fixture(file).rows);
      }
      const act = await read('y01c01?mgroup.*=*&period.M=*&hierarchy._nykom=/&hierarchy._akassedp=/&hierarchy._tilb_2ptv=*&format=json');
      const src = fixture('activation.json');
      expect(act.columns).toEqual(src.columns);
      // Every row, the repeated ones too (the same offer one level deeper in the real tree).
      expect(act.rows).toEqual(src.rows);
      expect((await getJson(other, '/v3/table/y25i01')).body.table_name).toBe('Ledighed: Faktiske antal ledige og fuldtidsledige');
    } finally {
      await other.close();
      await imported.close();
    }
  });
});
