/** The LBRs' grants (LBR-midler): frames, and the rules the grant plan moves by. */
export { frameOf, grantHooks, listFrames, setFrame, type GrantFrame } from './grants.js';
export { grantRoutes } from './grants.routes.js';
