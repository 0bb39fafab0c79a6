export { followupRoutes, type FollowupRoutesOptions } from './followup.routes.js';
export { generateFollowupReports, quarterOf, type GenerateResult } from './report.js';
export { followupHooks } from './notify.js';
export { ensureDemoFollowup } from './demo.js';
export { followedJobcenters, followupDates } from './cases.js';
export { generateAnalysisReports } from './analysis.js';
