/**
 * The browser's door to the councils (web/ imports this file and nothing else of the
 * module): the council types and seats with their Danish names, and the schemas of the
 * councils API's answers. Zod and the documents' door only.
 */
export { councilTypeNames, councilTypes, seatNames, type CouncilType } from './composition.js';
export { councilResponse, councilsResponse, memberResponse, removedResponse } from './responses.js';
