/** The browser's door to the eras (web/ and shared files import this): the steps, nothing Node-specific. */
export { allSteps, cycleYear, eraIds, eraOf, eras, stepLabel, type Era, type EraId, type Step, type StepKind } from './eras.js';
