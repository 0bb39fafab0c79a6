import { Worker } from 'node:worker_threads';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { datasets } from '../../src/indicators/datasets.js';
import { encodeValues, insertDataset, insertRelease, insertSeries, insertTables, type DatasetShape } from '../../src/indicators/release/index.js';
import { areas } from '../../src/reference/index.js';
import { registerReleaseTables, statbankRoutes } from '../../src/statbank/index.js';
import { backends, createTestDb } from '../support/db.js';

/**
 * Latency of /v3/data over real HTTP with 32 concurrent clients on a release of realistic
 * width (every area, 6 benefits, every breakdown, 40 periods). Opt-in: STATBANK_PERF=1
 * (timings depend on the machine; STATBANK_PERF_P95 overrides the 50 ms target of the cached run).
 */
describe.runIf(!!process.env.STATBANK_PERF).each(backends)('statbank /v3/data latency on %s', (kind) => {
  let db: Db;
  const servers: Record<string, { app: FastifyInstance; base: string; times: number[] }> = {};
  beforeAll(async () => {
    db = await createTestDb(kind);
    const months = Array.from({ length: 36 }, (_, i) => `${2023 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`);
    const shape: DatasetShape = {
      dims: ['benefit', 'breakdown', 'breakdown_value'],
      measures: datasets.volume.measures.map((m) => ({ id: m.id, label: m.label, decimals: m.decimals })),
      periods: [...months.map((id) => ({ id, freq: 'M' as const })), ...['2023Q1', '2023Q2', '2023Q3', '2023Q4'].map((id) => ({ id, freq: 'Q' as const }))],
    };
    const breakdowns = [['total', 'total'], ['gender', 'K'], ['gender', 'M'], ...['16-24', '25-29', '30-39', '40-49', '50-59', '60-66'].map((a) => ['age_band', a]), ...['dansk', 'vestlig', 'ikke-vestlig'].map((o) => ['origin', o])];
    const n = shape.periods.length * shape.measures.length;
    const rows = areas.flatMap((a) =>
      ['public_support', 'gross_unemployed', 'a_dagpenge', 'kontanthjaelp_jobparat', 'sygedagpenge', 'fleksjob'].flatMap((b) =>
        breakdowns.map(([bd, bv]) => ({
          area: a.id,
          dims: [b, bd!, bv!],
          values: encodeValues(Float64Array.from({ length: n }, (_, i) => i * 1.5 + a.municipalities.length)),
          status: new Uint8Array(shape.periods.length),
        })),
      ),
    );
    await db.db.transaction().execute(async (trx) => {
      const r = await insertRelease(trx, { source: 'register', firstWeek: null, cutoffWeek: null, notes: 'perf', threshold: 5, summary: {} });
      await insertDataset(trx, r.id, 'volume', shape);
      await insertSeries(trx, r.id, 'volume', rows);
      await insertTables(trx, r.id, registerReleaseTables().filter((t) => t.dataset === 'volume'));
    });
    for (const [mode, bytes] of [['cached', undefined], ['uncached', 0]] as const) {
      const app = Fastify({ logger: false });
      const times: number[] = [];
      app.addHook('onResponse', async (_req, reply) => {
        times.push(reply.elapsedTime);
      });
      await app.register(statbankRoutes, { prefix: '/v3', db: db.db, anonRateLimit: 1_000_000, responseCacheBytes: bytes });
      servers[mode] = { app, base: await app.listen({ port: 0, host: '127.0.0.1' }), times };
    }
  });
  afterAll(async () => {
    for (const s of Object.values(servers)) await s.app.close();
    await db?.close();
  });

  it.each(['cached', 'uncached'])('answers typical queries %s at 32 concurrent clients (cached: p95 ≤ 50 ms)', async (mode) => {
    const { base, times: server } = servers[mode]!;
    const urls = [
      '/v3/data/y25i01?period.M=latest:14&hierarchy._nykom=*',
      '/v3/data/y25i01?period.M=latest:14&hierarchy._nykom=/&dimension.ydelsesgrupper=*',
      '/v3/data/ptv_a02?period.M=latest:3&hierarchy._nykom=level:region&dimension.alder=*',
      '/v3/data/y01a02?period.Q=*&hierarchy._jobcenter=level:jobcenter&format=csv',
    ];
    for (const u of urls) expect((await fetch(base + u)).status).toBe(200); // warm up
    server.length = 0;
    // The clients run in a worker thread: their own event loop, so they do not slow the server's.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
      (async () => {
        const { base, urls, total, concurrency } = workerData;
        const times = []; const codes = new Set(); let next = 0;
        await Promise.all(Array.from({ length: concurrency }, async () => {
          while (next < total) {
            const u = urls[next++ % urls.length];
            const t0 = performance.now();
            const res = await fetch(base + u);
            await res.arrayBuffer();
            times.push(performance.now() - t0);
            codes.add(res.status);
          }
        }));
        parentPort.postMessage({ times, codes: [...codes] });
      })();`,
      { eval: true, workerData: { base, urls, total: 1600, concurrency: 32 } },
    );
    const { times, codes } = await new Promise<{ times: number[]; codes: number[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(codes).toEqual([200]);
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    server.sort((a, b) => a - b);
    console.log(`${kind} ${mode} server side: p50 ${server[Math.floor(server.length / 2)]?.toFixed(1)} ms, p95 ${server[Math.floor(server.length * 0.95)]?.toFixed(1)} ms`);
    console.log(`${kind} ${mode} client side: p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${p(1).toFixed(1)} ms over ${times.length} requests`);
    // Client-side p95 is the honest number (PGlite blocks the event loop, so server-side time
    // hides its queue); the target applies to repeated queries, which the response cache serves.
    if (mode === 'cached') expect(p(0.95)).toBeLessThanOrEqual(Number(process.env.STATBANK_PERF_P95 ?? 50));
  });
});
