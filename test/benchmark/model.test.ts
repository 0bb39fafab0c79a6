/**
 * The result-problem rule on a hand-made panel (pure computation, no database): the flows
 * behind a result must bear it out where they are published, and a newest year hidden by
 * disclosure leaves the evidence to the published years.
 */
import { describe, expect, it } from 'vitest';
import { BENCHMARK_FIELDS, benchmark, settingsSchema } from '../../src/benchmark/index.js';
import { jobcenters, type JobcenterConditions } from '../../src/benchmark/conditions.js';
import type { Panel } from '../../src/benchmark/panel.js';
import { deviation, fixtureJobcenterConditions, fixturePeriods, fixtureShares } from './fixture.js';

const P = fixturePeriods.length, J = jobcenters.length, F = BENCHMARK_FIELDS.length;
const ids = jobcenters.map((j) => j.id);
const shares = new Map(fixtureShares().map((s) => [s.jobcenter, s]));

// The kontanthjælp share follows the fixture's law (its planted København × 1.6 removed);
// exits to self-support (30 %) and durations (40 weeks) are the same everywhere but for the
// fixed deviation. Four jobcenters have their share × 1.6:
//   J751 through slower exits (durations × 1.6): a result problem;
//   J461 the same, but its newest rolling year is suppressed;
//   J561 the same, but none of its flows is published;
//   J851 with its flows as everywhere else (more come in): no result problem of the effort.
const effects: Record<string, { share: number; duration: number; hideNewest?: boolean; noFlows?: boolean }> = {
  J751: { share: 1.6, duration: 1.6 },
  J461: { share: 1.6, duration: 1.6, hideNewest: true },
  J561: { share: 1.6, duration: 1.6, noFlows: true },
  J851: { share: 1.6, duration: 1 },
};

function panel(): Panel {
  const measure = (f: (jc: string, t: number) => number, base: (jc: string) => number) => ({
    value: Float64Array.from({ length: J * P }, (_, i) => f(ids[Math.floor(i / P)]!, i % P)),
    base: Float64Array.from({ length: J * P }, (_, i) => base(ids[Math.floor(i / P)]!)),
  });
  const population = (jc: string) => shares.get(jc)!.population;
  const share = (jc: string) => (shares.get(jc)!.shares.kontanthjaelp! / (jc === 'J101' ? 1.6 : 1)) * (effects[jc]?.share ?? 1);
  const persons = (jc: string) => (share(jc) * population(jc)) / 100;
  const flow = (jc: string, level: number, kind: string) => (effects[jc]?.noFlows ? NaN : level * Math.exp(deviation(`${jc}|${kind}`)));
  return {
    periods: fixturePeriods,
    jobcenters: ids,
    measures: new Map([
      ['share_kontanthjaelp', measure((jc, t) => (effects[jc]?.hideNewest && t === P - 1 ? NaN : share(jc)), persons)],
      ['self_support_kontanthjaelp', measure((jc) => flow(jc, 30, 'self'), persons)],
      ['duration_kontanthjaelp', measure((jc) => flow(jc, 40, 'duration') * (effects[jc]?.duration ?? 1), persons)],
    ]),
    fulltime: new Map(),
    population: Float64Array.from({ length: J * P }, (_, i) => population(ids[Math.floor(i / P)]!)),
    timeliness: null,
    unavailable: [],
  };
}

/** The fixture's conditions, the same in 2023–2025. */
function conditions(): Map<number, JobcenterConditions[]> {
  const rows = fixtureJobcenterConditions().map((c) => ({ jobcenter: c.jobcenter, population_16_66: c.population, values: c.values }));
  return new Map([2023, 2024, 2025].map((year) => [year, rows.map((r) => ({ ...r, year }))]));
}

describe('result problems borne out by the flows', () => {
  const result = benchmark(panel(), conditions(), settingsSchema.parse({}));
  const flagged = result.flags.filter((f) => f.kind === 'expected_level').map((f) => `${f.jobcenter} ${f.direction}`).sort();
  const z = (jc: string, id: string) => result.series.get(id)![(ids.indexOf(jc) * P + P - 1) * F + 6]!;

  it('flags slower exits, also when the newest year is suppressed or the flows are not published', () => {
    expect(flagged).toEqual(['J461 worse', 'J561 worse', 'J751 worse']);
  });

  it('does not flag a share whose flows are as expected, though the share alone stands out', () => {
    expect(z('J851', 'share_kontanthjaelp')).toBeGreaterThan(5);
    expect(Math.abs(z('J851', 'duration_kontanthjaelp'))).toBeLessThan(1.645);
    expect(flagged.some((f) => f.startsWith('J851'))).toBe(false);
  });

  it('rests the evidence of a suppressed newest year on the published years, and says nothing of the hidden one', () => {
    const flag = result.flags.find((f) => f.jobcenter === 'J461')!;
    expect(flag.evidence.actual).toBeNaN();
    expect(flag.evidence.ratio).toBeNaN();
    // × 1.6 on a fixed deviation within ±5 %, relative to an expected level within a few per cent.
    expect(flag.evidence.pooled_ratio as number).toBeGreaterThan(1.45);
    expect(flag.evidence.pooled_ratio as number).toBeLessThan(1.75);
    // The two published years a year apart (2024 and 2023) make the evidence.
    expect(flag.evidence.years_published).toEqual([fixturePeriods[P - 13], fixturePeriods[P - 25]]);
  });
});
