export { buildServer, type DemoState, type ServerDeps } from './app.js';
export { ensureWebBuild } from './web.js';
