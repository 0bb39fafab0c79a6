/**
 * A stand-in for the built web app (dist/web): an index.html and one hashed-looking asset.
 * Server tests that check how pages and assets are served, or use only the API, pass it as
 * `buildServer({ webDist: testWebDist })`, so the unit and db tiers need no `npm run build`.
 * The browser tests serve the real build.
 */
import { fileURLToPath } from 'node:url';

export const testWebDist = fileURLToPath(new URL('../fixtures/web-dist/', import.meta.url));
