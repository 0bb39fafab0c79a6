/** The browser's door to the cooperation agreements (web/ imports this file and nothing else of the module): the answers' schemas. Zod only. */
export { agreementFileResponse, agreementResponse, agreementsResponse, agreementVersionsResponse } from './responses.js';
