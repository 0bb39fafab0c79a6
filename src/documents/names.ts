/**
 * The documents' states and transitions with their Danish names. No dependencies: the web app
 * imports this file as it is, so the words live in one place. The kinds are in kinds/.
 */
export const documentStates = ['draft', 'in_hearing', 'approved', 'published'] as const;
export type DocumentState = (typeof documentStates)[number];
export const stateNames: Record<DocumentState, string> = { draft: 'Kladde', in_hearing: 'I høring', approved: 'Godkendt', published: 'Offentliggjort' };

/** The usual path: draft → in hearing → approved (the municipal council) → published; a kind may change where a transition starts (kinds/). */
export const transitions = {
  send_to_hearing: { from: ['draft'], to: 'in_hearing', label: 'Send i høring' },
  reopen: { from: ['in_hearing'], to: 'draft', label: 'Tag tilbage til kladde' },
  approve: { from: ['in_hearing'], to: 'approved', label: 'Registrér godkendelse' },
  publish: { from: ['approved'], to: 'published', label: 'Offentliggør' },
} as const satisfies Record<string, { from: DocumentState[]; to: DocumentState; label: string }>;
export type TransitionName = keyof typeof transitions;
