import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web app: built into dist/web, served by the Fastify server (src/server/web.ts).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true, assetsDir: 'assets', sourcemap: true },
  esbuild: { jsx: 'automatic' },
  // dkfds exports only its JS; its stylesheet (with fonts and icons) by path.
  resolve: { alias: { 'dkfds/css': fileURLToPath(new URL('../node_modules/dkfds/dist/css/dkfds.min.css', import.meta.url)) } },
  logLevel: 'warn',
});
