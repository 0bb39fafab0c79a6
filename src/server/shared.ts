/**
 * The server's door for the modules and the web app (index.ts builds the app from the modules,
 * so they cannot import it): `respond`, which checks a route's answer against its response
 * schema, and the schemas of the server's own routes. Nothing here needs Node.
 */
export { respond, respondJson, type Serialisable } from './respond.js';
export { day, demoResponse, errorResponse, healthResponse, instant, openApiResponse, releasesResponse } from './responses.js';
