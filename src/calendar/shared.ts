/**
 * The browser's door to the calendar (web/ imports this file and nothing else of the
 * module): the yearly steps and the schemas of the calendar API's answers. Values only from
 * files that import nothing Node-specific (eras/eras.ts imports nothing).
 */
export { allSteps, eras, stepLabel } from '../eras/shared.js';
export { boardResponse, deadlinesResponse, feedTokenResponse, markResponse, milestoneResponse, milestonesResponse } from './responses.js';
