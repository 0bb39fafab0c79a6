/** The follow-up module's browser door: what the web app may import. */
export { generateResponse, quartersResponse, reportsResponse } from './responses.js';
