/**
 * The attacker test: on randomized consistent cubes with many small cells, an
 * independent attacker who knows all relations and all published person_weeks cannot
 * recover any suppressed cell, while with primary suppression alone he can.
 */
import { describe, expect, it } from 'vitest';
import { applyDisclosure } from '../../../src/indicators/disclosure/index.js';
import { connect, createTable, statuses } from './helpers.js';
import { attack, equations, periods, rng, syntheticCube } from './synthetic.js';

describe.each([1, 2, 3])('attacker on synthetic cube (seed %i)', (seed) => {
  it('recovers nothing after secondary suppression, but does after primary suppression alone', async () => {
    const cube = syntheticCube(seed, 1500);
    const conn = await connect();
    await createTable(conn, 'volume', cube.rows);
    const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods });
    const status = await statuses(conn, 'volume');
    const eqs = equations(cube.weeks.keys());

    // The cube is consistent: every equation holds on the true values.
    const truth = (k: string) => cube.weeks.get(k) ?? 0;
    expect(eqs.filter((e) => truth(e.total) !== e.parts.reduce((s, k) => s + truth(k), 0))).toEqual([]);

    const count = (s: string) => [...status.values()].filter((v) => v === s).length;
    expect(report).toMatchObject({ cells: cube.rows.length, primary: count('primary'), secondary: count('secondary'), unresolved: 0 });
    expect(report.primary).toBeGreaterThan(cube.rows.length / 10); // many small cells
    expect(report.secondary).toBeGreaterThan(0);

    const publishedIf = (suppressed: (s: string) => boolean) => (k: string) => (suppressed(status.get(k) ?? 'published') ? null : truth(k));

    const full = attack(publishedIf((s) => s !== 'published'), eqs);
    expect([...full.keys()]).toEqual([]);

    // Teeth: the same attacker against primary suppression only recovers cells, exactly.
    const primaryOnly = attack(publishedIf((s) => s === 'primary'), eqs);
    expect(primaryOnly.size).toBeGreaterThan(0);
    for (const [k, v] of primaryOnly) expect([k, v]).toEqual([k, truth(k)]);
  });
});

it('is deterministic: the same cube in another row order gets the same statuses', async () => {
  const cube = syntheticCube(7, 1500);
  const rand = rng(99);
  const shuffled = cube.rows.map((r) => [rand(), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  const run = async (rows: typeof cube.rows) => {
    const conn = await connect();
    await createTable(conn, 'volume', rows);
    await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods });
    return [...(await statuses(conn, 'volume'))].sort();
  };
  const [a, b] = [await run(cube.rows), await run(shuffled)];
  expect(a.filter(([, s]) => s === 'secondary').length).toBeGreaterThan(0);
  expect(b).toEqual(a);
});
