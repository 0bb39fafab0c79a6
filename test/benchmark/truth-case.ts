/**
 * One truth case: the demo-sized register of a seed (generated once, then cached: see
 * test/support/register-cache.ts), a release and the demo benchmarking computed from it,
 * and the result-problem flags scored against its truth.json. Each seed has its own test
 * file (truth.test.ts, truth-unseen.test.ts), so the slow tier runs them side by side.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDemoBenchmark } from '../../src/benchmark/index.js';
import { computeRelease } from '../../src/indicators/index.js';
import { demoRegister, demoYears, type Truth } from '../../src/register/index.js';
import { registerReleaseTables } from '../../src/statbank/index.js';
import { createTestDb } from '../support/db.js';
import { cachedRegister } from '../support/register-cache.js';
import { score } from './truth.js';

export function truthCase({ seed, role, floor }: { seed: number; role: string; floor: { precision: number; recall: number } }): void {
  describe(`result problems vs. truth.json, ${role} (${seed})`, () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

    it(`finds the serious planted effects (precision ≥ ${floor.precision}, recall ≥ ${floor.recall}) and every often-late jobcenter`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `styr-truth-${seed}-`));
      dirs.push(dir);
      const register = await cachedRegister({ ...demoRegister, seed });
      const db = await createTestDb('pglite');
      try {
        await computeRelease({ registerDir: register, db: db.db, threshold: 5, notes: `truth ${seed}`, tables: registerReleaseTables(), workDir: join(dir, 'work') });
        await ensureDemoBenchmark(db.db, register, demoYears);
        const flags = await db.db.selectFrom('benchmark_flag').selectAll().execute();
        const truth = JSON.parse(readFileSync(join(register, 'truth.json'), 'utf8')) as Truth;
        const s = score(flags, truth);
        console.log(`seed ${seed}: precision ${s.precision.toFixed(2)} (strict ${s.strictPrecision.toFixed(2)}), recall ${s.recall.toFixed(2)}; missed ${s.missed.join(' ') || '–'}; false alarms ${s.falseAlarms.join(' ') || '–'}; timeliness ${s.timeliness.precision.toFixed(2)}/${s.timeliness.recall.toFixed(2)}`);
        expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
        expect(s.precision).toBeGreaterThanOrEqual(floor.precision);
        expect(s.timeliness).toEqual({ precision: 1, recall: 1 });
      } finally {
        await db.close();
      }
    }, 1_200_000);
  });
}
