export * from './release.repository.js';
export * from './series.js';
export type { DatasetShape, Release, ReleaseSummary } from './release.table.js';
export { publishCube, type PublishInput } from './publish.js';
