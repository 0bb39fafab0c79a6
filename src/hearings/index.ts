/** Hearings on plans and audits: comments by section, the bodies' formal responses, the approval guard. */
export { hearingHooks, hearingRuns, HearingService } from './hearings.js';
export { hearingRoutes } from './hearings.routes.js';
export { ensureDemoHearing } from './demo.js';
