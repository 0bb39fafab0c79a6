export { buildServer, type DemoState, type ServerDeps } from './app.js';
export { ensureWebBuild, webDist } from './web.js';
export { notificationRound } from './notify.js';
export { demoNote, demoScalePercent } from './demo.js';
