/**
 * The browser's door to the benchmarking (web/ imports this file and nothing else of the
 * module): the savings' wording and the schemas of the benchmarking API's answers. Values only
 * from files that import nothing Node-specific.
 */
export { mioKr, savingsMethod, savingsSentence, savingsTotal } from './savings-text.js';
export { jobcenterResponse, overviewResponse, problemsResponse, rankingResponse } from './responses.js';
