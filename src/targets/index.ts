/** Targets of the steering documents: bound to indicators of the statistics bank, with status and forecast. */
export { targetSchema, indicatorSchema, goalSchema, isMeasurable, targetValue, type Target, type Indicator, type Goal } from './target.js';
export { forecast, probabilityOfMeeting, type Forecast, type SeriesPoint } from './forecast.js';
export { evaluateTarget, statusLabels, ON_TRACK, OFF_TRACK, type TargetStatus, type TargetEvaluation } from './status.js';
export { readIndicator, IndicatorError } from './indicator.js';
export { describeTarget, describeIndicator, areaLabel } from './describe.js';
export { TargetEvaluator } from './evaluate.js';
export { freqOf } from './periods.js';
