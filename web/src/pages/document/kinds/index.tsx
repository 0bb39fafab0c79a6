/**
 * The editors of kinds with widgets of their own (src/documents/kinds). Any other kind is
 * edited by SectionsEditor from its sections list, so a new kind needs no line here.
 */
import type { ReactNode } from 'react';
import { kindSpec, type AnalysisContent, type AuditContent, type DocumentKind, type DocumentView, type GrantPlanContent, type ImplementationPlanContent, type PlanContent, type RulesContent } from '../../../documents';
import type { EditorProps } from '../fields';
import { AnalysisReportEditor } from './AnalysisReport';
import { FollowupReportEditor } from './FollowupReport';
import { GrantAccounts } from './GrantAccounts';
import { GrantPlanEditor } from './GrantPlan';
import type { FollowupContent } from '../../../../../src/documents/shared';
import { EmploymentPlanEditor } from './EmploymentPlan';
import { ImplementationPlanEditor } from './ImplementationPlan';
import { ResultsAuditEditor } from './ResultsAudit';
import { RulesOfProcedureEditor } from './RulesOfProcedure';
import { SectionsEditor } from './Sections';
import { StatusReport } from './StatusReport';

type Editor = (p: EditorProps<unknown>) => ReactNode;

const own = {
  employment_plan: (p) => <EmploymentPlanEditor {...(p as EditorProps<PlanContent>)} />,
  results_audit: (p) => <ResultsAuditEditor {...(p as EditorProps<AuditContent>)} />,
  implementation_plan: (p) => <ImplementationPlanEditor {...(p as EditorProps<ImplementationPlanContent>)} />,
  rules_of_procedure: (p) => <RulesOfProcedureEditor {...(p as EditorProps<RulesContent>)} />,
  analysis_report: (p) => <AnalysisReportEditor {...(p as EditorProps<AnalysisContent>)} />,
  followup_report: (p) => <FollowupReportEditor {...(p as EditorProps<FollowupContent>)} />,
  grant_plan: (p) => <GrantPlanEditor {...(p as EditorProps<GrantPlanContent>)} />,
} satisfies Partial<Record<DocumentKind, Editor>>;

/** What a kind shows after its content, outside the content's form: a plan's status on its targets year by year, a grant plan's accounts once adopted. */
const panels = {
  employment_plan: (v) => <StatusReport view={v} />,
  grant_plan: (v) => (v.document.state === 'approved' || v.document.state === 'published' ? <GrantAccounts docId={v.document.id} /> : null),
} satisfies Partial<Record<DocumentKind, (v: DocumentView) => ReactNode>>;

export const panelFor = (kind: DocumentKind, v: DocumentView): ReactNode => (panels as Partial<Record<DocumentKind, (v: DocumentView) => ReactNode>>)[kind]?.(v) ?? null;

export function editorFor(kind: DocumentKind): Editor {
  return (own as Partial<Record<DocumentKind, Editor>>)[kind] ?? ((p) => <SectionsEditor {...p} sections={kindSpec(kind).sections(p.content)} />);
}
