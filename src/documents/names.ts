/**
 * The documents' kinds and states with their Danish names. No dependencies: the web app
 * imports this file as it is, so the words live in one place.
 */
export const documentKinds = ['employment_plan', 'results_audit', 'implementation_plan', 'rules_of_procedure'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const kindNames: Record<DocumentKind, string> = {
  employment_plan: 'Beskæftigelsesplan',
  results_audit: 'Resultatrevision',
  implementation_plan: 'Regionale mål og implementeringsplan',
  rules_of_procedure: 'Forretningsorden',
};

export const documentStates = ['draft', 'in_hearing', 'approved', 'published'] as const;
export type DocumentState = (typeof documentStates)[number];
export const stateNames: Record<DocumentState, string> = { draft: 'Kladde', in_hearing: 'I høring', approved: 'Godkendt', published: 'Offentliggjort' };
