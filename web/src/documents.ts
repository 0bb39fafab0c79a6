/** The steering documents' API shapes (src/documents) and shared words for the pages. */
export type DocumentKind = 'employment_plan' | 'results_audit' | 'implementation_plan';
export type DocumentState = 'draft' | 'in_hearing' | 'approved' | 'published';
export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'not_measurable' | 'no_data';
export type Freq = 'M' | 'Q' | 'Y' | 'R';

export const kindNames: Record<DocumentKind, string> = {
  employment_plan: 'Beskæftigelsesplan',
  results_audit: 'Resultatrevision',
  implementation_plan: 'Regionale mål og implementeringsplan',
};
export const stateNames: Record<DocumentState, string> = { draft: 'Kladde', in_hearing: 'I høring', approved: 'Godkendt', published: 'Offentliggjort' };
export const statusLabels: Record<TargetStatus, string> = {
  met: 'Nået',
  on_track: 'På vej',
  at_risk: 'I risiko',
  off_track: 'Ikke på vej',
  not_measurable: 'Ikke målbart',
  no_data: 'Ingen data',
};
export const statusOrder: TargetStatus[] = ['met', 'on_track', 'at_risk', 'off_track', 'no_data', 'not_measurable'];
const statusBadge: Record<TargetStatus, string> = { met: 'badge-success', on_track: 'badge-success', at_risk: 'badge-warning', off_track: 'badge-error', not_measurable: '', no_data: 'badge-info' };
const stateBadge: Record<DocumentState, string> = { draft: 'badge-info', in_hearing: 'badge-warning', approved: 'badge-success', published: 'badge-success' };
export const statusClass = (s: TargetStatus) => `badge status-badge ${statusBadge[s]}`.trim();
export const stateClass = (s: DocumentState) => `badge ${stateBadge[s]}`;

export interface Approval {
  date: string;
  decision: string;
}

export interface DocumentSummary {
  id: number;
  kind: DocumentKind;
  area: string;
  area_name: string;
  year: number;
  state: DocumentState;
  revision: number;
  updated_at: string;
  updated_by: string;
  published_at: string | null;
  approval: Approval | null;
}

export interface Indicator {
  table: string;
  measure: string;
  area: string;
  dims: Record<string, string>;
  freq: Freq;
}
export type GoalKind = 'level' | 'change' | 'relative_change';
export interface Target {
  title: string;
  indicator: Indicator | null;
  baseline: { period: string; value: number } | null;
  goal: { kind: GoalKind; value: number } | null;
  direction?: 'at_least' | 'at_most';
  deadline: string | null;
}
export interface Figure {
  label: string;
  indicator: Indicator;
  period: string | null;
}
export interface Comments {
  lbr: string;
  region: string;
}
export interface PlanContent {
  goals: { number: number; title: string; strategy: string; targets: Target[] }[];
  challenges: { title: string; text: string; figures: Figure[] }[];
  citizen: { strategy: string; targets: Target[] };
  business: { strategy: string; targets: Target[]; council_grants: string };
  other_actors: { share_pct: number | null; strategy: string };
  local_goals: { title: string; strategy: string; targets: Target[] }[];
  budget: { lines: { label: string; state: number | null; municipal: number | null }[]; note: string };
  comments: Comments;
}
export interface ImplementationPlanContent {
  goals: { title: string; implementation: string; targets: Target[] }[];
  comments?: Comments;
}
export interface AuditAnalysis {
  summary: string;
  results: string;
  goals: string;
  improvements: string;
}
export interface IndicatorRow {
  label: string;
  decimals: number;
  current: number | null;
  previous: number | null;
  cluster_current: number | null;
  cluster_previous: number | null;
}
export interface AuditGenerated {
  generated_at: string;
  release: { version: number; cutoff_week: string | null };
  run: number;
  year: number;
  period: string;
  previous_period: string;
  jobcenter: { id: string; name: string; region: { id: string; name: string } | null };
  cluster: { id: string; number: number; members: { id: string; name: string }[] };
  neighbours: { id: string; name: string }[];
  overview: { measure: string; label: string; unit: string; decimals: number; current: number | null; previous: number | null; cluster: number | null; expected: number | null; ratio: number | null; rank: number | null }[];
  goals: { year: number | null; items: { number: number; title: string; indicators: IndicatorRow[] }[] };
  benefits: (IndicatorRow & { id: string; level: 'total' | 'category' | 'group' })[];
  savings: { period: string; rows: { category: string; label: string; fulltime: number; dkk: number; fulltime_best: number; dkk_best: number }[]; total_dkk: number };
  improvements: { measure: string; label: string; text: string }[];
  plan: { id: number; year: number; state: string; targets: { section: string; title: string; description: string; status: TargetStatus; status_label: string; reason: string }[] } | null;
  text: Record<'overview' | 'goals' | 'benefits' | 'savings' | 'improvements' | 'plan', string>;
}
export interface AuditContent {
  generated: AuditGenerated;
  analysis: AuditAnalysis;
  comments: Comments;
}

export interface Forecast {
  period: string;
  value: number;
  lower: number;
  upper: number;
  level: number;
}
export interface TargetEvaluation {
  status: TargetStatus;
  target: { value: number; direction: 'at_least' | 'at_most' } | null;
  latest: { period: string; value: number } | null;
  forecast: Forecast | null;
  probability: number | null;
  reason: string;
}
export interface TargetView {
  path: string;
  section: string;
  evaluation: TargetEvaluation;
  series: { period: string; value: number | null }[];
}
export interface ContentIssue {
  path: string;
  message: string;
}
export interface DocumentView {
  document: DocumentSummary & { content: unknown; created_at: string };
  title: string;
  area_name: string;
  state_name: string;
  release: { version: number; cutoff_week: string | null } | null;
  check: { missing: ContentIssue[]; notes: ContentIssue[] };
  targets: TargetView[];
  figures: { path: string; label: string; period: string | null; value: number | null; note: string | null }[];
  may_edit: boolean;
  may_comment: boolean;
  transitions: { id: Transition; label: string }[];
}
export type Transition = 'send_to_hearing' | 'reopen' | 'approve' | 'publish';

export interface TargetRow {
  path: string;
  section: string;
  title: string;
  status: TargetStatus;
  reason: string;
  target: { value: number; direction: 'at_least' | 'at_most' } | null;
  latest: { period: string; value: number } | null;
  probability: number | null;
  deadline: string | null;
}
export interface AreaTargets {
  document: DocumentSummary;
  release: { version: number; cutoff_week: string | null } | null;
  targets: TargetRow[];
}

export interface MinisterialGoal {
  number: number;
  title: string;
  description: string;
  indicators: { label: string; table: string; measure: string; dims: Record<string, string>; freq: Freq }[];
}

/** The id of the form field that holds a content path (for the error summary's links). */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** A content path's field id, or of the nearest field that exists on the page. */
export function focusPath(path: string): void {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

export const emptyTarget = (): Target => ({ title: '', indicator: null, baseline: null, goal: null, deadline: null });

export const dateTime = (s: string) => new Date(s).toLocaleString('da-DK', { dateStyle: 'short', timeStyle: 'short' });
