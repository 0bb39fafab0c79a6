/** The eras of the steering: councils, who is heard, ministerial goals and the yearly steps, per year. */
export { allSteps, cycleYear, eraOf, eraOfCouncil, eras, stepLabel, type Era, type EraId, type Evidence, type Step, type StepKind } from './eras.js';
export { laterCouncils, regionalCouncilOf, type RegionalCouncil } from './regional.js';
