/**
 * The web app: the built files of web/ (dist/web) and the app's pages. Every page path
 * answers with index.html; what a page shows is decided by the API calls it makes, each
 * checked by the guard. `ensureWebBuild` builds the app when it is missing or older than
 * its sources (so `npm start` needs no separate build step).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { permit } from '../access/index.js';

const root = resolve(import.meta.dirname, '../..');
export const webDist = join(root, 'dist/web');
const webSrc = join(root, 'web');

/** Pages of the app (client-side routes). */
const pagePaths = ['/', '/login', '/brugere', '/invitation/:token', '/statistik', '/statistik/:table', '/omraade/:area', '/aendringslog', '/benchmark', '/benchmark/:id', '/resultatproblemer', '/opfoelgning', '/opfoelgning/sager/:id', '/dokumenter', '/dokumenter/:id', '/maal', '/ministermaal', '/raad', '/raad/:code', '/raad/:code/moeder/:id', '/dokumenter/:id/hoering', '/aarshjul', '/notifikationer', '/api-dokumentation', '/samarbejdsaftaler', '/samarbejdsaftaler/:id'];

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds web/ into dist/web unless the build is newer than every source file. */
export async function ensureWebBuild(log: (s: string) => void = console.log): Promise<void> {
  const index = join(webDist, 'index.html');
  const sources = Math.max(newest(join(webSrc, 'src')), statSync(join(webSrc, 'index.html')).mtimeMs, newest(join(root, 'src/access')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log('Bygger webappen (Vite) …');
  const { build } = await import('vite');
  await build({ configFile: join(webSrc, 'vite.config.ts'), logLevel: 'warn' });
}

/** Serves the built app in `dist` (default dist/web; tests without a browser pass a stand-in). */
export async function webRoutes(app: FastifyInstance, opts: { dist?: string }): Promise<void> {
  const dist = opts.dist ?? webDist;
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`Webappen er ikke bygget (${dist} mangler). Kør "npm run build".`);
  }
  await app.register(fastifyStatic, { root: dist, serve: false });
  const pub = permit('statistics.read');
  // Hashed file names: cache for a year.
  app.get('/assets/*', pub, (req, reply) => reply.sendFile(`assets/${(req.params as { '*': string })['*']}`, { maxAge: '365d', immutable: true }));
  for (const path of pagePaths) {
    app.get(path, pub, (_req, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false }));
  }
  // An unknown address: the API's callers get JSON, a browser the app's Danish 404 page (with status 404).
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (req.method !== 'GET' || /^\/(api|v3|assets)(\/|$)/.test(path)) {
      return reply.code(404).send({ error: 'not_found', message: `Adressen ${req.method} ${path} findes ikke.` });
    }
    return reply.code(404).header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
