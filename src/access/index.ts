/**
 * Access: organisations, users and roles, sessions, the access table (policy.ts) and its
 * enforcement on every route (guard.ts), and the audit log.
 */
export { accessRoutes, type AccessRoutesOptions } from './access.routes.js';
export { audit, listAudit, type AuditActor, type AuditEntry } from './audit.js';
export { accessError, installGuard, permit, SESSION_COOKIE, type Principal } from './guard.js';
export { HttpError, parseOr400, sendErrors } from './http.js';
export type { OrganisationKind, Role } from './access.table.js';
export { areaWithin, ensureOrganisations, organisationSeeds } from './organisations.js';
export { actors, permissions, policy, roleNames, roles, scopeOf, type Actor, type Permission, type Scope } from './policy.js';
export { AccessError, inviteUser, listOrganisations, listUsers, login, setPassword, updateUser, type Organisation, type User } from './users.js';
export { ensureDemoUsers, demoUsers, DEMO_PASSWORD } from './demo-users.js';
export { invitationText, sendInvitation } from './invitation.js';
