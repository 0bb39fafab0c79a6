export { buildServer, type DemoState } from './app.js';
export { ensureWebBuild, webDist } from './web.js';
export { notificationRound } from './notify.js';
export { demoNote } from './demo.js';
