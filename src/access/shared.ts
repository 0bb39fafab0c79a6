/**
 * The browser's door to access (web/ imports this file and nothing else of the module):
 * the roles and their Danish names, and the audit log's entry type. Values only from files
 * that import nothing Node-specific.
 */
export { roleNames, roles } from './policy.js';
export type { AuditEntry } from './audit.js';
