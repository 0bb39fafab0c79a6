/**
 * The browser's door to the statistics bank (web/ imports this file and nothing else of
 * the module): values in their unit and periods in Danish. No dependencies.
 */
export { formatValue, periodName, targetAmount } from './units.js';
export { AREA_DIMENSION, areaParameter } from './vocabulary.js';
export { areasResponse, dataResponse, profileResponse, subjectsResponse, tableResponse, tablesResponse } from './responses.js';
