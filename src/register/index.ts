/**
 * The person-level register: the synthetic generator, the DREAM importer and the ISO-week
 * utilities they share (see ../../docs/measures.md and ../shared/docs/measures.md).
 */
export { generate, type GenerateOptions, type GenerateSummary, type Progress, type Truth } from './generator/generate.js';
export * from './weeks.js';
export { importDream, DreamError, type ImportDreamOptions, type ImportDreamResult } from './dream/importDream.js';
export { demoRegister, demoYears } from './demo.js';
