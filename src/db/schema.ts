import type { Generated } from 'kysely';
import type { AppUserTable, AuditLogTable, InvitationTable, OidcLoginTable, OrganisationTable, SessionTable } from '../access/access.table.js';
import type { BenchmarkFlagTable, BenchmarkPeerTable, BenchmarkRunTable, BenchmarkSeriesTable, FrameworkConditionsTable } from '../benchmark/benchmark.table.js';
import type { DocumentTable, DocumentVersionTable, MinisterialGoalTable } from '../documents/documents.table.js';
import type { CouncilMemberTable, CouncilMilestoneTable, CouncilTable } from '../councils/councils.table.js';
import type { MeetingFileTable, MeetingTable, MeetingVersionTable } from '../meetings/meetings.table.js';
import type { HearingBodyTable, HearingCommentTable, HearingResponseVersionTable, HearingTable } from '../hearings/hearings.table.js';
import type { CalendarFeedTable, DeadlineOverrideTable, StepDoneTable, YearEraTable } from '../calendar/calendar.table.js';
import type { NotificationTable } from '../notifications/notifications.table.js';
import type { CouncilGrantTable, GrantAccountTable } from '../grants/grants.table.js';
import type { CooperationAgreementFileTable, CooperationAgreementTable, CooperationAgreementVersionTable } from '../cooperation/cooperation.table.js';
import type { FollowupCaseTable, FollowupRecommendationTable, FollowupStepTable } from '../followup/followup.table.js';
import type { ReleaseDatasetTable, ReleaseSeriesTable, ReleaseTable, ReleaseTableTable } from '../indicators/release/release.table.js';

interface ApiKeyTable {
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
  council: CouncilTable;
  council_member: CouncilMemberTable;
  council_milestone: CouncilMilestoneTable;
  meeting: MeetingTable;
  meeting_version: MeetingVersionTable;
  meeting_file: MeetingFileTable;
  hearing: HearingTable;
  hearing_body: HearingBodyTable;
  hearing_response_version: HearingResponseVersionTable;
  hearing_comment: HearingCommentTable;
  deadline_override: DeadlineOverrideTable;
  year_era: YearEraTable;
  step_done: StepDoneTable;
  calendar_feed: CalendarFeedTable;
  notification: NotificationTable;
  followup_case: FollowupCaseTable;
  followup_step: FollowupStepTable;
  followup_recommendation: FollowupRecommendationTable;
  council_grant: CouncilGrantTable;
  grant_account: GrantAccountTable;
  cooperation_agreement: CooperationAgreementTable;
  cooperation_agreement_version: CooperationAgreementVersionTable;
  cooperation_agreement_file: CooperationAgreementFileTable;
}
