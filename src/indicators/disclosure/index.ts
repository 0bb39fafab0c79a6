/**
 * Disclosure control: primary and secondary suppression of a dataset table
 * (docs/measures.md, "Disclosure").
 */
export { applyDisclosure, type ApplyDisclosureOptions, type DisclosureReport } from './apply.js';
export { relationFamilies, rollingMonths, type RelationDim, type RelationFamily, type RelationInput } from './relations.js';
