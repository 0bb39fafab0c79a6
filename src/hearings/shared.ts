/**
 * The browser's door to the hearings (web/ imports this file and nothing else of the module):
 * the schemas of the hearings API's answers. Zod and the documents' door only.
 */
export { commentResponse, hearingResponse, openHearingsResponse, responseStateSchema, responseVersionsResponse, storedResponse, withdrawnResponse } from './responses.js';
