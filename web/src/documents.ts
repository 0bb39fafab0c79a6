/** The steering documents' API shapes (src/documents) and shared words for the pages. */
import type { z } from 'zod';
import type { AnalysisContent, Approval, areaTargetsResponse, auditContent, AuditGenerated, ContentIssue, DocumentKind, DocumentState, documentSummarySchema, documentViewResponse, Figure, goalsResponse, GrantPlanContent, ImplementationPlanContent, IndicatorRow, KindSection, PlanContent, RulesContent, TransitionName as Transition } from '../../src/documents/shared';
import type { Forecast, Indicator, Target, TargetEvaluation, TargetStatus } from '../../src/targets/shared';

export type { AnalysisContent, AuditGenerated, Approval, ContentIssue, DocumentKind, Figure, DocumentState, Forecast, GrantPlanContent, ImplementationPlanContent, Indicator, IndicatorRow, KindSection, PlanContent, RulesContent, Target, TargetEvaluation, TargetStatus, Transition };
export type Freq = Indicator['freq'];
export type GoalKind = NonNullable<Target['goal']>['kind'];

// The Danish words are the server's (dependency-free files).
export { kindNames, kindSpec, kroner, planTotal, responseApprovalNames, planLastYear, stateNames, statusTargetText, statusYearText } from '../../src/documents/shared';
export { statusLabels } from '../../src/targets/shared';
export const statusOrder: TargetStatus[] = ['met', 'missed', 'on_track', 'at_risk', 'off_track', 'no_data', 'not_measurable'];
const statusBadge: Record<TargetStatus, string> = { met: 'badge-success', missed: 'badge-error', on_track: 'badge-success', at_risk: 'badge-warning', off_track: 'badge-error', not_measurable: '', no_data: 'badge-info' };
const stateBadge: Record<DocumentState, string> = { draft: 'badge-info', in_hearing: 'badge-warning', approved: 'badge-success', published: 'badge-success' };
export const statusClass = (s: TargetStatus) => `badge status-badge ${statusBadge[s]}`.trim();
export const stateClass = (s: DocumentState) => `badge ${stateBadge[s]}`;

export type DocumentSummary = z.output<typeof documentSummarySchema>;
/** A results audit's content, its generated part typed. */
export type AuditContent = z.output<typeof auditContent>;

/** What GET /api/documents/:id sends: the document as readers see it, with the user's permissions and open transitions. */
export type DocumentView = z.output<typeof documentViewResponse>;
export type TargetView = DocumentView['targets'][number];

export type AreaTargets = z.output<typeof areaTargetsResponse>[number];
export type TargetRow = AreaTargets['targets'][number];

export type MinisterialGoal = z.output<typeof goalsResponse>[number]['goals'][number];

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
