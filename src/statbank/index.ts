/**
 * The statistics bank: a Jobindsats-v3-shaped API over releases, its table catalogue,
 * API keys and the import of real Jobindsats responses. The module's only door.
 */
export { statbankRoutes } from './statbank.routes.js';
export { registerReleaseTables, tableDefinitions } from './tables.js';
export type { TableDefinition } from './table.schema.js';
export { importJobindsats } from './jobindsats-import.js';
export { createApiKey, revokeApiKey, listApiKeys, hashToken } from './api-key.repository.js';
export { StatbankService } from './statbank.service.js';
export { resolveSelection } from './statbank.query.js';
export { StatbankError } from './statbank.errors.js';
export { areaProfile, profileRoutes } from './profile.js';
export { clusterAreaName } from './area-hierarchy.js';
export { censoredSelfSupport, missingReason, noData } from './missing.js';
export { measureUnit, formatValue, targetAmount, periodName } from './units.js';
