/**
 * The browser's door to the targets (web/ imports this file and nothing else of the
 * module): the statuses' Danish names and the types of a target, its forecast and its
 * evaluation. Values only from files that import nothing (names.ts).
 */
export { statusLabels, type TargetStatus } from './names.js';
export type { Forecast } from './forecast.js';
export type { TargetEvaluation } from './status.js';
export type { Indicator, Target } from './target.js';
