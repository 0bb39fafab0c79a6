/**
 * Councils (BER, RBR, LBR; RAR from 2015): composition rules per type and period, members
 * with substitutes and terms, the composition check, and who may act for a council.
 */
export { checkComposition, compositionFor, compositions, councilTypeNames, councilTypes, rulesApplied, seatNames, type Composition, type CompositionProblem, type CouncilType } from './composition.js';
export {
  addMember,
  councilAccess,
  councilUserIds,
  CouncilError,
  ensureCouncils,
  findCouncil,
  findCouncilById,
  isDouble,
  isSecretariat,
  listCouncils,
  listMembers,
  memberSchema,
  seatedCouncilIds,
  secretariatUserIds,
  typeOfCode,
  updateMember,
  type Council,
  type CouncilAccess,
  type Member,
} from './members.js';
export { councilRoutes } from './councils.routes.js';
export { ensureDemoCouncils } from './demo.js';
