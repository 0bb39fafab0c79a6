/** The steering documents' API shapes (src/documents) and shared words for the pages. */
import type { AnalysisContent, Approval, AuditGenerated, ContentIssue, DocumentKind, DocumentState, DocumentView as ServerView, Figure, ImplementationPlanContent, IndicatorRow, KindSection, PlanContent, RulesContent, TransitionName as Transition } from '../../src/documents/shared';
import type { Forecast, Indicator, Target, TargetEvaluation, TargetStatus } from '../../src/targets/shared';

export type { AnalysisContent, AuditGenerated, Approval, ContentIssue, DocumentKind, Figure, DocumentState, Forecast, ImplementationPlanContent, Indicator, IndicatorRow, KindSection, PlanContent, RulesContent, Target, TargetEvaluation, TargetStatus, Transition };
export type Freq = Indicator['freq'];
export type GoalKind = NonNullable<Target['goal']>['kind'];

// The Danish words are the server's (dependency-free files).
export { kindNames, kindSpec, responseApprovalNames, stateNames } from '../../src/documents/shared';
export { statusLabels } from '../../src/targets/shared';
export const statusOrder: TargetStatus[] = ['met', 'missed', 'on_track', 'at_risk', 'off_track', 'no_data', 'not_measurable'];
const statusBadge: Record<TargetStatus, string> = { met: 'badge-success', missed: 'badge-error', on_track: 'badge-success', at_risk: 'badge-warning', off_track: 'badge-error', not_measurable: '', no_data: 'badge-info' };
const stateBadge: Record<DocumentState, string> = { draft: 'badge-info', in_hearing: 'badge-warning', approved: 'badge-success', published: 'badge-success' };
export const statusClass = (s: TargetStatus) => `badge status-badge ${statusBadge[s]}`.trim();
export const stateClass = (s: DocumentState) => `badge ${stateBadge[s]}`;

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

export interface Comments {
  lbr: string;
  region: string;
}
export interface AuditAnalysis {
  summary: string;
  results: string;
  goals: string;
  improvements: string;
}
export interface AuditContent {
  generated: AuditGenerated;
  analysis: AuditAnalysis;
  comments: Comments;
}

/** A server type as JSON: its dates are strings. */
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** What GET /api/documents/:id sends: the server's view (src/documents/view.ts) with the user's permissions and open transitions. */
export type DocumentView = Json<ServerView> & {
  may_edit: boolean;
  may_comment: boolean;
  /** A hearing runs: the councils' comments are given as hearing responses. */
  hearing_runs: boolean;
  transitions: { id: Transition; label: string }[];
};
export type TargetView = DocumentView['targets'][number];

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
  /** The indicator's measure (its unit: src/statbank/units.ts); null when not measurable. */
  measure: string | null;
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

export { dateTime } from './format';
