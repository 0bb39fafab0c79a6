/**
 * Access: organisations, users and roles, sessions, the access table (policy.ts) and its
 * enforcement on every route (guard.ts), and the audit log.
 */
export { accessRoutes } from './access.routes.js';
export { audit, type AuditActor } from './audit.js';
export { installGuard, permit } from './guard.js';
export { attachmentHeader, HttpError, parseOr400, parseUpload, sendErrors, uploadBodyLimit } from './http.js';
export type { Role } from './access.table.js';
export { areaWithin, ensureOrganisations, permittedIn } from './organisations.js';
export { actors, roleNames, roles, scopeOf, type Permission } from './policy.js';
export { AccessError, inviteUser, jobcenterEditors, listOrganisations, listUsers, setPassword, updateUser, type User } from './users.js';
export { ensureDemoUsers, demoUsers, DEMO_PASSWORD } from './demo-users.js';
export { sendInvitation } from './invitation.js';
