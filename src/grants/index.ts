/** The LBRs' grants (LBR-midler): frames, the rules the grant plan moves by, and each initiative's accounts. */
export { frameOf, grantHooks, listFrames, setFrame, type GrantFrame } from './grants.js';
export { grantRoutes } from './grants.routes.js';
export { ensureDemoGrants } from './demo.js';
export { grantDates, listAccounts, type InitiativeAccount } from './accounts.js';
