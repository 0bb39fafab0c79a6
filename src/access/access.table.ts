import type { ColumnType, Generated } from 'kysely';

export type OrganisationKind = 'national_agency' | 'employment_region' | 'jobcenter' | 'council' | 'labour_market_org';

/** A user's role; policy.ts lists them (`roles`) and says what each may do. */
export type Role = 'national_admin' | 'regional_monitor' | 'jobcenter_editor' | 'jobcenter_reader' | 'council_member';

export interface OrganisationTable {
  id: Generated<number>;
  code: string;
  kind: OrganisationKind;
  name: string;
  area: string | null;
}

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  organisation_id: number;
  role: Role;
  password_hash: string | null;
  created_at: ColumnType<Date, never, never>;
  disabled_at: Date | null;
  version: Generated<number>;
  /** How notifications are mailed: immediate, daily, weekly or none. */
  notify: Generated<string>;
}

export interface InvitationTable {
  token_hash: string;
  user_id: number;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  used_at: Date | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<Date, never, never>;
  actor_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  organisation_id: number | null;
  details: ColumnType<Record<string, unknown>, string, never>;
}

export interface OidcLoginTable {
  state: string;
  code_verifier: string;
  nonce: string;
  next: string;
  expires_at: Generated<Date>;
}
