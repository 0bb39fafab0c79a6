export * from './datasets.js';
export * from './release/index.js';
export { computeRelease } from './compute.js';
export { rollingMonths } from './disclosure/index.js';
