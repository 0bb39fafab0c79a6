import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { listReleases } from '../../src/indicators/release/index.js';
import { importJobindsats } from '../../src/statbank/index.js';
import { backends, createTestDb } from '../support/db.js';
import { buildApp, getJson } from './helpers.js';

const fixtureDir = new URL('../fixtures/jobindsats-v3/', import.meta.url);
const fixturePath = (name: string) => new URL(name, fixtureDir).pathname;
type Response = { columns: string[]; rows: (string | number | null)[][] };
const fixture = (name: string): Response => JSON.parse(readFileSync(fixturePath(name), 'utf8'));

describe.each(backends)('Jobindsats import on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDb(kind);
    app = await buildApp(db.db);
    dir = mkdtempSync(join(tmpdir(), 'styr-import-'));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, content: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };

  /** Everything the table holds, through /v3/data with every dimension at '*'. */
  async function readAll(table: string, version?: number) {
    const rel = version ? `&release=${version}` : '';
    const meta = (await getJson(app, `/v3/table/${table}?format=json${rel}`)).body;
    const params = meta.dimensions.slice(1).map((d: { parameter: string }) => `${d.parameter}=*`);
    const freqs = Object.keys(meta.periods_by_freq).map((f) => `period.${f}=*`);
    // Every area, in the order of the hierarchy with regions (_reko; _nykom takes their ids too).
    type H = { hierarchy_id: string; levels: { values: { value_id: string }[] }[] };
    const hs = meta.dimensions[0].hierarchies as H[];
    const areas = (hs.find((h) => h.hierarchy_id === '_reko') ?? hs[0]!).levels.flatMap((l) => l.values.map((v) => v.value_id));
    return getJson(app, `/v3/data/${table}?${[...freqs, `hierarchy._nykom=${areas.join(',')}`, 'mgroup.*=*', ...params].join('&')}${rel}`);
  }

  it.each([
    ['unemployment_total.json', 'y25i01'],
    ['longterm_total.json', 'y25i09'],
    ['activation.json', 'jobindsats_aktivering'],
  ])('imports %s as one release and serves the same columns and values', async (file, table) => {
    const before = (await listReleases(db.db)).length;
    const src = fixture(file);
    const r = await importJobindsats(db.db, { table, files: [fixturePath(file)], notes: 'fixture' });
    expect(r.version).toBe(before + 1);
    // Every row, the repeated ones too (the same name one level deeper in the real tree).
    expect(r.rows).toBe(src.rows.length);
    const release = (await listReleases(db.db))[0]!;
    expect(release.source).toBe('jobindsats');

    const { status, body, res } = await readAll(table);
    expect(status).toBe(200);
    expect(res.headers['x-release']).toBe(String(r.version));
    expect(body.columns).toEqual(src.columns);
    expect(body.rows).toEqual(src.rows);
    expect(body.status.every((s: string) => s === 'published')).toBe(true);
  });

  it('keeps the table name of a known table and its hierarchy of areas', async () => {
    const meta = (await getJson(app, '/v3/table/y25i01')).body;
    expect(meta.table_name).toBe('Ledighed: Faktiske antal ledige og fuldtidsledige');
    expect(meta.dimensions[0].hierarchies[0].levels).toEqual([{ level_id: 'country', level_name: 'Hele landet', values: [{ value_id: 'DK', value_name: 'Hele landet', value_path: '/' }] }]);
    const latest = (await getJson(app, '/v3/data/y25i01?period.M=latest:1')).body;
    expect(latest.rows).toEqual([fixture('unemployment_total.json').rows.at(-1)]);
  });

  it('matches area names tolerantly, reads several files and keeps the spelling', async () => {
    const columns = ['Periode', 'Område', 'Ydelsesgrupper', 'Antal personer', 'Andel'];
    const a = write('a.json', { columns, rows: [['2025M01', 'Region Hovedstaden', 'A-dagpenge', 10, 1.5], ['2025M01', 'København', 'A-dagpenge', 4, null]] });
    const b = write('b.json', { columns, rows: [['2025M02', 'Hovedstaden', 'A-dagpenge', 11, 1.25], ['2025Q1', 'København Kommune', 'A-dagpenge', 5, 0.5], ['2025M01', 'København', 'A-dagpenge', 4, null]] });
    const r = await importJobindsats(db.db, { table: 'TEST01', files: [a, b] });
    expect(r.rows).toBe(4);
    const { body } = await readAll('test01');
    expect(body.columns).toEqual(columns);
    expect(body.rows).toEqual([
      ['2025M01', 'Region Hovedstaden', 'A-dagpenge', 10, 1.5],
      ['2025M01', 'København', 'A-dagpenge', 4, null],
      ['2025M02', 'Region Hovedstaden', 'A-dagpenge', 11, 1.25],
      ['2025Q1', 'København', 'A-dagpenge', 5, 0.5],
    ]);
    const q = await getJson(app, '/v3/data/test01?period.Q=*&hierarchy._nykom=K101&dimension.ydelsesgrupper=*');
    expect(q.body.rows).toEqual([['2025Q1', 'København', 'A-dagpenge', 5, 0.5]]);
    // A file in the real API's period ids (2025Q02, 2025Y01) is stored in ours and read back in either.
    const c = write('c.json', { columns, rows: [['2025Q02', 'København', 'A-dagpenge', 6, 0.75], ['2025Y01', 'København', 'A-dagpenge', 7, 1]] });
    await importJobindsats(db.db, { table: 'TEST02', files: [c] });
    expect((await getJson(app, '/v3/data/test02?period.Q=*&period.Y=*&hierarchy._nykom=K101')).body.rows.map((r: unknown[]) => r[0])).toEqual(['2025Q2', '2025']);
    expect((await getJson(app, '/v3/data/test02?period.Q=2025Q02&period.Y=2025Y01&hierarchy._nykom=K101')).body.rows.map((r: unknown[]) => r[0])).toEqual(['2025Q02', '2025Y01']);
  });

  const good = { columns: ['Periode', 'Område', 'Ydelsesgrupper', 'Antal'], rows: [['2025M01', 'Hele landet', 'I alt', 1]] };
  it.each([
    ['ikke-json.json', 'dette er ikke json', /ikke-json\.json er ikke gyldig JSON/],
    ['forkert-form.json', { data: [] }, /forkert-form\.json er ikke et Jobindsats-svar/],
    ['raekker.json', { columns: ['Periode', 'Område', 'X'], rows: [1, 2] }, /raekker\.json er ikke et Jobindsats-svar/],
    ['uden-periode.json', { columns: ['Tid', 'Område', 'Antal'], rows: [] }, /uden-periode\.json mangler kolonnen "Periode"/],
    ['blandet.json', { ...good, rows: [...good.rows, ['2025M02', 'Hele landet', 'I alt', 'mange']] }, /blandet\.json, række 2, kolonne "Antal": blandede typer/],
    ['blandet-null.json', { ...good, rows: [['2025M01', 'Hele landet', null, 1], ['2025M02', 'Hele landet', 'I alt', 2]] }, /blandet-null\.json, række 1, kolonne "Ydelsesgrupper": blandede typer/],
    ['bool.json', { ...good, rows: [['2025M01', 'Hele landet', 'I alt', true]] }, /bool\.json, række 1, kolonne "Antal"/],
    ['laengde.json', { ...good, rows: [['2025M01', 'Hele landet', 'I alt']] }, /laengde\.json, række 1: 3 værdier, men 4 kolonner/],
    ['omraade.json', { ...good, rows: [...good.rows, ['2025M01', 'Atlantis', 'I alt', 1]] }, /omraade\.json, række 2, kolonne "Område": ukendt område "Atlantis"/],
    ['periode.json', { ...good, rows: [['2025U07', 'Hele landet', 'I alt', 1]] }, /periode\.json, række 1, kolonne "Periode": ukendt periode "2025U07"/],
    ['dublet.json', { ...good, rows: [...good.rows, ['2025M01', 'Hele landet', 'I alt', 2]] }, /dublet\.json, række 2: modstridende dublet/],
  ])('refuses %s and imports nothing', async (name, content, message) => {
    const before = (await listReleases(db.db)).length;
    const ok = write('ok.json', good);
    await expect(importJobindsats(db.db, { table: 'bad01', files: [ok, write(name, content)] })).rejects.toThrow(message);
    expect((await listReleases(db.db)).length).toBe(before);
    expect((await getJson(app, '/v3/table/bad01')).status).toBe(404);
  });

  it('refuses files with different columns and a missing file', async () => {
    const before = (await listReleases(db.db)).length;
    const other = write('andre.json', { columns: ['Periode', 'Område', 'Antal'], rows: [] });
    await expect(importJobindsats(db.db, { table: 'bad02', files: [write('ok2.json', good), other] })).rejects.toThrow(/andre\.json har andre kolonner/);
    await expect(importJobindsats(db.db, { table: 'bad02', files: [join(dir, 'findes-ikke.json')] })).rejects.toThrow(/findes-ikke\.json kan ikke læses/);
    await expect(importJobindsats(db.db, { table: 'bad 02', files: [] })).rejects.toThrow(/Ugyldig import/);
    expect((await listReleases(db.db)).length).toBe(before);
  });
});
