export * from './datasets.js';
export * from './release/index.js';
