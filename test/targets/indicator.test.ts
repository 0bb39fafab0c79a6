/** A target's indicator read through the statistics bank, for a jobcenter and a peer cluster, and judged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../src/benchmark/index.js';
import type { Db } from '../../src/db/index.js';
import { StatbankService } from '../../src/statbank/index.js';
import { evaluateTarget, IndicatorError, readIndicator, targetSchema } from '../../src/targets/index.js';
import { fixturePeriods, fixtureShares, publishBenchmarkFixture } from '../benchmark/fixture.js';
import { createTestDb } from '../support/db.js';

describe('indicators from the statistics bank', () => {
  let db: Db;
  let service: StatbankService;
  let cluster: { number: number; members: string[] };
  beforeAll(async () => {
    db = await createTestDb('pglite');
    await publishBenchmarkFixture(db.db);
    const run = await runBenchmark(db.db);
    const peers = await db.db.selectFrom('benchmark_peer').selectAll().where('run_id', '=', run.runId).execute();
    const mine = peers.find((p) => p.jobcenter === 'J101')!.cluster;
    cluster = { number: mine, members: peers.filter((p) => p.cluster === mine).map((p) => p.jobcenter) };
    service = new StatbankService(db.db);
  });
  afterAll(async () => db?.close());

  const indicator = (area: string) => ({ table: 'ptv_a02', measure: 'pct_population', area, dims: { ydelsesgrupper: 'category_kontanthjaelp' }, freq: 'R' as const });

  it("reads a jobcenter's and its cluster's series as /v3 serves them", async () => {
    const shares = fixtureShares();
    const own = await readIndicator(service, indicator('J101'));
    expect(own.map((p) => p.period)).toEqual(fixturePeriods);
    for (const p of own) expect(p.value).toBeCloseTo(shares.find((j) => j.jobcenter === 'J101')!.shares.kontanthjaelp!, 1);
    const peers = await readIndicator(service, indicator(`KL${cluster.number}`));
    const mean = cluster.members.reduce((s, m) => s + shares.find((j) => j.jobcenter === m)!.shares.kontanthjaelp!, 0) / cluster.members.length;
    expect(peers.at(-1)!.value).toBeCloseTo(mean, 1);
  });

  it('judges a target on it: a flat series at 4 % cannot fall to 3 % by 2026', async () => {
    const own = await readIndicator(service, indicator('J101'));
    const now = own.at(-1)!.value!;
    const t = targetSchema.parse({ title: 'Færre på kontanthjælp', indicator: indicator('J101'), baseline: { period: fixturePeriods.at(-1)!, value: now }, goal: { kind: 'relative_change', value: -0.25 }, deadline: '2026M01-2026M12' });
    expect(evaluateTarget(t, own)).toMatchObject({ status: 'off_track', target: { direction: 'at_most' } });
    const kept = targetSchema.parse({ ...t, goal: { kind: 'relative_change', value: 0.05 }, direction: 'at_most' });
    expect(evaluateTarget(kept, own).status).toBe('on_track');
  });

  it('names the indicator and the parameter when the bank cannot answer', async () => {
    await expect(readIndicator(service, { ...indicator('J101'), measure: 'nope' })).rejects.toThrow(IndicatorError);
    await expect(readIndicator(service, { ...indicator('J101'), measure: 'nope' })).rejects.toThrow(/^Indikatoren Offentligt forsørgede \(alle ydelser\), Kontanthjælp m\.v\.: nope, Jobcenter København: Parameteren mgroup\.\*: ukendt målgruppe "nope"/);
    await expect(readIndicator(service, { ...indicator('J101'), table: 'findes_ikke' })).rejects.toThrow('Tabellen findes_ikke findes ikke.');
  });
});
