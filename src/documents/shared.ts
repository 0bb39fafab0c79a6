/**
 * The documents' door for the web app: the kinds (their sections lists and names), the states
 * and transitions, the results audit's footnote words, and the schemas of what the API sends.
 * Nothing here reaches Node or the database.
 */
export { documentKinds, kindNames, kindSpec, kroner, planTotal, type AnalysisContent, type AuditContent, type AuditGenerated, type IndicatorRow, type ContentCheck, type ContentIssue, type DocumentKind, type Figure, type GrantPlanContent, type ImplementationPlanContent, type KindSection, type PlanContent, type RulesContent } from './kinds/index.js';
export { analysisLabels, planLastYear, responseApprovalNames, statusTargetText, statusYearText } from './kinds/index.js';
export { documentStates, stateNames, transitions, type DocumentState, type TransitionName } from './names.js';
export { change, footnotes, noChange, notRated, scaledNote } from './audit-notes.js';
export type { Approval } from './kinds/index.js';
export type { DocumentSection } from './sections.js';
export { documentPeriodName, type FollowupContent, type FollowupGenerated } from './kinds/index.js';
export { areaTargetsResponse, auditContent, diffResponse, documentListResponse, documentSummarySchema, documentViewResponse, goalsResponse, goalYearResponse, kindsResponse, targetViewSchema, versionsResponse } from './responses.js';
