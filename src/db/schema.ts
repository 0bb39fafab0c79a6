import type { Generated } from 'kysely';
import type { AppUserTable, AuditLogTable, InvitationTable, OidcLoginTable, OrganisationTable, SessionTable } from '../access/access.table.js';
import type { BenchmarkFlagTable, BenchmarkPeerTable, BenchmarkRunTable, BenchmarkSeriesTable, FrameworkConditionsTable } from '../benchmark/benchmark.table.js';
import type { DocumentTable, DocumentVersionTable, MinisterialGoalTable } from '../documents/documents.table.js';
import type { ReleaseDatasetTable, ReleaseSeriesTable, ReleaseTable, ReleaseTableTable } from '../indicators/release/release.table.js';

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

/** Every table of the database, by name. */
export interface Database {
  release: ReleaseTable;
  release_dataset: ReleaseDatasetTable;
  release_series: ReleaseSeriesTable;
  release_table: ReleaseTableTable;
  api_key: ApiKeyTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  invitation: InvitationTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  oidc_login: OidcLoginTable;
  framework_conditions: FrameworkConditionsTable;
  benchmark_run: BenchmarkRunTable;
  benchmark_peer: BenchmarkPeerTable;
  benchmark_series: BenchmarkSeriesTable;
  benchmark_flag: BenchmarkFlagTable;
  ministerial_goal: MinisterialGoalTable;
  document: DocumentTable;
  document_version: DocumentVersionTable;
}
