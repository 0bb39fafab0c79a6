/**
 * The benchmarking against the planted truth: on the demo register (195 000 persons,
 * 2021–2025) with the documented seed 2026, and with seed 31337, which was looked at once,
 * after the method and its settings were fixed (on seeds 2026, 4711, 9001, 7919, 60606).
 * The target: precision and recall of the result-problem flags ≥ 0.9 for the serious
 * effects (see the generator's PlantedEffect). The floors are the measured values, rounded
 * down: they guard against getting worse. See src/benchmark/README.md for all seeds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDemoBenchmark } from '../../src/benchmark/index.js';
import { computeRelease } from '../../src/indicators/index.js';
import { demoRegister, demoYears, generate, type Truth } from '../../src/register/index.js';
import { registerReleaseTables } from '../../src/statbank/index.js';
import { createTestDb } from '../support/db.js';
import { score } from './truth.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.each([
  // Measured: precision 0.94 (17 of 18 flags; 0.89 counting J730's førtidspension, a consequence
  // of its planted sygedagpenge effect, as a false alarm), recall 1.00 (15 of 15).
  { seed: demoRegister.seed, role: 'the demo seed', floor: { precision: 0.9, recall: 0.95 } },
  // Measured once, after the method was fixed: precision 0.93, recall 0.73 (11 of 15).
  { seed: 31337, role: 'a seed not used to choose the method', floor: { precision: 0.9, recall: 0.7 } },
])('result problems vs. truth.json, $role ($seed)', ({ seed, floor }) => {
  it(`finds the serious planted effects (precision ≥ ${floor.precision}, recall ≥ ${floor.recall}) and every often-late jobcenter`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `styr-truth-${seed}-`));
    dirs.push(dir);
    const db = await createTestDb('pglite');
    try {
      await generate({ ...demoRegister, seed, outDir: join(dir, 'register') });
      await computeRelease({ registerDir: join(dir, 'register'), db: db.db, threshold: 5, notes: `truth ${seed}`, tables: registerReleaseTables(), workDir: join(dir, 'work') });
      await ensureDemoBenchmark(db.db, join(dir, 'register'), demoYears);
      const flags = await db.db.selectFrom('benchmark_flag').selectAll().execute();
      const truth = JSON.parse(readFileSync(join(dir, 'register', 'truth.json'), 'utf8')) as Truth;
      const s = score(flags, truth);
      console.log(`seed ${seed}: precision ${s.precision.toFixed(2)} (strict ${s.strictPrecision.toFixed(2)}), recall ${s.recall.toFixed(2)}; missed ${s.missed.join(' ') || '–'}; false alarms ${s.falseAlarms.join(' ') || '–'}; timeliness ${s.timeliness.precision.toFixed(2)}/${s.timeliness.recall.toFixed(2)}`);
      expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
      expect(s.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(s.timeliness).toEqual({ precision: 1, recall: 1 });
    } finally {
      await db.close();
    }
  }, 600_000);
});
