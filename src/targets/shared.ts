/**
 * The browser's door to the targets (web/ imports this file and nothing else of the
 * module): the statuses' Danish names and the types of a target, its forecast and its
 * evaluation, and a target's schema. Values only from files that import nothing but zod (names.ts, target.ts).
 */
export { statusLabels, type TargetStatus } from './names.js';
export { isYearEnd } from './periods.js';
export type { Forecast } from './forecast.js';
export type { TargetEvaluation } from './status.js';
export { indicatorSchema, targetSchema, type Indicator, type Target } from './target.js';
export type { SeriesPoint } from './forecast.js';
export { forecastSchema, seriesPointSchema, targetEvaluationSchema, targetStatuses } from './responses.js';
