import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/index.js';
import { datasets } from '../../src/indicators/datasets.js';
import { encodeValues, insertDataset, insertRelease, insertSeries, insertTables, type DatasetShape } from '../../src/indicators/release/index.js';
import { registerReleaseTables, statbankRoutes } from '../../src/statbank/index.js';

/** Periods of the test releases: 6 months, 2 quarters, a year and a rolling year. */
export const testPeriods: DatasetShape['periods'] = [
  ...['01', '02', '03', '04', '05', '06'].map((m) => ({ id: `2025M${m}`, freq: 'M' as const })),
  { id: '2025Q1', freq: 'Q' },
  { id: '2025Q2', freq: 'Q' },
  { id: '2025', freq: 'Y' },
  { id: '2024M07-2025M06', freq: 'R' },
];

export const testAreas = ['DK', 'R1084', 'R1085', 'B1', 'J561', 'K101', 'K147', 'K561'];
const benefitsUsed = ['public_support', 'gross_unemployed', 'a_dagpenge', 'kontanthjaelp_jobparat', 'category_kontanthjaelp', 'sygedagpenge'];
export const breakdownsUsed: [string, string][] = [['total', 'total'], ['gender', 'K'], ['gender', 'M'], ['age_band', '16-24'], ['origin', 'dansk']];

/** A deterministic value for a cell (the offset tells releases apart). */
export function cellValue(area: string, dims: string[], period: number, measure: number, offset: number): number {
  let h = 7;
  for (const ch of `${area}|${dims.join('|')}`) h = (h * 31 + ch.charCodeAt(0)) % 10007;
  return Math.round((h + period * 13 + measure * 101 + offset) * 100) / 100 + 0.25;
}

export interface TestSeries {
  dataset: string;
  area: string;
  dims: string[];
  values: number[];
  status: number[];
}

/** Hand-made series of the volume and activation datasets; `suppress` marks cells primary (1) or secondary (2). */
export function makeSeries(offset: number, suppress: { area: string; dims: string[]; period: string; status: 1 | 2 }[] = []): { shapes: Record<string, DatasetShape>; series: TestSeries[] } {
  const shape = (id: 'volume' | 'activation'): DatasetShape => ({
    dims: id === 'volume' ? ['benefit', 'breakdown', 'breakdown_value'] : ['benefit', 'breakdown', 'breakdown_value', 'offer'],
    measures: datasets[id].measures.map((m) => ({ id: m.id, label: m.label, decimals: m.decimals })),
    periods: testPeriods,
  });
  const shapes = { volume: shape('volume'), activation: shape('activation') };
  const series: TestSeries[] = [];
  const add = (dataset: string, area: string, dims: string[]) => {
    const nm = shapes[dataset as 'volume'].measures.length;
    const values: number[] = [];
    const status: number[] = [];
    testPeriods.forEach((p, i) => {
      const s = suppress.find((x) => x.area === area && x.period === p.id && x.dims.join() === dims.join());
      status.push(s ? s.status : 0);
      for (let j = 0; j < nm; j++) values.push(s ? NaN : cellValue(area, dims, i, j, offset));
    });
    series.push({ dataset, area, dims, values, status });
  };
  for (const area of testAreas) {
    for (const b of benefitsUsed) for (const [bd, bv] of breakdownsUsed) add('volume', area, [b, bd, bv]);
    // Two unemployment funds of the gross unemployed (the A-kasse breakdown of y25i01).
    for (const fund of ['aka', '3f']) for (const b of ['gross_unemployed', 'a_dagpenge']) add('volume', area, [b, 'a_kasse', fund]);
    for (const offer of ['all', 'virksomhedspraktik', 'loentilskud', 'vejledning_opkvalificering']) add('activation', area, ['gross_unemployed', 'total', 'total', offer]);
    add('activation', area, ['gross_unemployed', 'gender', 'K', 'all']);
  }
  return { shapes, series };
}

/** Publishes a test release directly with the repository functions (no engine). */
export async function publishTestRelease(db: Kysely<Database>, offset: number, suppress: Parameters<typeof makeSeries>[1] = []): Promise<number> {
  const { shapes, series } = makeSeries(offset, suppress);
  const tables = registerReleaseTables().filter((t) => t.dataset in shapes);
  return db.transaction().execute(async (trx) => {
    const r = await insertRelease(trx, { source: 'register', firstWeek: '2024-07-01', cutoffWeek: '2025-06-30', notes: `test ${offset}`, threshold: 5, summary: {} });
    for (const [dataset, shape] of Object.entries(shapes)) {
      await insertDataset(trx, r.id, dataset, shape);
      await insertSeries(
        trx,
        r.id,
        dataset,
        series.filter((s) => s.dataset === dataset).map((s) => ({ area: s.area, dims: s.dims, values: encodeValues(new Float64Array(s.values)), status: new Uint8Array(s.status) })),
      );
    }
    await insertTables(trx, r.id, tables);
    return r.version;
  });
}

/** A Fastify app with the statistics bank under /v3. */
export async function buildApp(db: Kysely<Database>, anonRateLimit = 10_000, latestTtlMs?: number): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(statbankRoutes, { prefix: '/v3', db, anonRateLimit, latestTtlMs });
  await app.ready();
  return app;
}

/** GET and parse JSON. */
export async function getJson(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  return { res, status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : undefined };
}
