/**
 * The browser's door to the calendar (web/ imports this file and nothing else of the
 * module): the yearly steps and the status board's types. Values only from files that
 * import nothing Node-specific (deadlines.ts imports types only).
 */
export { steps, type Deadline } from './deadlines.js';
export type { Board, StepCell, StepStatus } from './status.js';
