/**
 * The statistics bank: a Jobindsats-v3-shaped API over releases, its table catalogue,
 * API keys and the import of real Jobindsats responses. The module's only door.
 */
export { statbankRoutes, type StatbankRoutesOptions } from './statbank.routes.js';
export { registerReleaseTables, tableDefinitions, type ReleaseTableEntry } from './tables.js';
export { tableDefinitionSchema, hierarchyIds, type TableDefinition, type DimensionDefinition, type DimensionValue, type HierarchyId } from './table.schema.js';
export { importJobindsats, type JobindsatsImportOptions } from './jobindsats-import.js';
export { createApiKey, revokeApiKey, listApiKeys, verifyApiKey, hashToken, type ApiKeyInfo } from './api-key.repository.js';
export { StatbankService, type DataResult, type CatalogueEntry } from './statbank.service.js';
export { resolveSelection, type Selection } from './statbank.query.js';
export { compileTable, type CompiledTable } from './table.compile.js';
export { toCsv, toJson } from './statbank.format.js';
export { queryHelp } from './table.describe.js';
export { StatbankError } from './statbank.errors.js';
export { areaProfile, profileRoutes } from './profile.js';
export { clusterAreaId, clusterAreaName } from './area-hierarchy.js';
export { censoredSelfSupport, missingReason, noData } from './missing.js';
export { measureUnit, formatValue, targetAmount, periodName, type MeasureUnit } from './units.js';
