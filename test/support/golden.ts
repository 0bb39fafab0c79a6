/**
 * Golden files: a value compared with a file committed under test/golden/. On a mismatch
 * the new value is written next to it as `<name>-changed.<ext>` (ignored by git) and the
 * test fails saying how to look and how to accept; `UPDATE_GOLDEN=1` writes the golden file
 * itself (commit it with the change that caused it). A missing golden file fails the same
 * way, so a new golden is always looked at once before it is committed.
 *
 *   await expectGolden('v3/data-y25i01', body);          // JSON, keys and rows as given
 *   await expectGolden('documents/plan.html', html);     // any text, by extension
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { expect } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
export const goldenDir = join(root, 'test/golden');

/**
 * The text a value is stored as: strings as they are, anything else as JSON indented by
 * two, with an array of plain values (a row, a list of statuses) on one line.
 */
export function goldenText(value: unknown): string {
  const text = typeof value === 'string' ? value : json(value, '');
  return text.endsWith('\n') ? text : `${text}\n`;
}

function json(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => x === null || typeof x !== 'object')) return `[${v.map((x) => JSON.stringify(x) ?? 'null').join(', ')}]`;
    return `[\n${v.map((x) => inner + json(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${json(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** The golden file's path and its `-changed` sibling; `name` without an extension is JSON. */
export function goldenPaths(name: string): { golden: string; changed: string } {
  const file = extname(name) ? name : `${name}.json`;
  const ext = extname(file);
  const golden = join(goldenDir, file);
  return { golden, changed: `${golden.slice(0, -ext.length)}-changed${ext}` };
}

/**
 * Compares `value` with the golden file `name` (throws an Error with a diff hint when it
 * differs). The `-changed` file of an earlier failure is removed when the value matches.
 */
export function expectGolden(name: string, value: unknown): void {
  const { golden, changed } = goldenPaths(name);
  const text = goldenText(value);
  const update = process.env.UPDATE_GOLDEN === '1';
  const old = existsSync(golden) ? readFileSync(golden, 'utf8') : undefined;
  if (old === text) {
    rmSync(changed, { force: true });
    return;
  }
  mkdirSync(dirname(golden), { recursive: true });
  if (update) {
    writeFileSync(golden, text);
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, text);
  const rel = (p: string) => relative(root, p);
  const testFile = expect.getState().testPath;
  const line = old === undefined ? -1 : firstDifference(old, text);
  throw new Error(
    (old === undefined ? `Golden file ${rel(golden)} does not exist yet; the value is in ${rel(changed)}.` : `${rel(golden)} differs from the response (first at line ${line}); the new value is in ${rel(changed)}.`) +
      `\nLook: diff ${rel(golden)} ${rel(changed)}` +
      `\nAccept: UPDATE_GOLDEN=1 npx vitest run ${testFile ? rel(testFile) : '<the test file>'}, then commit ${rel(golden)}.`,
  );
}

/** The 1-based number of the first line where a and b differ. */
function firstDifference(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}
