/**
 * The benchmarking against the planted truth: on the demo register (195 000 persons,
 * 2021–2025) with the documented seed 2026 (here), and with seed 31337, which was looked at
 * once, after the method and its settings were fixed (on seeds 2026, 4711, 9001, 7919,
 * 60606; truth-unseen.test.ts). The target: precision and recall of the result-problem
 * flags ≥ 0.9 for the serious effects (see the generator's PlantedEffect). The floors are
 * the measured values, rounded down: they guard against getting worse. See
 * src/benchmark/README.md for all seeds.
 */
import { demoRegister } from '../../src/register/index.js';
import { truthCase } from './truth-case.js';

// Measured: precision 0.94 (17 of 18 flags; 0.89 counting J730's førtidspension, a consequence
// of its planted sygedagpenge effect, as a false alarm), recall 1.00 (15 of 15).
truthCase({ seed: demoRegister.seed, role: 'the demo seed', floor: { precision: 0.9, recall: 0.95 } });
