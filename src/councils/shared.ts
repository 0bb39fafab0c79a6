/**
 * The browser's door to the councils (web/ imports this file and nothing else of the
 * module): the council types and seats with their Danish names. No dependencies.
 */
export { councilTypeNames, seatNames, type CouncilType } from './composition.js';
