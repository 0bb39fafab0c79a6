/**
 * The browser's door to the meetings (web/ imports this file and nothing else of the module):
 * the schemas of the meetings API's answers. Zod only.
 */
export { fileResponse, meetingResponse, meetingsResponse, meetingVersionsResponse } from './responses.js';
