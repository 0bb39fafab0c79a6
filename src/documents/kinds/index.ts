/**
 * Every document kind, one file each: a new kind is its file plus one line here, and the
 * compiler refuses a descriptor that lacks a part (`KindSpec`).
 */
import type * as Base from './base.js';
import type { KindSpec } from './base.js';
import { analysisReport } from './analysis_report.js';
import { employmentPlan } from './employment_plan.js';
import { followupReport } from './followup_report.js';
import { grantPlan } from './grant_plan.js';
import { implementationPlan } from './implementation_plan.js';
import { resultsAudit } from './results_audit.js';
import { rulesOfProcedure } from './rules_of_procedure.js';
import { writtenAgreement } from './written_agreement.js';

export const kinds = {
  employment_plan: employmentPlan,
  results_audit: resultsAudit,
  implementation_plan: implementationPlan,
  rules_of_procedure: rulesOfProcedure,
  followup_report: followupReport,
  analysis_report: analysisReport,
  written_agreement: writtenAgreement,
  grant_plan: grantPlan,
} satisfies Record<string, KindSpec>;

export type DocumentKind = keyof typeof kinds;
export const documentKinds = Object.keys(kinds) as [DocumentKind, ...DocumentKind[]];
export const kindNames = Object.fromEntries(documentKinds.map((k) => [k, kinds[k].name])) as Record<DocumentKind, string>;

/** A kind's descriptor, for the generic code (diff, hearing, check, render). */
export const kindSpec = (kind: DocumentKind): KindSpec => kinds[kind];

/** The kinds in use: those behind a feature only when it is switched on. */
export const enabledKinds = (features: readonly string[]): DocumentKind[] => documentKinds.filter((k) => {
  const f = kindSpec(k).feature;
  return !f || features.includes(f);
});

export type { AreaLevel, Approval, Figure, ContentCheck, ContentIssue, FigureView, HtmlSection, KindSection, KindSpec, LinkedView, NewContext, StatusReport, TargetView } from './base.js';
/** A stored document of one of the kinds. */
export type StoredDocument = Base.StoredDocument<DocumentKind>;
export type DocumentView = Base.DocumentView<DocumentKind>;
export type { PlanContent } from './employment_plan.js';
export type { AuditContent, AuditGenerated, IndicatorRow, OverviewRow } from './results_audit.js';
export type { ImplementationPlanContent } from './implementation_plan.js';
export type { RulesContent } from './rules_of_procedure.js';
export type { AnalysisContent, AnalysisGenerated } from './analysis_report.js';
export { analysisContentSchema } from './analysis_report.js';
export type { CountRow, FollowupContent, FollowupGenerated, KeyMeasureRow } from './followup_report.js';
export { followupContentSchema } from './followup_report.js';
export { grantPlanContentSchema, kroner, planTotal, type GrantPlanContent, type Initiative } from './grant_plan.js';
export { agreementContentSchema, followUpDates, type AgreementContent } from './written_agreement.js';
export { documentPeriodName, figureSchema } from './base.js';
export { planContentSchema, planLastYear, statusTargetText, statusYearText } from './employment_plan.js';
export { analysisLabels, auditContentSchema } from './results_audit.js';
export { responseApprovalNames } from './rules_of_procedure.js';
