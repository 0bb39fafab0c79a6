/**
 * The browser's door to the benchmarking (web/ imports this file and nothing else of the
 * module): the savings' wording and a flag's type. Values only from files that import
 * nothing Node-specific.
 */
export { mioKr, savingsMethod, savingsSentence, savingsTotal } from './savings-text.js';
export type { Flag } from './benchmark.table.js';
