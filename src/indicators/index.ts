export * from './datasets.js';
export * from './release/index.js';
export { computeRelease, type ComputeReleaseInput, type ComputeReleaseResult } from './compute.js';
