export * from './release.repository.js';
export * from './series.js';
export type { DatasetShape, Release } from './release.table.js';
export { publishCube } from './publish.js';
