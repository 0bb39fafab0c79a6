import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { backends, createTestDb } from '../support/db.js';
import { buildApp, cellValue, getJson, publishTestRelease, testPeriods } from './helpers.js';

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
const pIdx = (id: string) => testPeriods.findIndex((p) => p.id === id);
/** Expected y25i01 measures (persons, fulltime, pct_workforce, pct_population) of a volume cell. */
const volumeRow = (area: string, benefit: string, period: string, offset = 0) =>
  [0, 1, 2, 3].map((j) => round(cellValue(area, [benefit, 'total', 'total'], pIdx(period), j, offset), j === 0 ? 0 : 1));

describe.each(backends)('statbank query grammar on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishTestRelease(db.db, 0);
    app = await buildApp(db.db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const data = async (q: string) => getJson(app, `/v3/data/y25i01?${q}`);

  it('defaults to every month, Hele landet, the totals and all measure groups', async () => {
    const { status, body } = await data('format=json');
    expect(status).toBe(200);
    expect(body.columns).toEqual([
      'Periode',
      'Område',
      'Ydelsesgrupper',
      'A-kasse',
      'Antal ledige personer',
      'Antal ledige fuldtidspersoner',
      'Ledige fuldtidspersoner i pct. af arbejdsstyrken 16-66 år',
      'Ledige fuldtidspersoner i pct. af befolkningen 16-66 år',
    ]);
    expect(body.rows).toEqual(
      ['2025M01', '2025M02', '2025M03', '2025M04', '2025M05', '2025M06'].map((p) => [p, 'Hele landet', 'Ydelsesgrupper i alt', 'I alt', ...volumeRow('DK', 'gross_unemployed', p)]),
    );
    expect(body.status).toEqual(Array(6).fill('published'));
  });

  it('selects periods with latest:N, lists, * and several frequencies', async () => {
    const periods = async (q: string) => (await data(q)).body.rows.map((r: unknown[]) => r[0]);
    expect(await periods('period.M=latest:2')).toEqual(['2025M05', '2025M06']);
    expect(await periods('period.M=latest:99')).toHaveLength(6);
    expect(await periods('period.M=2025M04,2025M02')).toEqual(['2025M02', '2025M04']);
    expect(await periods('period.Q=*')).toEqual(['2025Q1', '2025Q2']);
    expect(await periods('period.Q=latest:1&period.M=latest:1&period.Y=*&period.R=*')).toEqual(['2025M06', '2025Q2', '2025', '2024M07-2025M06']);
    const { body } = await data('period.Q=2025Q2');
    expect(body.rows[0]).toEqual(['2025Q2', 'Hele landet', 'Ydelsesgrupper i alt', 'I alt', ...volumeRow('DK', 'gross_unemployed', '2025Q2')]);
  });

  it('selects areas with *, /, level: and explicit ids, in several hierarchies', async () => {
    const areas = async (q: string) => (await data(`period.M=latest:1&${q}`)).body.rows.map((r: unknown[]) => r[1]);
    expect(await areas('hierarchy._nykom=*')).toEqual(['Esbjerg', 'Frederiksberg', 'København']);
    expect(await areas('hierarchy._nykom=/')).toEqual(['Hele landet']);
    expect(await areas('hierarchy._nykom=level:region')).toEqual(['Region Hovedstaden', 'Region Sjælland']);
    expect(await areas('hierarchy._nykom=K147,K101')).toEqual(['Frederiksberg', 'København']);
    expect(await areas('hierarchy._jobcenter=level:jobcenter')).toEqual(['Jobcenter Esbjerg-Fanø']);
    expect(await areas('hierarchy._beskregion=level:employment_region')).toEqual(['Beskæftigelsesregion Hovedstaden & Sjælland']);
    expect(await areas('hierarchy._nykom=/&hierarchy._jobcenter=J561')).toEqual(['Hele landet', 'Jobcenter Esbjerg-Fanø']);
    const { body } = await data('period.M=2025M03&hierarchy._nykom=K101');
    expect(body.rows).toEqual([['2025M03', 'København', 'Ydelsesgrupper i alt', 'I alt', ...volumeRow('K101', 'gross_unemployed', '2025M03')]]);
  });

  it('selects dimension values and measure groups', async () => {
    const { body } = await data('period.M=latest:1&dimension.ydelsesgrupper=*');
    expect(body.rows.map((r: unknown[]) => r[2])).toEqual(['Ydelsesgrupper i alt', 'A-dagpenge', 'Kontanthjælp (jobparate)']);
    expect(body.rows[1].slice(4)).toEqual(volumeRow('DK', 'a_dagpenge', '2025M06'));
    const alias = await data('period.M=latest:1&hierarchy._ydelsesgrupper=a_dagpenge');
    expect(alias.body.rows.map((r: unknown[]) => r[2])).toEqual(['A-dagpenge']);
    const m = await data('period.M=latest:1&mgroup.*=fulltime,persons');
    expect(m.body.columns.slice(4)).toEqual(['Antal ledige personer', 'Antal ledige fuldtidspersoner']);
    expect(m.body.rows[0].slice(4)).toEqual(volumeRow('DK', 'gross_unemployed', '2025M06').slice(0, 2));
    const one = await data('period.M=latest:1&mgroup.pct_population=*');
    expect(one.body.columns.slice(4)).toEqual(['Ledige fuldtidspersoner i pct. af befolkningen 16-66 år']);
    expect((await data('period.M=latest:1&mgroup.*=*')).body.columns).toHaveLength(8);
  });

  it('keeps breakdowns marginal: at most one of Køn, Alder, Herkomst differs from I alt', async () => {
    const rows = async (q: string) => (await getJson(app, `/v3/data/ptv_a02?period.M=latest:1&${q}`)).body.rows.map((r: unknown[]) => r.slice(2, 6).join('|'));
    expect(await rows('')).toEqual(['Offentligt forsørgede i alt|I alt|I alt|I alt']);
    expect(await rows('dimension.koen=*')).toEqual(['Offentligt forsørgede i alt|I alt|I alt|I alt', 'Offentligt forsørgede i alt|Kvinder|I alt|I alt', 'Offentligt forsørgede i alt|Mænd|I alt|I alt']);
    expect(await rows('dimension.koen=K&dimension.alder=*')).toEqual(['Offentligt forsørgede i alt|Kvinder|I alt|I alt']);
    expect(await rows('dimension.koen=*&dimension.alder=*&dimension.herkomst=level:origin')).toEqual(['Offentligt forsørgede i alt|I alt|I alt|Personer med dansk oprindelse']);
    expect(await rows('dimension.koen=K&dimension.alder=16-24')).toEqual([]);
    expect(await rows('dimension.koen=/&dimension.alder=16-24&dimension.ydelsesgrupper=a_dagpenge')).toEqual(['A-dagpenge|I alt|16-24 år|I alt']);
    const y60 = await getJson(app, '/v3/data/y60a02?period.M=latest:1&dimension.ydelsesgrupper=*');
    expect(y60.body.rows.map((r: unknown[]) => r[2])).toEqual(['Kontanthjælp m.v.', 'Kontanthjælp (jobparate)']);
    const act = await getJson(app, '/v3/data/styr_aktivering?period.M=latest:1&dimension.tilbud=*&dimension.koen=*&dimension.ydelsesgrupper=gross_unemployed');
    expect(act.body.columns).toEqual(['Periode', 'Område', 'Ydelsesgrupper', 'Tilbud', 'Køn', 'Alder', 'Herkomst', 'Antal aktiverede', 'Antal fuldtidsaktiverede', 'Aktiveringsgrad']);
    expect(act.body.rows.map((r: unknown[]) => `${r[3]}|${r[4]}`)).toEqual([
      'Tilbud i alt|I alt',
      'Tilbud i alt|Kvinder',
      'Vejledning og opkvalificering i alt|I alt',
      'Virksomhedspraktik i alt|I alt',
      'Ansættelse med løntilskud i alt|I alt',
    ]);
  });

  it.each([
    ['period.M=latest:0', 'period.M'],
    ['period.M=latest:x', 'period.M'],
    ['period.M=2025M13', 'period.M'],
    ['period.M=2030M01', 'period.M'],
    ['period.M=2025Q1', 'period.M'],
    ['period.M=latest:1&period.M=latest:2', 'period.M'],
    ['period.W=*', 'period.W'],
    ['hierarchy._nykom=level:planet', 'hierarchy._nykom'],
    ['hierarchy._nykom=K999', 'hierarchy._nykom'],
    ['hierarchy._nykom=J561', 'hierarchy._nykom'],
    ['hierarchy._nykom=', 'hierarchy._nykom'],
    ['hierarchy._foo=*', 'hierarchy._foo'],
    ['dimension.ydelsesgrupper=sygedagpenge', 'dimension.ydelsesgrupper'],
    ['dimension.koen=*', 'dimension.koen'],
    ['dimension.a_kasse=level:x', 'dimension.a_kasse'],
    ['mgroup.*=foo', 'mgroup.*'],
    ['mgroup.persons=x', 'mgroup.persons'],
    ['mgroup.foo=*', 'mgroup.foo'],
    ['format=xml', 'format'],
    ['release=abc', 'release'],
    ['include=all', 'include'],
    ['foo=1', 'foo'],
  ])('refuses %s with 400 naming %s', async (q, parameter) => {
    const { status, body } = await data(q);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toContain(`Parameteren ${parameter}`);
  });

  it('answers 404 for an unknown table or a release without it', async () => {
    expect((await getJson(app, '/v3/data/x99z99')).status).toBe(404);
    expect((await getJson(app, '/v3/table/x99z99')).body.error.code).toBe('not_found');
    expect((await getJson(app, '/v3/data/y25i01?release=7')).status).toBe(404);
    expect((await getJson(app, '/v3/data/Y25I01?period.M=latest:1')).status).toBe(200);
  });
});
