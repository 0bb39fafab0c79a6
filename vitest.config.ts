import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The suite in four tiers (Vitest projects; `vitest run --project db` runs one):
 *
 * - browser: test/browser/**: Chromium (CHROMIUM_PATH) on the built web app.
 * - slow: the files in `slow`, each over ~10 s alone on 2 cores (measured; see the list).
 * - db: every other file that opens a database, i.e. calls `createTestDb` (test/support/db.ts):
 *   PGlite, and PostgreSQL as well when TEST_DATABASE_URL is set.
 * - unit: everything else: no database, no browser.
 *
 * So a new test file lands in db or unit by what it does; a file that grows past ~10 s
 * belongs in `slow`. `npm run test:fast` is unit + db on PGlite; `npm test` is all four.
 */
const slow = [
  // The benchmarking against the planted truth on a demo-sized register, one seed a file
  // (~4–6 min each; the registers are cached in .tmp/test-cache).
  'test/benchmark/truth.test.ts',
  'test/benchmark/truth-unseen.test.ts',
  'test/access/matrix.test.ts', // every route × every role (~90 s)
  'test/indicators/engine/property.test.ts', // the engine against the reference on random registers (~80 s)
  'test/e2e/pipeline.test.ts', // generate → compute (twice) → /v3 (~100 s)
  'test/register/generator.test.ts', // four registers generated (~30–80 s)
  'test/register/calibration.test.ts', // a register generated and checked against the published levels (~15 s)
  'test/indicators/disclosure/attacker.test.ts', // an attacker on three synthetic cubes (~15 s)
  'test/benchmark/benchmark.test.ts', // benchmarking runs on a register and on imported data (~17 s)
  'test/documents/documents.test.ts', // documents; the results audit drafted from a benchmarking run (~15 s)
  'test/followup/followup.test.ts', // a register computed and benchmarked, a region's quarter of reports (~60 s)
];
const browser = ['test/browser/**/*.test.ts'];

const testFiles = ['src', 'test'].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => `${dir}/${f.replaceAll('\\', '/')}`),
);
const fast = testFiles.filter((f) => !f.startsWith('test/browser/') && !slow.includes(f));
const opensDb = (f: string) => /\bcreateTestDb\(/.test(readFileSync(f, 'utf8'));

// The fast tiers run in worker threads that keep their modules from file to file
// (poolOptions.threads.isolate below): each file importing the server, DuckDB and PGlite
// afresh cost ~4 s. The slow and browser tiers keep a fresh process per file.
const shared = { pool: 'threads' as const };

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    poolOptions: { threads: { isolate: false } },
    // Two workers on two cores (Vitest's default is cores − 1, i.e. one).
    maxWorkers: 2,
    env: { TZ: 'UTC' },
    projects: [
      { extends: true, test: { name: 'unit', include: fast.filter((f) => !opensDb(f)), ...shared } },
      { extends: true, test: { name: 'db', include: fast.filter(opensDb), ...shared } },
      { extends: true, test: { name: 'slow', include: slow } },
      { extends: true, test: { name: 'browser', include: browser } },
    ],
  },
});
