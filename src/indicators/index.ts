export * from './datasets.js';
export * from './release/index.js';
export { computeRelease, type ComputeReleaseInput, type ComputeReleaseResult } from './compute.js';
export { rollingMonths } from './disclosure/index.js';
