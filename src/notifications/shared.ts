/**
 * The browser's door to the notifications (web/ imports this file and nothing else of the
 * module): the schemas of the API's answers. Zod only.
 */
export { modeResponse, notificationsResponse, readResponse } from './responses.js';
