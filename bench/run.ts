/**
 * `npm run bench`: generation, full compute vs. a DuckDB raw scan (the floor), the core
 * measures in PostgreSQL vs. our engine on a 5 % sample, /v3/data latency under 32
 * concurrent clients, the benchmarking's recompute, and peak memory. Every figure is a ratio against a baseline run in
 * this same process, so machines can be compared.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openDatabase } from '../src/db/index.js';
import { computeRelease } from '../src/indicators/index.js';
import { computeCore } from '../src/indicators/engine/index.js';
import { demoYears, generate } from '../src/register/index.js';
import { buildServer, ensureWebBuild, webDist } from '../src/server/index.js';
import { areas } from '../src/reference/index.js';
import { registerReleaseTables } from '../src/statbank/index.js';
import { progressBars } from '../src/cli/progress.js';
import { corePostgres, loadSampleIntoPostgres } from './postgres-baseline.js';
import { jobcenterPageQueries, latency, statbankQueries } from './latency.js';
import { bundleSize, firstRender } from './web.js';
import { benchmarkingBench, clusterQueryBench } from './benchmarking.js';
import { documentsBench } from './documents.js';
import { councilsBench } from './councils.js';

const FULL_PERSONS = 3_900_000;

export async function runBenchmarks(opts: { scale: number }): Promise<void> {
  const out = resolve('bench/out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const persons = Math.round(FULL_PERSONS * opts.scale);
  const report: Record<string, string> = {};
  const log = (k: string, v: string) => {
    report[k] = v;
    console.log(`${k.padEnd(48)} ${v}`);
  };
  const config = { ...loadConfig(), DATABASE_URL: undefined };
  const db = await openDatabase({ dataDir: join(out, 'db') });
  await migrateToLatest(db.db);

  // 1. Generation.
  const full = join(out, 'register');
  let bars = progressBars();
  let t0 = performance.now();
  await generate({ persons, from: '2021-01', to: '2025-12', seed: 1, outDir: full, onProgress: bars.onProgress });
  bars.stop();
  const genSeconds = (performance.now() - t0) / 1000;
  const rows = await scalar(`SELECT count(*) FROM '${full}/register.parquet'`);
  log('register', `${persons.toLocaleString('da-DK')} persons, ${rows.toLocaleString('da-DK')} person-weeks`);
  log('generation', `${genSeconds.toFixed(1)} s (${((rows / genSeconds) / 1e6).toFixed(1)} M person-weeks/s)`);

  // 2. Full compute vs. the raw scan floor.
  const scan = await rawScan(`${full}/register.parquet`);
  bars = progressBars();
  t0 = performance.now();
  const computed = await computeRelease({
    registerDir: full, db: db.db, threshold: config.DISCLOSURE_THRESHOLD, notes: 'bench',
    tables: registerReleaseTables(), workDir: join(out, 'work'), onProgress: bars.onProgress,
  });
  bars.stop();
  const computeSeconds = computed.timings.compute ?? (performance.now() - t0) / 1000;
  log('raw scan (DuckDB, floor)', `${scan.toFixed(2)} s`);
  log('full compute (all measures)', `${computeSeconds.toFixed(1)} s = ${(computeSeconds / scan).toFixed(1)}× the raw scan (target ≤ 60 s, ≤ 3×)`);
  log('disclosure control', `${(computed.timings.disclosure ?? 0).toFixed(1)} s`);
  log('publish to PostgreSQL (PGlite)', `${(computed.timings.publish ?? 0).toFixed(1)} s`);

  // 2b. Benchmarking of that release: every jobcenter × measure × rolling year.
  const bm = await benchmarkingBench(db.db, full, demoYears);
  log(
    `benchmarking, ${bm.jobcenters} jobcentres × ${bm.measures} measures × ${bm.periods} rolling years`,
    `${bm.total.toFixed(2)} s (read ${bm.seconds.load.toFixed(2)}, compute ${bm.seconds.compute.toFixed(2)}, store ${bm.seconds.store.toFixed(2)}); compute = ${(bm.seconds.compute / bm.seconds.load).toFixed(2)}× reading its input (target ≤ 5 s)`,
  );

  const cq = await clusterQueryBench(db.db);
  log('/v3/data, the peer clusters as areas (ptv_a02, 12 months × categories)', `${cq.clusterMs.toFixed(1)} ms per query = ${(cq.clusterMs / cq.jobcenterMs).toFixed(2)}× the same query for the 94 jobcentres (${cq.jobcenterMs.toFixed(1)} ms)`);

  // 2c. The steering documents on that release and its benchmarking.
  const docs = await documentsBench(db.db, demoYears.at(-1)!, config.CHROMIUM_PATH);
  log(`results audits drafted (${docs.audits} jobcentres)`, `${docs.auditSeconds.toFixed(1)} s = ${((docs.auditSeconds * 1000) / docs.audits / docs.queryMs).toFixed(0)}× one bank query (${docs.queryMs.toFixed(1)} ms) per audit (target ≤ 30 s)`);
  const f = docs.followup;
  log(`follow-up reports drafted (${f.reports} jobcentres, ${f.quarter})`, `${f.seconds.toFixed(1)} s = ${((f.seconds * 1000) / (f.reads * f.queryMs)).toFixed(2)}× the ${f.reads} bank queries they are made of (${f.queryMs.toFixed(1)} ms each) (target ≤ 30 s)`);
  if (docs.pdf) log('one audit as PDF (Chromium)', `${docs.pdf.ms.toFixed(0)} ms = ${(docs.pdf.ms / docs.pdf.floorMs).toFixed(1)}× printing an empty page (${docs.pdf.floorMs.toFixed(0)} ms), ${(docs.pdf.bytes / 1024).toFixed(0)} KB (target ≤ 5 s)`);
  else log('one audit as PDF (Chromium)', 'skipped: no Chromium (scripts/chromium.sh installs it)');
  log(`status of all plan targets after a new release (${docs.targets} targets, ${docs.distinct} series)`, `${docs.statusSeconds.toFixed(2)} s = ${(docs.statusSeconds / docs.readSeconds).toFixed(2)}× reading their series alone (${docs.readSeconds.toFixed(2)} s) (target ≤ 2 s); ${JSON.stringify(docs.statuses)}`);

  // 2d. Hearings, the yearly calendar and notifications on those documents.
  const cb = await councilsBench(db.db, demoYears.at(-1)!);
  log(`hearings opened on ${cb.audits} results audits`, `${cb.hookMs.toFixed(0)} ms = ${(cb.hookMs / cb.plainMs).toFixed(2)}× the same transitions without the hearing (${cb.plainMs.toFixed(0)} ms)`);
  log('yearly-calendar board, all 94 jobcentres × steps', `${cb.boardMs.toFixed(1)} ms = ${(cb.boardMs / cb.rowsMs).toFixed(2)}× reading the rows it is made of (${cb.rowsMs.toFixed(1)} ms) (target ≤ 500 ms)`);
  log(`region .ics feed (${cb.events} events)`, `${cb.feedMs.toFixed(1)} ms = ${(cb.feedMs / cb.bareMs).toFixed(2)}× generating as many bare events (${cb.bareMs.toFixed(1)} ms)`);
  log(`${cb.notifications} notifications mailed as ${cb.digests} digests`, `${cb.flushMs.toFixed(0)} ms = ${(cb.flushMs / cb.storeMs).toFixed(2)}× storing them (${cb.storeMs.toFixed(0)} ms)`);

  // 3. Core measures in PostgreSQL vs. our engine on a 5 % sample.
  const sample = join(out, 'sample');
  await sampleRegister(full, sample, 0.05);
  const engineSample = await computeRelease({
    registerDir: sample, db: db.db, threshold: config.DISCLOSURE_THRESHOLD, notes: 'bench sample',
    tables: registerReleaseTables(), workDir: join(out, 'work'),
  });
  const ours = await coreEngine(sample);
  const pg = await loadSampleIntoPostgres(sample);
  try {
    const pgSeconds = await corePostgres(pg.url);
    log('PostgreSQL core measures, 5 % sample', `${pgSeconds.toFixed(2)} s`);
    log('our engine, same core measures, same sample', `${ours.toFixed(2)} s → PostgreSQL/ours = ${(pgSeconds / ours).toPrecision(2)}× (target ≥ 20×)`);
    log('our engine, every measure, same sample', `${(engineSample.timings.compute ?? 0).toFixed(2)} s`);
  } finally {
    pg.stop();
  }

  // 4. API latency under 32 concurrent clients.
  await ensureWebBuild();
  const app = await buildServer({ db, config: { ...config, API_ANON_RATE_LIMIT: 1_000_000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const lat = await latency(base, 32, 15_000, await statbankQueries(base));
  log('/v3/data latency, 32 concurrent clients', `p50 ${lat.p50.toFixed(1)} ms, p95 ${lat.p95.toFixed(1)} ms, ${lat.rps.toFixed(0)} req/s (target p95 ≤ 50 ms)`);

  // 5. The web app: bundle, first render of the jobcenter page, its data requests under load.
  const bundle = bundleSize(webDist);
  log('initial JS bundle (gzip)', `${bundle.jsGzipKb.toFixed(1)} KB (+ ${bundle.cssGzipKb.toFixed(1)} KB CSS) (target ≤ 300 KB)`);
  const render = await firstRender(base, '/omraade/J101');
  if (render) {
    log('jobcenter page, first render, cold cache', `${render.coldMs.toFixed(0)} ms = ${(render.coldMs / render.floorMs).toFixed(1)}× a static page (${render.floorMs.toFixed(0)} ms)`);
    log('jobcenter page, first render, warm cache', `${render.warmMs.toFixed(0)} ms = ${(render.warmMs / render.floorMs).toFixed(1)}× a static page`);
  } else log('jobcenter page, first render', 'skipped: no Chromium (scripts/chromium.sh installs it)');
  const jobcenters = areas.filter((a) => a.level === 'jobcenter').map((a) => a.id);
  const page = await latency(base, 32, 15_000, jobcenterPageQueries(jobcenters));
  log('jobcenter page data requests, 32 concurrent users', `p50 ${page.p50.toFixed(1)} ms, p95 ${page.p95.toFixed(1)} ms, ${page.rps.toFixed(0)} req/s (target p95 ≤ 100 ms)`);
  await app.close();
  await db.close();

  // 6. Peak memory of this process (DuckDB included: it runs in-process).
  log('peak memory (max RSS)', `${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB (target ≤ 8 GB)`);
  console.log(JSON.stringify(report, null, 2));
}

async function scalar(sql: string): Promise<number> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const v = Number((await c.runAndReadAll(sql)).getRows()[0]![0]);
  c.closeSync();
  inst.closeSync();
  return v;
}

/** Seconds our engine takes for the core measures (best of two runs, as PostgreSQL's). */
async function coreEngine(dir: string): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const inst = await DuckDBInstance.create(':memory:', { threads: String(cpus().length) });
    const c = await inst.connect();
    const t0 = performance.now();
    await computeCore(c, dir);
    best = Math.min(best, (performance.now() - t0) / 1000);
    c.closeSync();
    inst.closeSync();
  }
  return best;
}

/** The floor: one DuckDB pass reading every column of every row. */
async function rawScan(file: string): Promise<number> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const t0 = performance.now();
  await c.runAndReadAll(`SELECT count(*), count(DISTINCT person_id), min(week), max(week), sum(municipality), count(DISTINCT benefit) FROM '${file}'`);
  const s = (performance.now() - t0) / 1000;
  c.closeSync();
  inst.closeSync();
  return s;
}

/** A sample of persons (all their rows), with their persons/activities/population rows. */
async function sampleRegister(from: string, to: string, share: number): Promise<void> {
  mkdirSync(to, { recursive: true });
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const keep = `hash(person_id) % 1000 < ${Math.round(share * 1000)}`;
  for (const f of ['register', 'persons', 'activities']) {
    await c.run(`COPY (SELECT * FROM '${from}/${f}.parquet' WHERE ${keep}) TO '${to}/${f}.parquet' (FORMAT parquet)`);
  }
  await c.run(`COPY (SELECT * REPLACE (round(population * ${share})::INTEGER AS population, round(workforce * ${share})::INTEGER AS workforce) FROM '${from}/population.parquet') TO '${to}/population.parquet' (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
}
