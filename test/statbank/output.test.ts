import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { insertRelease } from '../../src/indicators/release/index.js';
import { backends, createTestDb } from '../support/db.js';
import { buildApp, cellValue, getJson, publishTestRelease } from './helpers.js';

const gross = ['gross_unemployed', 'total', 'total'];

describe.each(backends)('statbank output and releases on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishTestRelease(db.db, 0);
    await publishTestRelease(db.db, 1000, [
      { area: 'DK', dims: gross, period: '2025M06', status: 1 },
      { area: 'K101', dims: gross, period: '2025M06', status: 2 },
    ]);
    // A newer release without tables: the default stays the newest release HOLDING the table.
    await db.db.transaction().execute((trx) => insertRelease(trx, { source: 'register', firstWeek: null, cutoffWeek: null, notes: 'tom', threshold: 5, summary: {} }));
    app = await buildApp(db.db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('serves the newest release holding the table by default and older ones on request', async () => {
    const newest = await getJson(app, '/v3/data/y25i01?period.M=2025M05');
    expect(newest.res.headers['x-release']).toBe('2');
    expect(newest.body.release).toBe(2);
    expect(newest.body.rows[0][4]).toBe(Math.round(cellValue('DK', gross, 4, 0, 1000)));
    const old = await getJson(app, '/v3/data/y25i01?period.M=2025M05&release=1');
    expect(old.res.headers['x-release']).toBe('1');
    expect(old.body.release).toBe(1);
    expect(old.body.rows[0][4]).toBe(Math.round(cellValue('DK', gross, 4, 0, 0)));
    expect(old.body.rows[0][4]).not.toBe(newest.body.rows[0][4]);
    expect((await getJson(app, '/v3/table/y25i01?release=1')).body.release).toBe(1);
    expect((await getJson(app, '/v3/table/y25i01')).res.headers['x-release']).toBe('2');
  });

  it('shows suppressed cells as null with their status', async () => {
    const { body } = await getJson(app, '/v3/data/y25i01?period.M=latest:2&hierarchy._nykom=DK,K101');
    expect(body.rows.map((r: unknown[]) => r.slice(0, 2))).toEqual([
      ['2025M05', 'Hele landet'],
      ['2025M05', 'København'],
      ['2025M06', 'Hele landet'],
      ['2025M06', 'København'],
    ]);
    expect(body.status).toEqual(['published', 'published', 'primary', 'secondary']);
    expect(body.rows[2].slice(4)).toEqual([null, null, null, null]);
    expect(body.rows[3].slice(4)).toEqual([null, null, null, null]);
    expect(body.rows[0].slice(4).every((v: unknown) => typeof v === 'number')).toBe(true);

    const withStatus = await getJson(app, '/v3/data/y25i01?period.M=latest:1&include=status');
    expect(withStatus.body.columns.at(-1)).toBe('Status');
    expect(withStatus.body.rows[0].at(-1)).toBe('primary');
  });

  it('writes CSV with BOM, semicolons and decimal comma that parses back to the JSON values', async () => {
    const q = 'period.M=*&hierarchy._nykom=*&dimension.ydelsesgrupper=*&hierarchy._jobcenter=/';
    const json = await getJson(app, `/v3/data/y25i01?${q}`);
    const res = await app.inject({ method: 'GET', url: `/v3/data/y25i01?${q}&format=csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['x-release']).toBe('2');
    const text = res.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${json.body.columns.join(';')}`);
    expect(text).toMatch(/;\d+,\d+/);
    const records = parse(text, { delimiter: ';', bom: true }) as string[][];
    expect(records[0]).toEqual(json.body.columns);
    const back = records.slice(1).map((r) => r.map((v, i) => (i < 4 ? v : v === '' ? null : Number(v.replace(',', '.')))));
    expect(back).toEqual(json.body.rows);
    expect(back.some((r) => r[4] === null)).toBe(true);

    const st = await app.inject({ method: 'GET', url: '/v3/data/y25i01?period.M=latest:1&format=csv&include=status' });
    const recs = parse(st.body, { delimiter: ';', bom: true }) as string[][];
    expect(recs[0]!.at(-1)).toBe('Status');
    expect(recs[1]!.slice(4)).toEqual(['', '', '', '', 'diskretioneret (færre end 5 personer)']);
  });

  it('lists subjects and tables, and describes a table with its dimensions, levels and periods', async () => {
    const subjects = await getJson(app, '/v3/subjects?format=json');
    expect(subjects.body.map((s: { subject_name: string }) => s.subject_name).sort()).toEqual(['Indsats', 'Ledighed', 'Ydelser']);
    const tables = await getJson(app, '/v3/tables?format=json');
    const ledighed = tables.body.find((s: { subject_id: string }) => s.subject_id === 'ledighed');
    expect(ledighed.table_groups[0].tables).toEqual([
      {
        table_id: 'y25i01',
        table_name: 'Ledighed: Faktiske antal ledige og fuldtidsledige',
        link_infopage: '/statistik/y25i01#om',
        link_tablepage: '/statistik/y25i01',
        update_freq: 'Månedlig',
        update_latest: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        update_next: null,
        mgroups: ['persons', 'fulltime', 'pct_workforce', 'pct_population'].map((id) => expect.objectContaining({ mgroup_id: id })),
        release: 2,
      },
    ]);
    const all = tables.body.flatMap((s: { table_groups: { tables: { table_id: string }[] }[] }) => s.table_groups.flatMap((g) => g.tables.map((t) => t.table_id)));
    expect(all).toEqual(expect.arrayContaining(['y25i01', 'ptv_a02', 'y01a02', 'y07a02', 'y08a02', 'y10a02', 'y60a02', 'styr_aktivering']));
    expect((await getJson(app, '/v3/tables?release=3')).body).toEqual([]);
    expect((await getJson(app, '/v3/tables?format=csv')).status).toBe(422);

    const { body } = await getJson(app, '/v3/table/y25i01?format=json');
    expect(body.table_id).toBe('y25i01');
    expect(body.table_name).toBe('Ledighed: Faktiske antal ledige og fuldtidsledige');
    expect(body.update_latest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.mgroups.map((m: { mgroup_name: string }) => m.mgroup_name)).toEqual([
      'Antal ledige personer',
      'Antal ledige fuldtidspersoner',
      'Ledige fuldtidspersoner i pct. af arbejdsstyrken 16-66 år',
      'Ledige fuldtidspersoner i pct. af befolkningen 16-66 år',
    ]);
    const area = body.dimensions[0];
    expect(area.dimension_id).toBe('_omrade');
    expect(area.hierarchies.map((h: { hierarchy_id: string }) => h.hierarchy_id)).toEqual(['_nykom', '_jobcenter', '_beskregion', '_region', '_reko', '_hele_landet']);
    const levels = (id: string) => area.hierarchies.find((h: { hierarchy_id: string }) => h.hierarchy_id === id).levels.map((l: { level_id: string; values: unknown[] }) => [l.level_id, l.values.length]);
    expect(levels('_nykom')).toEqual([['country', 1], ['municipality', 98]]);
    expect(levels('_reko')).toEqual([['country', 1], ['region', 5], ['municipality', 98]]);
    expect(levels('_jobcenter')).toEqual([['country', 1], ['jobcenter', 94]]);
    const ydelse = body.dimensions[1];
    expect(ydelse.parameter).toBe('dimension.ydelsesgrupper');
    expect(ydelse.hierarchies[0]).toMatchObject({ hierarchy_id: '_ygrpi09', parameter: 'hierarchy._ygrpi09', aliases: ['hierarchy._ydelsesgrupper', 'dimension.ydelsesgrupper'] });
    expect(ydelse.hierarchies[0].levels.flatMap((l: { values: { value_path?: string }[] }) => l.values.map((v) => v.value_path))).toEqual(['/', '/2/', '/3/']);
    expect(ydelse.hierarchies[0].levels.flatMap((l: { values: { value_name: string }[] }) => l.values.map((v) => v.value_name))).toEqual([
      'Ydelsesgrupper i alt',
      'A-dagpenge',
      'Kontanthjælp (jobparate)',
    ]);
    expect(body.periods).toEqual([
      { periodtype_id: 'M', values: ['2025M01', '2025M02', '2025M03', '2025M04', '2025M05', '2025M06'].map((period_id) => ({ period_id })) },
      { periodtype_id: 'Q', values: [{ period_id: '2025Q01' }, { period_id: '2025Q02' }] },
      { periodtype_id: 'Y', values: [{ period_id: '2025Y01' }] },
      { periodtype_id: 'R', values: [{ period_id: '2024M07-2025M06' }] },
    ]);
    expect(body.periods_by_freq.Q).toEqual(['2025Q1', '2025Q2']);
    expect(Object.keys(body.query)).toContain('period.<F>');
  });
  it('serves a new publication once the newest-release memory expires, from a fresh cache key', async () => {
    const fresh = await buildApp(db.db, 10_000, 0);
    try {
      const before = await getJson(fresh, '/v3/data/y25i01?period.M=2025M01');
      expect(before.body.release).toBe(2);
      const v = await publishTestRelease(db.db, 5000);
      const after = await getJson(fresh, '/v3/data/y25i01?period.M=2025M01');
      expect(after.body.release).toBe(v);
      expect(after.body.rows[0][4]).toBe(Math.round(cellValue('DK', gross, 0, 0, 5000)));
      expect((await getJson(fresh, '/v3/data/y25i01?period.M=2025M01&release=2')).body.rows).toEqual(before.body.rows);
    } finally {
      await fresh.close();
    }
  });
  it('serves XLSX with numbers as numbers, suppressed cells empty and a Status column saying why', async () => {
    // Release 2 by name: the previous test has published a newer one.
    const q = 'period.M=2025M05,2025M06&hierarchy._nykom=DK,K101&dimension.ydelsesgrupper=gross_unemployed&release=2';
    const json = (await getJson(app, `/v3/data/y25i01?${q}`)).body;
    const res = await app.inject(`/v3/data/y25i01?${q}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="y25i01_udgivelse2.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('Data')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => Array.from({ length: json.columns.length + 1 }, (_v, i) => r[i + 1] ?? null));
    expect(rows[0]).toEqual([...json.columns, 'Status']);
    const body = rows.slice(1);
    expect(body.map((r) => r.slice(0, json.columns.length))).toEqual(json.rows);
    expect(body.map((r) => r[json.columns.length])).toEqual(json.status.map((s: string) => ({ published: null, primary: 'diskretioneret (færre end 5 personer)', secondary: 'diskretioneret (beskytter en anden celle)' })[s]));
    expect(json.status).toContain('primary');
    expect(String(wb.getWorksheet('Om tallene')!.getCell('B2').value)).toBe('2');
    expect((await getJson(app, '/v3/tables?format=xlsx')).status).toBe(422);
  });
});
