/**
 * The eras of the employment effort's steering, as data: which councils exist, which of them
 * hear a jobcenter's employment plan and results audit, whether the minister sets yearly
 * goals, and the yearly cycle's steps and deadlines. A calendar year runs the rules of the era
 * in force that year, so 2013 runs the 2007–2014 rules and 2026 the rules from 2025.
 *
 * - 2007–2014: a local employment council (LBR) per jobcenter and a regional one (RBR) per
 *   employment region (lov nr. 522 af 24. juni 2005).
 * - 2015–2024: eight regional labour-market councils (RAR) (lov nr. 1482 af 23. december 2014
 *   §§ 27–28); the LBRs are abolished, a municipality may keep a local council of its own.
 * - From 2025: five regional employment councils, one per region, and no ministerial goals
 *   (lov nr. 1656 af 30. december 2024).
 *
 * This file imports nothing, so the browser reads the steps from it too; the regional councils'
 * geography is in regional.ts.
 */

export type EraId = 'lbr' | 'rar' | 'rbr';
export type StepKind = 'results_audit' | 'employment_plan';
/** What shows a step done: a document's hearing, its responses, approval, sending to the regional council, publication — or only a hand mark. */
export type Evidence = 'hearing' | 'responses' | 'approval' | 'sent' | 'publish' | 'manual';

export interface Step {
  id: string;
  kind: StepKind;
  label: string;
  month: number;
  day: number;
  /** Calendar year of the deadline minus the document's year. */
  offset: number;
  evidence: Evidence;
}

export interface Era {
  id: EraId;
  from: number;
  /** Last year, inclusive; null while in force. */
  to: number | null;
  name: string;
  law: string;
  /** Whether the law requires a local council (the LBR) that is heard. */
  localCouncilRequired: boolean;
  ministerialGoals: boolean;
  /** The regional council as the steps' labels name it. */
  councilShort: string;
  steps: readonly Step[];
}

const lbrSteps: readonly Step[] = [
  { id: 'plan_publish', kind: 'employment_plan', month: 1, day: 31, offset: 0, evidence: 'publish', label: "Den endelige plan inkl. budget og LBR's plan for LBR-midlerne er offentliggjort" },
  { id: 'audit_hearing', kind: 'results_audit', month: 5, day: 1, offset: 1, evidence: 'hearing', label: 'Resultatrevisionen sendt i høring hos LBR og regionen' },
  { id: 'audit_responses', kind: 'results_audit', month: 5, day: 21, offset: 1, evidence: 'responses', label: 'LBR og regionen har afgivet bemærkninger' },
  { id: 'audit_approval', kind: 'results_audit', month: 6, day: 30, offset: 1, evidence: 'approval', label: 'Kommunalbestyrelsen har godkendt resultatrevisionen inkl. bemærkninger' },
  { id: 'audit_publish', kind: 'results_audit', month: 7, day: 1, offset: 1, evidence: 'publish', label: 'Resultatrevisionen er sendt til RBR og offentliggjort' },
  { id: 'plan_region_dialogue', kind: 'employment_plan', month: 6, day: 30, offset: -1, evidence: 'manual', label: 'Udkastet til beskæftigelsesplanen er drøftet med regionen' },
  { id: 'plan_hearing', kind: 'employment_plan', month: 7, day: 1, offset: -1, evidence: 'hearing', label: 'Beskæftigelsesplanen sendt i høring hos LBR' },
  { id: 'plan_responses', kind: 'employment_plan', month: 8, day: 31, offset: -1, evidence: 'responses', label: 'LBR har afgivet bemærkninger til planen' },
  { id: 'plan_approval', kind: 'employment_plan', month: 10, day: 15, offset: -1, evidence: 'approval', label: 'Kommunalbestyrelsen har godkendt planen inkl. bemærkninger' },
  // The platform sends the approved plan with its responses to the RBR at approval.
  { id: 'plan_to_rbr', kind: 'employment_plan', month: 10, day: 31, offset: -1, evidence: 'sent', label: "Planen inkl. LBR's bemærkninger er sendt til RBR" },
];

/**
 * From 2015 the plan is adopted by 31 December before its year and the audit by 30 June after
 * it; both go to the regional council. The hearing dates are the platform's default practice
 * (no statutory date), kept so a hearing has a deadline; a year's overrides move any of them.
 */
const laterSteps = (council: string): readonly Step[] => [
  { id: 'audit_hearing', kind: 'results_audit', month: 5, day: 1, offset: 1, evidence: 'hearing', label: `Resultatrevisionen sendt til udtalelse hos ${council}` },
  { id: 'audit_responses', kind: 'results_audit', month: 5, day: 31, offset: 1, evidence: 'responses', label: `${upper(council)} har udtalt sig om resultatrevisionen` },
  { id: 'audit_approval', kind: 'results_audit', month: 6, day: 30, offset: 1, evidence: 'approval', label: 'Kommunalbestyrelsen har drøftet resultatrevisionen' },
  { id: 'audit_publish', kind: 'results_audit', month: 6, day: 30, offset: 1, evidence: 'publish', label: `Resultatrevisionen er offentliggjort og sendt til ${council}` },
  { id: 'plan_hearing', kind: 'employment_plan', month: 9, day: 15, offset: -1, evidence: 'hearing', label: `Beskæftigelsesplanen sendt til udtalelse hos ${council}` },
  { id: 'plan_responses', kind: 'employment_plan', month: 10, day: 31, offset: -1, evidence: 'responses', label: `${upper(council)} har udtalt sig om planen` },
  { id: 'plan_approval', kind: 'employment_plan', month: 12, day: 31, offset: -1, evidence: 'approval', label: 'Kommunalbestyrelsen har vedtaget beskæftigelsesplanen' },
  { id: 'plan_publish', kind: 'employment_plan', month: 12, day: 31, offset: -1, evidence: 'publish', label: `Beskæftigelsesplanen er offentliggjort og sendt til ${council}` },
];
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const eras: readonly Era[] = [
  {
    id: 'lbr', from: 2007, to: 2014, name: 'Lokale og regionale beskæftigelsesråd (2007–2014)', law: 'Lov nr. 522 af 24. juni 2005 om ansvaret for og styringen af den aktive beskæftigelsesindsats',
    localCouncilRequired: true, ministerialGoals: true, councilShort: 'RBR', steps: lbrSteps,
  },
  {
    id: 'rar', from: 2015, to: 2024, name: 'Regionale arbejdsmarkedsråd (2015–2024)', law: 'Lov nr. 1482 af 23. december 2014 om organisering og understøttelse af beskæftigelsesindsatsen m.v., §§ 27–28',
    localCouncilRequired: false, ministerialGoals: true, councilShort: 'RAR', steps: laterSteps('RAR'),
  },
  {
    id: 'rbr', from: 2025, to: null, name: 'Regionale beskæftigelsesråd (fra 2025)', law: 'Lov nr. 1656 af 30. december 2024 (nye regionale beskæftigelsesråd, afskaffelse af de beskæftigelsespolitiske mål)',
    localCouncilRequired: false, ministerialGoals: false, councilShort: 'det regionale beskæftigelsesråd', steps: laterSteps('det regionale beskæftigelsesråd'),
  },
];

export const eraIds = eras.map((e) => e.id) as [EraId, ...EraId[]];

/** The era in force in a calendar year (years before 2007 run the first era's rules). */
export const eraOf = (year: number): Era => eras.find((e) => year >= e.from && (e.to === null || year <= e.to)) ?? eras[0]!;

/** Every step of every era, by id; a step id means the same evidence in every era. */
export const allSteps: ReadonlyMap<string, Step> = (() => {
  const m = new Map<string, Step>();
  for (const e of eras) {
    for (const s of e.steps) {
      const had = m.get(s.id);
      if (had && (had.kind !== s.kind || had.evidence !== s.evidence)) throw new Error(`eras: trinnet ${s.id} betyder noget andet i ${e.id}`);
      if (!had) m.set(s.id, s);
    }
  }
  return m;
})();


/**
 * The calendar year a document's cycle runs in, whose era it follows: a plan for Y is heard in
 * Y−1, an audit of Y in Y+1 (the same in every era), so the 2015 plan, prepared in 2014, runs
 * the 2007–2014 rules to its publication in January 2015. Other kinds: their own year.
 */
export const cycleYear = (kind: string, documentYear: number): number => documentYear + (hearingOffset.get(kind) ?? 0);
const hearingOffset: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const s of eras.flatMap((e) => e.steps).filter((x) => x.evidence === 'hearing')) {
    if (m.has(s.kind) && m.get(s.kind) !== s.offset) throw new Error(`eras: høringen af ${s.kind} ligger forskudt i forskellige perioder`);
    m.set(s.kind, s.offset);
  }
  return m;
})();

/** A step's label as the era of its deadline words it (a document year's step may lie in the next era). */
export function stepLabel(id: string, documentYear: number): string | undefined {
  for (const e of eras) {
    const s = e.steps.find((x) => x.id === id);
    if (s && eraOf(documentYear + s.offset) === e) return s.label;
  }
  return allSteps.get(id)?.label;
}
