/** The eras of the steering: councils, who is heard, ministerial goals and the yearly steps, per year. */
export { allSteps, cycleYear, eraIds, eraOf, eras, stepLabel, type Era, type EraId, type Evidence, type Step, type StepKind } from './eras.js';
export { eraOfCouncil, laterCouncil, laterCouncils, regionalCouncilOf, type RegionalCouncil } from './regional.js';
