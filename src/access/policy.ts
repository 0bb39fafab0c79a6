/**
 * Who may do what: THE access table. Every route names one permission (route config
 * `permission`); the guard (guard.ts) checks it against this table on the server, and
 * test/access/matrix.test.ts walks every route × every role.
 *
 * Scopes: `any` — everywhere; `own_area` — only for areas inside the area of the user's
 * organisation (a regional monitor's employment region, a jobcenter's own area).
 */
import type { Role } from './access.table.js';

/** The list, when it names every member of the union U (a member left out does not compile). */
const every = <U extends string>() => <const L extends readonly U[]>(list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : { missing: Exclude<U, L[number]> })): L => list;

/** Every role (the column's type, `Role`, is in access.table.ts), in the order the pages list them. */
export const roles = every<Role>()(['national_admin', 'regional_monitor', 'jobcenter_editor', 'jobcenter_reader', 'council_member']);
/** A role, or `public` for a visitor who is not logged in. */
export type Actor = Role | 'public';
export const actors: readonly Actor[] = [...roles, 'public'];

export const roleNames: Record<Actor, string> = {
  national_admin: 'Landsadministrator',
  regional_monitor: 'Regional opfølgning',
  jobcenter_editor: 'Jobcenterredaktør',
  jobcenter_reader: 'Jobcenterlæser / politiker',
  council_member: 'Rådsmedlem',
  public: 'Offentligheden (ikke logget ind)',
};

export type Scope = 'any' | 'own_area';

const everyone = { public: 'any', national_admin: 'any', regional_monitor: 'any', jobcenter_editor: 'any', jobcenter_reader: 'any', council_member: 'any' } as const;
const loggedIn = { national_admin: 'any', regional_monitor: 'any', jobcenter_editor: 'any', jobcenter_reader: 'any', council_member: 'any' } as const;

export const policy = {
  /** Published statistics: the statistics bank, its API, jobcenter pages, releases. */
  'statistics.read': everyone,
  /** Log in, read one's own session, accept an invitation. */
  'session.create': everyone,
  /** Log out, see oneself. */
  'session.own': loggedIn,
  /** The list of organisations (to pick from). */
  'organisations.read': loggedIn,
  /** Users and their roles. */
  'users.read': { national_admin: 'any', regional_monitor: 'own_area' },
  /** Invite users, change roles and organisations, disable accounts. */
  'users.manage': { national_admin: 'any' },
  /** Benchmarking: expected levels, rankings, peer clusters, the model (derived from published statistics). */
  'benchmark.read': everyone,
  /** Result problems (flags with their evidence), for those who follow up on them. */
  'result_problems.read': { national_admin: 'any', regional_monitor: 'own_area', jobcenter_editor: 'own_area', jobcenter_reader: 'own_area', council_member: 'own_area' },
  /** Published steering documents (plans, audits, regional targets), ministerial goals and target status. */
  'documents.read': everyone,
  /** Documents not yet published, within one's area (council members: their council's jobcenter). */
  'documents.drafts': { national_admin: 'any', regional_monitor: 'own_area', jobcenter_editor: 'own_area', jobcenter_reader: 'own_area', council_member: 'own_area' },
  /** Write and move documents through their states: a jobcenter's plan and audit; a region's implementation plan. */
  'documents.edit': { national_admin: 'any', regional_monitor: 'own_area', jobcenter_editor: 'own_area' },
  /** Write the comments (bemærkninger) of the LBR (council members) or the region (regional monitors). */
  'documents.comment': { national_admin: 'any', regional_monitor: 'own_area', council_member: 'own_area' },
  /** Publish the ministerial goals and draft all jobcenters' results audits. */
  'documents.manage': { national_admin: 'any' },
  /** The region's follow-up on the jobcenters: draft the quarter's follow-up reports, open and run cases on result problems, answer the LBRs' recommendations. */
  'followup.manage': { national_admin: 'any', regional_monitor: 'own_area' },
  /** Cases on result problems and the LBRs' recommendations: not public; a jobcenter and its LBR see their own. */
  'followup.read': { national_admin: 'any', regional_monitor: 'own_area', jobcenter_editor: 'own_area', jobcenter_reader: 'own_area', council_member: 'own_area' },
  /** An LBR's recommendation to the RBR that a special focus is put on areas (its members, and the jobcenter as its secretariat). */
  'followup.recommend': { national_admin: 'any', jobcenter_editor: 'own_area', council_member: 'own_area' },
  /** Councils, their members and composition, meetings' published agendas and minutes (open items), the yearly calendar and its board. */
  'councils.read': everyone,
  /** A council's secretariat (the jobcenter for its LBR, the region for its RBR) and chair: members, meetings, agendas, minutes, milestones. Checked per council on the server. */
  'councils.manage': { national_admin: 'any', regional_monitor: 'own_area', jobcenter_editor: 'own_area', council_member: 'own_area' },
  /** Take part in hearings: read the heard version and the comments, comment (members of a consulted body), draft and adopt the body's response. Checked per body on the server. */
  'hearings.take_part': { national_admin: 'any', regional_monitor: 'own_area', jobcenter_editor: 'own_area', jobcenter_reader: 'own_area', council_member: 'own_area' },
  /** A jobcenter's written cooperation agreements (samarbejdsaftaler): make, save, sign, review, terminate. */
  'cooperation.manage': { national_admin: 'any', jobcenter_editor: 'own_area' },
  /** Each LBR's yearly grant frame (LBR-midler), which the state sets. */
  'grants.manage': { national_admin: 'any' },
  /** Statutory deadlines that differ in a year. */
  'calendar.manage': { national_admin: 'any' },
  /** The audit log. */
  'audit.read': { national_admin: 'any', regional_monitor: 'own_area' },
} as const satisfies Record<string, Partial<Record<Actor, Scope>>>;

export type Permission = keyof typeof policy;
export const permissions = Object.keys(policy) as Permission[];

/** The scope `actor` has for `permission`, or null when denied. */
export function scopeOf(actor: Actor, permission: Permission): Scope | null {
  return (policy[permission] as Partial<Record<Actor, Scope>>)[actor] ?? null;
}
