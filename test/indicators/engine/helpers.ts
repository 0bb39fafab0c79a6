/** Test helpers: run the engine on in-memory data, read its tables in the reference's shape, compare. */
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import { datasets, type DatasetId } from '../../../src/indicators/datasets.js';
import { computeCube, type CubeInfo } from '../../../src/indicators/engine/index.js';
import type { Cell, Cube, RegisterData } from '../../reference/recompute.js';
import { engineConnection, writeRegister } from '../../support/register-fixture.js';

export const ids = Object.keys(datasets) as DatasetId[];

export async function runEngine(data: RegisterData): Promise<{ cube: Cube; info: CubeInfo }> {
  const dir = await writeRegister(data);
  const { conn, close } = await engineConnection();
  try {
    const info = await computeCube({ conn, registerDir: dir });
    const cube = {} as Cube;
    for (const id of ids) {
      const spec = datasets[id];
      const cols = [...spec.measures.map((m) => m.id), ...spec.disclosureCounts.filter((d) => !spec.measures.some((m) => m.id === d))];
      const rows = (await conn.runAndReadAll(`SELECT * FROM ${id}`)).getRowObjectsJS();
      const map = new Map<string, Cell>();
      for (const r of rows) {
        const key = [r.area, r.benefit, r.freq, r.period, r.breakdown, r.breakdown_value, ...(id === 'activation' ? [r.offer] : [])].join('|');
        expect(map.has(key), `duplicate ${id} ${key}`).toBe(false);
        map.set(key, Object.fromEntries(cols.map((c) => [c, r[c] === null || r[c] === undefined ? null : Number(r[c])])));
      }
      cube[id] = map;
    }
    return { cube, info };
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every cell of every dataset equal (numbers within 1e-9); a cell missing on one side must be all zero/null on the other. */
export function expectSameCube(engine: Cube, reference: Cube): void {
  for (const id of ids) {
    const e = engine[id], r = reference[id];
    const problems: string[] = [];
    for (const key of new Set([...e.keys(), ...r.keys()])) {
      const a = e.get(key), b = r.get(key);
      const cols = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
      for (const c of cols) {
        const x = a?.[c] ?? null, y = b?.[c] ?? null;
        const zeroish = (v: number | null) => v === null || v === 0;
        if ((!a || !b) && zeroish(x) && zeroish(y)) continue;
        if (x === null || y === null ? x !== y : Math.abs(x - y) > 1e-9) problems.push(`${id} ${key} ${c}: engine ${x} reference ${y}`);
      }
    }
    expect(problems.slice(0, 20), `${problems.length} differences in ${id}`).toEqual([]);
  }
}

/** Mondays from a given Monday. */
export function mondays(from: string, count: number): string[] {
  const d0 = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(d0 + i * 7 * 86_400_000).toISOString().slice(0, 10));
}
