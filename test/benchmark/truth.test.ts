/**
 * The benchmarking against the planted truth: on the demo register (195 000 persons,
 * 2021–2025) with the documented seed 2026, and with seed 9001, which was never looked at
 * while the method and its settings were chosen. The target: precision and recall of the
 * result-problem flags ≥ 0.9 for the serious effects (see the generator's PlantedEffect).
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
  { seed: demoRegister.seed, role: 'the demo seed', floor: { precision: 0.9, recall: 0.9 } },
  // Measured once, after the method was fixed: precision 0.85, recall 0.73. The target (0.9,
  // 0.9) is NOT met on this seed; the floor guards against getting worse. See issue 4.
  { seed: 9001, role: 'a seed never seen during development', floor: { precision: 0.8, recall: 0.7 } },
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
      console.log(`seed ${seed}: precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)}; missed ${s.missed.join(' ') || '–'}; false alarms ${s.falseAlarms.join(' ') || '–'}; timeliness ${s.timeliness.precision.toFixed(2)}/${s.timeliness.recall.toFixed(2)}`);
      expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
      expect(s.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(s.timeliness).toEqual({ precision: 1, recall: 1 });
    } finally {
      await db.close();
    }
  }, 600_000);
});
