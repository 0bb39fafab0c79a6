/**
 * The steering cycle's documents: ministerial goals, employment plans, results audits,
 * regions' implementation plans, councils' rules of procedure and LBRs' grant plans, one file per kind (kinds/),
 * with versions, states, the minimum-content check, HTML and PDF.
 */
export { documentRoutes, type DocumentRoutesOptions } from './documents.routes.js';
export { fmtNumber, generateAudits } from './audit.js';
export { ensureHistoricalGoals, historicalGoalSets, findGoals, goalsInForce } from './goals.js';
export { ensureSteeringReference } from './reference.js';
export { ensureDemoDocuments } from './demo.js';
export { PdfPrinter } from './pdf.js';
export { esc, paragraphs, renderPage, type Section } from './render.js';
export { createDocument, findDocument, findDocumentFor, listDocuments } from './documents.repository.js';
export { attachComments, mayEdit, mayRead, saveContent, transition, type TransitionHook } from './documents.service.js';
export { DocumentError } from './errors.js';
export { documentKinds, kindNames, kindSpec, newDocumentContent, type DocumentKind, type PlanContent, type RulesContent, type StoredDocument } from './content.js';
export { documentSections, type DocumentSection } from './sections.js';
export { areaName, documentView, type TargetView } from './view.js';
export { cellAt, readCells, type Cells } from './audit-read.js';
export { agreementContentSchema, analysisContentSchema, documentPeriodName, followUpDates, followupContentSchema, kroner, planTotal, targetsOf, type AgreementContent, type GrantPlanContent, type AnalysisContent, type AnalysisGenerated, type AuditContent, type AuditGenerated, type CountRow, type FollowupContent, type FollowupGenerated, type KeyMeasureRow } from './content.js';
export { stateNames } from './names.js';
