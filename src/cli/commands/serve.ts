import { ensureDemoDocuments, ensureSteeringReference } from '../../documents/index.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDemoUsers, ensureOrganisations } from '../../access/index.js';
import { ensureCouncils, ensureDemoCouncils } from '../../councils/index.js';
import { ensureDemoHearing } from '../../hearings/index.js';
import { loadConfig } from '../../config.js';
import { migrateToLatest, openDatabase } from '../../db/index.js';
import { ensureDemoBenchmark } from '../../benchmark/index.js';
import { ensureDemoFollowup } from '../../followup/index.js';
import { ensureDemoCooperation } from '../../cooperation/index.js';
import { ensureDemoGrants } from '../../grants/index.js';
import { computeRelease, findRelease } from '../../indicators/index.js';
import { demoRegister, demoYears, generate } from '../../register/index.js';
import { buildServer, demoNote, ensureWebBuild } from '../../server/index.js';
import type { DemoState } from '../../server/index.js';
import { registerReleaseTables, StatbankService } from '../../statbank/index.js';
import { progressBars } from '../progress.js';
import { systemClock } from '../../clock.js';
import { createMailer } from '../../mail/index.js';
import { Notifier } from '../../notifications/index.js';


/** Starts the server; with `demo`, an empty database first gets a demo release (progress on the start page). */
export async function serve(opts: { demo: boolean }): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  await migrateToLatest(db.db);
  await ensureOrganisations(db.db);
  await ensureCouncils(db.db);
  await ensureSteeringReference(db.db);
  if (opts.demo) {
    await ensureDemoUsers(db.db);
    await ensureDemoCouncils(db.db, new Date().getFullYear());
  }
  await ensureWebBuild();
  const demo: DemoState = { status: 'idle', stages: new Map(), ...(opts.demo ? { note: demoNote(demoRegister.persons) } : {}) };
  const app = await buildServer({ db, config, demo });
  await app.listen({ port: config.PORT, host: config.HOST });
  const port = (app.server.address() as { port: number }).port;
  console.log(`Styringshjulet kører på http://localhost:${port} (database: ${db.kind})`);

  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  if (!opts.demo) return;
  // The demo's own notifications (its cases' dialogue minutes) go out like any other.
  const notifier = new Notifier(db.db, createMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }), systemClock, config.publicUrl);
  const dir = join(config.dataDir, 'demo-register');
  if (await findRelease(db.db)) {
    // A demo made before benchmarking existed gets it now (a few seconds).
    await ensureDemoBenchmark(db.db, dir, demoYears).catch((err: Error) => console.error(`Benchmarking af demodata fejlede: ${err.message}`));
    await ensureDemoDocuments(db.db, new StatbankService(db.db), demoYears.at(-1)!).catch((err: Error) => console.error(`Demodokumenterne kunne ikke dannes: ${err.message}`));
    await ensureDemoHearing(db.db, demoYears.at(-1)! + 1).catch((err: Error) => console.error(`Demohøringen kunne ikke oprettes: ${err.message}`));
    await ensureDemoFollowup(db.db, new StatbankService(db.db), notifier).catch((err: Error) => console.error(`Demoopfølgningen kunne ikke dannes: ${err.message}`));
    await ensureDemoGrants(db.db, new StatbankService(db.db), demoYears.at(-1)!).catch((err: Error) => console.error(`Demoens LBR-midler kunne ikke dannes: ${err.message}`));
    await ensureDemoCooperation(db.db, new Date().getFullYear()).catch((err: Error) => console.error(`Demoens samarbejdsaftaler kunne ikke dannes: ${err.message}`));
    return;
  }
  demo.status = 'running';
  const bars = progressBars((p) => demo.stages.set(p.stage, p));
  const t0 = performance.now();
  try {
    // A register written by an interrupted first start is reused; truth.json is written last.
    if (!existsSync(join(dir, 'truth.json'))) {
      await generate({ ...demoRegister, outDir: dir, onProgress: bars.onProgress });
    }
    const { timings } = await computeRelease({
      registerDir: dir,
      db: db.db,
      threshold: config.DISCLOSURE_THRESHOLD,
      notes: `Demodata: syntetisk Danmark, ${demoRegister.persons.toLocaleString('da-DK')} personer, ${demoRegister.from} til ${demoRegister.to}, frø ${demoRegister.seed}.`,
      tables: registerReleaseTables(),
      workDir: join(config.dataDir, 'work'),
      onProgress: bars.onProgress,
    });
    bars.onProgress({ stage: 'Benchmarking', done: 0, total: 1 });
    const bench = await ensureDemoBenchmark(db.db, dir, demoYears);
    timings.benchmark = (bench?.seconds.load ?? 0) + (bench?.seconds.compute ?? 0) + (bench?.seconds.store ?? 0);
    bars.onProgress({ stage: 'Benchmarking', done: 1, total: 1 });
    bars.onProgress({ stage: 'Styringsdokumenter', done: 0, total: 1 });
    await ensureDemoDocuments(db.db, new StatbankService(db.db), demoYears.at(-1)!);
    await ensureDemoHearing(db.db, demoYears.at(-1)! + 1);
    await ensureDemoFollowup(db.db, new StatbankService(db.db), notifier);
    await ensureDemoGrants(db.db, new StatbankService(db.db), demoYears.at(-1)!);
    await ensureDemoCooperation(db.db, new Date().getFullYear());
    bars.onProgress({ stage: 'Styringsdokumenter', done: 1, total: 1 });
    demo.status = 'ready';
    bars.stop();
    const stages = Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(', ');
    console.log(`Demodata klar på ${((performance.now() - t0) / 1000).toFixed(0)} s (${stages}): http://localhost:${port}`);
  } catch (err) {
    bars.stop();
    demo.status = 'failed';
    demo.error = err instanceof Error ? err.message : String(err);
    console.error(`Demodata kunne ikke dannes: ${demo.error}`);
  }
}
