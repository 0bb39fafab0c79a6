/**
 * Parameters of the semi-Markov life-course model. A person is simulated from their 16th
 * birthday: from self-support (state 0) they enter a benefit after an exponential waiting time
 * whose hazard depends on age band, traits and municipality (seasonal by thinning); each spell
 * gets a log-normal duration and then a next state drawn from a transition row.
 *
 * ENTRY_BASE was calibrated (see calibrate.ts) so that full-time levels match
 * benefit-groups.csv at the full scale of 3.9 mio. persons.
 */

/** State codes. 0 = self-support (no register row). Index = code; name = benefit group id. */
export const STATES = [
  '', 'a_dagpenge', 'kontanthjaelp_jobparat', 'kontanthjaelp_aktivitetsparat', 'uddannelseshjaelp', 'integrationsydelse',
  'revalidering', 'sygedagpenge', 'jobafklaringsforloeb', 'ressourceforloeb', 'ledighedsydelse', 'fleksjob',
  'foertidspension', 'efterloen', 'su',
] as const;
export const NSTATES = STATES.length;
export const S = {
  SELF: 0, DAG: 1, KHJ: 2, KHA: 3, UDD: 4, INT: 5, REV: 6, SYG: 7, JAF: 8, RES: 9, LED: 10, FLEX: 11, FP: 12, EFT: 13, SU: 14,
} as const;

/** Jobcenter-effect category of each state (null: none). */
export const STATE_CATEGORY: readonly (string | null)[] = [
  null, 'dagpenge', 'kontanthjaelp', 'kontanthjaelp', 'kontanthjaelp', 'kontanthjaelp', 'kontanthjaelp', 'sygedagpenge',
  'sygedagpenge', 'foertidspension', 'foertidspension', 'foertidspension', null, null, null,
];

/** Age bands of the hazards: 16-17, 18-19, 20-24, 25-29, 30-39, 40-49, 50-54, 55-59, 60-62, 63-66. */
export const AGE_BAND = new Uint8Array(68).map((_, a) =>
  a < 18 ? 0 : a < 20 ? 1 : a < 25 ? 2 : a < 30 ? 3 : a < 40 ? 4 : a < 50 ? 5 : a < 55 ? 6 : a < 60 ? 7 : a < 63 ? 8 : 9,
);

/** Seasonal pattern of entry hazards: 0 none, 1 unemployment (peak mid-December), 2 sickness (peak January), 3 education (August/February intake). */
export const SEASON_KIND = [0, 1, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 3] as const;

/** Seasonal multiplier for a kind at a fraction of the year (0 = 1 January). */
export function seasonFactor(kind: number, f: number): number {
  switch (kind) {
    case 1:
      return 1 + 0.45 * Math.cos(2 * Math.PI * (f - 0.96));
    case 2:
      return 1 + 0.3 * Math.cos(2 * Math.PI * (f - 0.04));
    case 3:
      return f > 0.6 && f < 0.7 ? 5 : f > 0.02 && f < 0.12 ? 1.2 : 0.25;
    default:
      return 1;
  }
}
export const SEASON_MAX = [1, 1.45, 1.3, 5];

/** Entry hazard per week from self-support: ENTRY_BASE[state] × age profile × trait factors. */
interface EntrySpec {
  age: readonly number[];
  /** Multipliers for dansk, vestlig, ikke-vestlig. */
  origin: readonly [number, number, number];
  /** Multiplier for women. */
  women: number;
  /** Coefficient on employability z (hazard × exp(zCoef·z)). */
  zCoef: number;
  /** Exponent on the municipality's risk index. */
  riskExp: number;
  /** Coefficient on (education level − 0.3) and on urbanisation. */
  eduCoef: number;
  urbanCoef: number;
  /** Who can enter: 1 insured only, 2 uninsured ×3 / insured ×0.3, 3 labour-force attached only. */
  needs: 0 | 1 | 2 | 3;
}

const e = (age: number[], origin: [number, number, number], women: number, zCoef: number, riskExp: number, needs: 0 | 1 | 2 | 3 = 0, eduCoef = 0, urbanCoef = 0): EntrySpec =>
  ({ age, origin, women, zCoef, riskExp, needs, eduCoef, urbanCoef });

/** Calibrated base hazards (per week) by state; see calibrate.ts. */
export const ENTRY_BASE: number[] = [0, 0.00159, 0.0000337, 0.0000149, 0.000467, 0.000445, 0.0000061, 0.00183, 0.00000328, 0.0000184, 0, 0.00000188, 0.0000116, 0, 0.00131];

export const ENTRY: readonly (EntrySpec | null)[] = [
  null,
  e([0, 0.4, 1.1, 1.3, 1, 0.85, 0.85, 0.95, 1, 0.6], [1, 1.3, 1.8], 1, -0.5, 0.8, 1),
  e([0, 0.2, 0.3, 0.6, 1, 0.9, 0.8, 0.7, 0.5, 0.3], [1, 1.5, 3], 1, -0.8, 1, 2),
  e([0, 0.2, 0.3, 0.6, 1, 1, 0.9, 0.8, 0.4, 0.2], [1, 1.5, 3], 1.1, -1.1, 1),
  e([0, 1, 1.2, 0.7, 0, 0, 0, 0, 0, 0], [1, 1.3, 2.2], 0.9, -1, 0.8),
  e([0, 0.5, 1, 1.2, 1.2, 1, 0.8, 0.6, 0.4, 0.3], [0, 0.25, 1], 1, -0.8, 0.3),
  e([0, 0, 0.3, 0.8, 1, 1, 0.8, 0.5, 0.1, 0], [1, 1, 1.3], 1, -0.6, 0.5),
  e([0.1, 0.3, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.7, 1.7], [1, 1, 1.3], 1.4, -0.4, 0.3, 3),
  e([0, 0, 0.2, 0.5, 1, 1.3, 1.5, 1.6, 1.2, 0.8], [1, 1, 1.3], 1.2, -0.8, 0.3),
  e([0, 0.1, 0.5, 0.8, 1, 1.1, 1.1, 1, 0.5, 0.2], [1, 1.2, 1.5], 1, -1.2, 0.5),
  null,
  e([0, 0, 0.1, 0.3, 0.8, 1.2, 1.5, 1.6, 1.2, 0.5], [1, 1, 1.1], 1.2, -0.8, 0.2),
  e([0, 0.05, 0.15, 0.25, 0.4, 0.8, 1.4, 2, 2.2, 1], [1, 1, 1.4], 1.1, -1.2, 0.5),
  null, // efterløn: EFTERLON.hazard per week for takers once past their efterløn age
  e([0, 1.6, 1, 0.35, 0.04, 0.01, 0, 0, 0, 0], [1, 0.9, 0.85], 1.2, 0.6, 0, 0, 2, 0.4),
];

/** Spell durations: log-normal(median, sigma) weeks × exp(−zExp·z) × risk^riskExp ÷ jobcenter multiplier. */
interface DurationSpec {
  median: number;
  sigma: number;
  zExp: number;
  riskExp: number;
}
const d = (median: number, sigma: number, zExp = 0.3, riskExp = 0.3): DurationSpec => ({ median, sigma, zExp, riskExp });

export const DURATION: readonly (DurationSpec | null)[] = [
  null,
  d(11, 1), // a-dagpenge, cut at 104 weeks (exhaustion)
  d(12, 1),
  d(40, 1, 0.3, 0.2),
  d(18, 1),
  d(45, 0.9),
  d(40, 0.6, 0.2, 0),
  d(4, 1.25, 0.25, 0.1), // sygedagpenge; beyond 22 weeks often jobafklaringsforløb
  d(30, 0.8, 0.2, 0.1),
  d(70, 0.6, 0.2, 0.1),
  d(40, 1, 0.3, 0.3),
  d(225, 0.9, 0, 0),
  null, // førtidspension: until 67
  null, // efterløn: mostly until 67
  null, // su: education programmes, see simulate.ts
];
export const DAGPENGE_MAX_WEEKS = 104;
export const SICK_REVIEW_WEEK = 22;
export const SICK_TO_JAF = 0.5;
export const SICK_MAX_WEEKS = 70;

/** Next-state weights after a spell (rows: from-state; columns: to-state). Age rules are applied on top. */
export const NEXT: readonly (readonly number[])[] = [
  [],
  //  self  dag   khj   kha   udd   int   rev   syg   jaf   res   led   flex  fp    eft   su
  [0.87, 0, 0.01, 0.01, 0.01, 0, 0, 0.05, 0, 0, 0, 0, 0, 0.02, 0.04],
  [0.66, 0.05, 0, 0.12, 0.02, 0, 0.01, 0.03, 0, 0, 0, 0, 0, 0, 0.08],
  [0.5, 0, 0.1, 0, 0.02, 0, 0.03, 0.05, 0, 0.1, 0, 0.04, 0.02, 0, 0.05],
  [0.37, 0, 0.03, 0.08, 0, 0, 0, 0.02, 0, 0.01, 0, 0, 0, 0, 0.47],
  [0.65, 0, 0.08, 0.15, 0.02, 0, 0, 0.02, 0, 0.01, 0, 0, 0, 0, 0.05],
  [0.6, 0, 0, 0.15, 0, 0, 0, 0, 0, 0, 0, 0.15, 0, 0, 0.1],
  [0.93, 0.04, 0.003, 0.01, 0, 0, 0, 0, 0, 0, 0, 0.01, 0.002, 0.01, 0],
  [0.36, 0, 0, 0.17, 0, 0, 0, 0.1, 0, 0.2, 0, 0.15, 0.04, 0, 0],
  [0.15, 0, 0, 0.35, 0, 0, 0, 0, 0, 0, 0, 0.3, 0.2, 0, 0],
  [0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.05, 0.05, 0],
  [0.3, 0, 0, 0, 0, 0, 0, 0.04, 0, 0, 0.6, 0, 0.03, 0.03, 0],
  [],
  [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0.75, 0.15, 0.02, 0, 0.05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
];

/** Mean shift of employability z by origin (dansk, vestlig, ikke-vestlig). */
export const Z_SHIFT = [0.05, -0.1, -0.45] as const;
/** Probability of unemployment insurance (a-kasse) by origin, before the employability effect. */
export const INSURED = [0.78, 0.62, 0.5] as const;
/** Efterløn: share of the insured who take it (calibrated) and their weekly hazard once eligible from self-support. */
export const EFTERLON = { take: 0.398, hazard: 0.15 };
/** Efterløn age by birth year (approximately the 2021–2025 rules). */
export function efterlonAge(birthYear: number): number {
  return birthYear < 1954 ? 60 : birthYear < 1958 ? 61 + (birthYear - 1954) : birthYear < 1967 ? 64 : 65;
}
/** Labour-force attachment thresholds on the latent attachment score by age band (self-support weeks). */
export const ATTACH_THRESHOLD = [0.1, -0.6, -0.9, -1.5, -1.6, -1.6, -1.4, -1.2, -0.8, -0.2];
/** Yearly probability of moving municipality: 18–34 and otherwise; share of moves within the region. */
export const MOVE_RATE = { young: 0.06, other: 0.02, sameRegion: 0.75 } as const;
/** Age distribution of the 16–66 population (relative weights by 5-year group from 16). */
export const AGE_WEIGHTS = [1.0, 1.05, 1.12, 1.1, 0.95, 0.93, 1.02, 1.08, 1.1, 1.0, 0.95];
