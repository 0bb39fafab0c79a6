/**
 * The person-level register: the synthetic generator, the DREAM importer and the ISO-week
 * utilities they share (see ../../docs/measures.md and ../shared/docs/measures.md).
 */
export { generate, type GenerateSummary, type Truth } from './generator/generate.js';
export * from './weeks.js';
export { importDream } from './dream/importDream.js';
export { demoRegister, demoYears } from './demo.js';
