/** What the pages and every PDF say of the demo's numbers (demo mode only). */
import { municipalities } from '../reference/index.js';

/** A register of `persons` as a share of Denmark's 16–66-year-olds, in whole per cent (the demo's 195.000: 5). */
const demoScalePercent = (persons: number) => Math.round((100 * persons) / municipalities.reduce((s, m) => s + m.approxPopulation, 0));

export const demoNote = (persons: number) => `Demo: tallene er et syntetisk Danmark i ${demoScalePercent(persons)} % skala, ikke rigtige tal.`;
