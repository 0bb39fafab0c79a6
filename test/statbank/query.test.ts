import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { backends, createTestDb } from '../support/db.js';
import { buildApp, cellValue, getJson, publishTestRelease, testPeriods } from './helpers.js';

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
const pIdx = (id: string) => testPeriods.findIndex((p) => p.id === id);
/** Expected y25i01 measures (persons, fulltime, pct_workforce, pct_population) of a volume cell; full-time persons whole, as the real table's. */
const volumeRow = (area: string, benefit: string, period: string, offset = 0) =>
  [0, 1, 2, 3].map((j) => round(cellValue(area, [benefit, 'total', 'total'], pIdx(period), j, offset), j <= 1 ? 0 : 1));

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
    // _nykom is the real API's: * is the country and its municipalities; regions are still taken by id and level.
    expect(await areas('hierarchy._nykom=*')).toEqual(['Hele landet', 'Esbjerg', 'Frederiksberg', 'København']);
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
  ])('refuses %s with 422 naming %s, in the real API’s shape and ours', async (q, parameter) => {
    const { status, body } = await data(q);
    expect(status).toBe(422);
    expect(body.code).toBe(422);
    expect(typeof body.cause).toBe('string');
    expect(body.request_id).toMatch(/\S/);
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toContain(`Parameteren ${parameter}`);
  });

  it('speaks the real API’s vocabulary: its hierarchy ids, positional paths and period ids, beside ours', async () => {
    const rows = async (q: string, table = 'y25i01') => (await getJson(app, `/v3/data/${table}?${q}`)).body.rows as unknown[][];
    // _ygrpi09 is y25i01's benefit groups: / the total, /1/ the same, /2/ and /3/ the values below it.
    expect(await rows('period.M=latest:1&hierarchy._ygrpi09=/')).toEqual(await rows('period.M=latest:1&dimension.ydelsesgrupper=gross_unemployed'));
    expect((await rows('period.M=latest:1&hierarchy._ygrpi09=/1/'))[0]![2]).toBe('Ydelsesgrupper i alt');
    expect((await rows('period.M=latest:1&hierarchy._ygrpi09=/2/'))[0]![2]).toBe('A-dagpenge');
    expect((await rows('period.M=latest:1&hierarchy._ygrpi09=/3/'))[0]![2]).toBe('Kontanthjælp (jobparate)');
    expect((await rows('period.M=latest:1&hierarchy._ygrpi09=*')).map((r) => r[2])).toEqual(['Ydelsesgrupper i alt', 'A-dagpenge', 'Kontanthjælp (jobparate)']);
    expect((await rows('period.M=latest:1&hierarchy._akassebl=/')).map((r) => r[3])).toEqual(['I alt']);
    // Areas: _region, _reko (paths through regions to municipalities), _hele_landet; region ids still taken in _nykom.
    const areaNames = async (q: string) => (await rows(`period.M=latest:1&${q}`)).map((r) => r[1]);
    expect(await areaNames('hierarchy._region=*')).toEqual(['Hele landet', 'Region Hovedstaden', 'Region Sjælland']);
    expect(await areaNames('hierarchy._hele_landet=/')).toEqual(['Hele landet']);
    // Positions as /v3/table/y25i01 lists them (every reference area, in reference order).
    const reko = (await getJson(app, '/v3/table/y25i01')).body.dimensions[0].hierarchies.find((h: { hierarchy_id: string }) => h.hierarchy_id === '_reko');
    const pathOf = (id: string) => reko.levels.flatMap((l: { values: { value_id: string; value_path: string }[] }) => l.values).find((v: { value_id: string }) => v.value_id === id).value_path as string;
    expect(pathOf('DK')).toBe('/');
    expect(pathOf('R1081')).toBe('/2/');
    expect(pathOf('R1084')).toMatch(/^\/\d\/$/);
    expect(pathOf('K101')).toMatch(new RegExp(`^${pathOf('R1084')}\\d+/$`));
    expect(await areaNames(`hierarchy._reko=${pathOf('R1084')}`)).toEqual(['Region Hovedstaden']);
    expect(await areaNames(`hierarchy._reko=${pathOf('K101')}`)).toEqual(['København']);
    expect(await areaNames('hierarchy._nykom=R1084,K101')).toEqual(['Region Hovedstaden', 'København']);
    // Breakdowns of ptv_a02 by the real ids.
    expect((await rows('period.M=latest:1&hierarchy._kon=*', 'ptv_a02')).map((r) => r[3])).toEqual(['I alt', 'Kvinder', 'Mænd']);
    expect(await rows('period.M=latest:1&hierarchy._aldera=/2/', 'ptv_a02')).toEqual(await rows('period.M=latest:1&dimension.alder=16-24', 'ptv_a02'));
    // Quarters and years: the real ids are taken, and a request in the real vocabulary is answered in them.
    expect((await rows('period.Q=2025Q02')).map((r) => r[0])).toEqual(['2025Q02']);
    expect((await rows('period.Q=2025Q2')).map((r) => r[0])).toEqual(['2025Q2']);
    expect((await rows('period.Q=latest:1&period.Y=*&hierarchy._ygrpi09=/')).map((r) => r[0])).toEqual(['2025Q02', '2025Y01']);
    expect((await rows('period.Q=2025Q02&periodformat=styr')).map((r) => r[0])).toEqual(['2025Q2']);
    expect((await rows('period.Q=2025Q02')).map((r) => r.slice(1))).toEqual((await rows('period.Q=2025Q2')).map((r) => r.slice(1)));
    // mgroup.<id>=<measure id> picks the single measure, as the real API's.
    expect((await data('period.M=latest:1&mgroup.persons=persons')).body.columns.slice(4)).toEqual(['Antal ledige personer']);
    // The real API's causes.
    expect((await data('hierarchy._foo=*')).body.cause).toBe("Unknown hierarchies: ['_foo']");
    expect((await data('period.W=*')).body.cause).toBe('Unknown period type: W');
  });

  it('answers a table the register cannot compute as the real API answers one without access', async () => {
    const { status, body } = await getJson(app, '/v3/data/y25i05?period.M=latest:1');
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 403, cause: 'No access to table: y25i05', error: { code: 'no_access' } });
    expect(body.error.message).toContain('varsl');
  });

  it('answers 404 for an unknown table or a release without it', async () => {
    expect((await getJson(app, '/v3/data/x99z99')).status).toBe(404);
    expect((await getJson(app, '/v3/table/x99z99')).body.error.code).toBe('not_found');
    expect((await getJson(app, '/v3/data/y25i01?release=7')).status).toBe(404);
    expect((await getJson(app, '/v3/data/Y25I01?period.M=latest:1')).status).toBe(200);
  });
});
