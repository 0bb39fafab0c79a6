/**
 * The benchmarking against the planted truth on seed 31337, a seed not used to choose the
 * method (see truth.test.ts): it was looked at once, after the method and its settings were
 * fixed. The floors are the measured values, rounded down.
 */
import { truthCase } from './truth-case.js';

// Measured once, after the method was fixed: precision 0.93, recall 0.73 (11 of 15).
truthCase({ seed: 31337, role: 'a seed not used to choose the method', floor: { precision: 0.9, recall: 0.7 } });
