/** The browser's door to the grants (web/ imports this file and nothing else of the module): the schemas of the grants API's answers. Zod only. */
export { accountResponse, accountsResponse, frameResponse, framesResponse } from './responses.js';
