/**
 * The steering cycle's documents: ministerial goals, employment plans, results audits and
 * regions' implementation plans, with versions, states, the minimum-content check, HTML and PDF.
 */
export { documentRoutes, type DocumentRoutesOptions } from './documents.routes.js';
export { generateAudits } from './audit.js';
export { ensureHistoricalGoals, historicalGoalSets, findGoals, goalsInForce } from './goals.js';
export { ensureSteeringReference } from './reference.js';
export { ensureDemoDocuments } from './demo.js';
export { PdfPrinter } from './pdf.js';
export { esc, paragraphs, renderPage, type Section } from './render.js';
export { attachComments, createDocument, findDocument, findDocumentFor, listDocuments, saveContent, transition, DocumentError, type StoredDocument, type TransitionHook } from './documents.repository.js';
export { kindNames, planContentSchema, type DocumentKind, type PlanContent, type RulesContent } from './content.js';
export { newDocumentContent } from './new.js';
export { documentSections, type DocumentSection } from './sections.js';
export { documentView, type TargetView } from './view.js';
