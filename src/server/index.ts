export { buildServer, type ServerDeps } from './app.js';
export type { DemoState } from './start-page.js';
