/**
 * Calibration of ENTRY_BASE (developer tool): simulates in memory (no files), measures the
 * full-time level of every group over the window scaled to 3.9 mio. persons, and rescales
 * each group's base hazard towards its target from benefit-groups.csv. Prints the new array
 * to paste into model.ts.
 *
 *   npx tsx src/register/generator/calibrate.ts [persons=150000] [iterations=6]
 */
import { benefitGroups } from '../../reference/index.js';
import { weeksOfMonths } from '../weeks.js';
import { newBatch } from './buffers.js';
import { buildConditions, plantEffects } from './conditions.js';
import { EFTERLON, ENTRY_BASE, NSTATES, S, STATES } from './model.js';
import { Simulator } from './simulate.js';

/** Target full-time levels at full scale by state code (su: the register-size budget, see docs). */
const SU_TARGET = 170000;
const FULL_SCALE = 3_900_000;

function targetsByState(): number[] {
  return STATES.map((id, s) => (s === S.SU ? SU_TARGET : (benefitGroups.find((g) => g.id === id)?.approxNationalFulltime ?? 0)));
}

/** Full-time level per state over the window, scaled to FULL_SCALE persons; plus person-weeks and timing. */
function measureLevels(persons: number, seed: number, from = '2021-01', to = '2025-12'): { levels: number[]; rows: number; ms: number } {
  const { first, last } = weeksOfMonths(from, to);
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  const { planted, late } = plantEffects(seed);
  const sim = new Simulator({ seed, w0: first, w1: last, years, conditions: buildConditions(), planted, lateJobcenters: new Set(late.map((l) => l.jobcenter)) }, persons);
  const weeks = new Float64Array(NSTATES);
  const batch = newBatch();
  const t0 = Date.now();
  for (let pid = 1; pid <= sim.nTotal; pid++) {
    sim.person(pid, batch);
    if (batch.segments.n > 1 << 20 || pid === sim.nTotal) {
      const [, , n, , st] = batch.segments.cols;
      for (let i = 0; i < batch.segments.n; i++) weeks[st![i]!]! += n![i]!;
      batch.segments.clear();
      batch.activities.clear();
      batch.persons.clear();
    }
  }
  const nWeeks = last - first + 1;
  const scale = FULL_SCALE / persons;
  return { levels: Array.from(weeks, (w) => (w / nWeeks) * scale), rows: weeks.reduce((a, b) => a + b, 0), ms: Date.now() - t0 };
}

async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 150000);
  const iterations = Number(process.argv[3] ?? 6);
  const targets = targetsByState();
  for (let it = 0; it < iterations; it++) {
    const { levels, rows, ms } = measureLevels(persons, 1000 + it);
    console.log(`iteration ${it}: ${ms} ms, ${rows} rows`);
    for (let s = 1; s < NSTATES; s++) {
      const ratio = targets[s]! / Math.max(1, levels[s]!);
      console.log(`  ${STATES[s]!.padEnd(30)} ${Math.round(levels[s]!).toString().padStart(8)} / ${targets[s]} (${(100 / ratio).toFixed(0)} %)`);
      // Damped multiplicative update; chained groups (e.g. ledighedsydelse) have no direct entry to tune.
      if (s === S.EFT) EFTERLON.take = Math.min(0.95, EFTERLON.take * Math.pow(ratio, 0.7));
      else if (ENTRY_BASE[s]! > 0) ENTRY_BASE[s] = ENTRY_BASE[s]! * Math.pow(ratio, 0.7);
    }
    console.log(`  ENTRY_BASE = [${ENTRY_BASE.map((b) => Number(b.toPrecision(3))).join(', ')}]; EFTERLON.take = ${EFTERLON.take.toFixed(3)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
