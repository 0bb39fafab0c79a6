/** Targets of the steering documents: bound to indicators of the statistics bank, with status and forecast. */
export { targetSchema, indicatorSchema, isMeasurable, targetValue, type Target, type Indicator } from './target.js';
export { forecast, probabilityOfMeeting, type SeriesPoint } from './forecast.js';
export { evaluateTarget, meets, statusLabels, type TargetStatus } from './status.js';
export { readIndicator, IndicatorError } from './indicator.js';
export { describeTarget, describeIndicator } from './describe.js';
export { TargetEvaluator } from './evaluate.js';
export { freqOf, isYearEnd, yearEnd } from './periods.js';
