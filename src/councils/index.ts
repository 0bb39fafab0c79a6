/**
 * Councils (BER, RBR, LBR; RAR from 2015): composition rules per type and period, members
 * with substitutes and terms, the composition check, and who may act for a council.
 */
export { checkComposition, checkDate, compositionFor, rulesApplied, type CompositionProblem } from './composition.js';
export { councilAccess, councilUserIds, CouncilError, ensureCouncils, findCouncil, findCouncilById, hasMembers, isSecretariat, ownArea, listCouncils, seatedCouncilIds, secretariatUserIds, typeOfCode, type Council, type CouncilAccess } from './members.js';
export { councilRoutes } from './councils.routes.js';
export { ensureDemoCouncils } from './demo.js';
