/** The follow-up module's browser door: what the web app may import. */
export { analysisResponse, caseResponse, casesResponse, generateResponse, planInputsResponse, quartersResponse, recommendationResponse, reportsResponse } from './responses.js';
