/**
 * Disclosure control: primary and secondary suppression of a dataset table
 * (docs/measures.md, "Disclosure").
 */
export { applyDisclosure } from './apply.js';
export { rollingMonths } from './relations.js';
