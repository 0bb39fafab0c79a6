/** The access API's answers (access.routes.ts), which the web app parses. Zod and policy.ts only. */
import { z } from 'zod';
import { instant } from '../server/shared.js';
import { roles } from './policy.js';

const organisation = z.object({ id: z.number(), code: z.string(), kind: z.string(), name: z.string(), area: z.string().nullable() });

/** A user as the API shows one (no password, no sessions). */
const user = z.object({ id: z.number(), email: z.string(), name: z.string(), role: z.enum(roles), organisation, disabled: z.boolean(), active: z.boolean(), version: z.number() });

/** GET, POST /api/session and POST /api/invitations/:token: who is logged in, the CSRF token and what the role may do (permission → scope). */
export const sessionResponse = z.object({
  user: user.nullable(),
  csrf_token: z.string().nullable(),
  /** Login through an identity provider, when the server has one. */
  oidc: z.object({ label: z.string(), login: z.string() }).nullable(),
  permissions: z.record(z.string(), z.enum(['any', 'own_area'])),
});

export const organisationsResponse = z.array(organisation);
/** PATCH /api/users/:id. */
export const userResponse = user;
export const usersResponse = z.array(user);
/** POST /api/users: the invited user, and the link to pass on when no mail went out. */
export const invitedResponse = z.object({ user, invitation_url: z.string(), mailed: z.boolean() });

/** GET /api/audit: newest first. */
export const auditResponse = z.array(
  z.object({
    id: z.number(),
    at: instant,
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entity_id: z.string().nullable(),
    /** The organisation's code and, for people, its name. */
    organisation: z.string().nullable(),
    organisation_name: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  }),
);
