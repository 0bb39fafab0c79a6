/**
 * One editor per document kind (src/documents/kinds): a new kind is its editor plus one line
 * here, and the compiler refuses a kind without one.
 */
import type { ReactNode } from 'react';
import { kindSpec, type AnalysisContent, type AuditContent, type DocumentKind, type ImplementationPlanContent, type PlanContent, type RulesContent } from '../../../documents';
import type { EditorProps } from '../fields';
import { AnalysisReportEditor } from './AnalysisReport';
import { EmploymentPlanEditor } from './EmploymentPlan';
import { ImplementationPlanEditor } from './ImplementationPlan';
import { ResultsAuditEditor } from './ResultsAudit';
import { RulesOfProcedureEditor } from './RulesOfProcedure';
import { SectionsEditor } from './Sections';

type Editor = (p: EditorProps<unknown>) => ReactNode;

export const editors = {
  employment_plan: (p) => <EmploymentPlanEditor {...(p as EditorProps<PlanContent>)} />,
  results_audit: (p) => <ResultsAuditEditor {...(p as EditorProps<AuditContent>)} />,
  implementation_plan: (p) => <ImplementationPlanEditor {...(p as EditorProps<ImplementationPlanContent>)} />,
  rules_of_procedure: (p) => <RulesOfProcedureEditor {...(p as EditorProps<RulesContent>)} />,
  followup_report: (p) => <SectionsEditor {...p} sections={kindSpec('followup_report').sections(p.content)} />,
  analysis_report: (p) => <AnalysisReportEditor {...(p as EditorProps<AnalysisContent>)} />,
} satisfies Record<DocumentKind, Editor>;
