/**
 * Generated registers kept between test runs in `.tmp/test-cache/register-<seed>-<key>/`
 * (ignored by git), so a slow test that needs a large register (the truth benchmark's two
 * demo-sized registers, ~2 min each on 2 cores) generates it once. The key hashes the
 * options and every source file the generator reads (src/register, src/reference) and the
 * DuckDB version that writes the parquet files, so a change to any of them generates anew.
 * A register is generated into a temporary folder and renamed into place when complete.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from '../../src/register/index.js';

const root = resolve(import.meta.dirname, '../..');
const cacheDir = join(root, '.tmp/test-cache');

type Options = Omit<Parameters<typeof generate>[0], 'outDir' | 'onProgress'>;

/** The folder of a register generated with `opts` (generated now unless cached). */
export async function cachedRegister(opts: Options): Promise<string> {
  const dir = join(cacheDir, `register-${opts.seed}-${registerKey(opts)}`);
  if (existsSync(join(dir, 'truth.json'))) return dir;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await generate({ ...opts, outDir: tmp });
    if (!existsSync(dir)) renameSync(tmp, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

function registerKey(opts: Options): string {
  const h = createHash('sha256').update(JSON.stringify(opts));
  h.update(readFileSync(join(root, 'node_modules/@duckdb/node-api/package.json')));
  for (const dir of ['src/register', 'src/reference']) {
    const files = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => !f.endsWith('.md')).sort();
    for (const f of files) if (statSync(join(root, dir, f)).isFile()) h.update(f).update(readFileSync(join(root, dir, f)));
  }
  return h.digest('hex').slice(0, 16);
}
