/**
 * Hand-checkable cases of primary and secondary suppression. Every table is small enough
 * to verify the expected statuses on paper; relations whose total area/benefit is not
 * in the table do not apply, so each case only has the relations it is about.
 */
import { describe, expect, it } from 'vitest';
import { applyDisclosure } from '../../../src/indicators/disclosure/index.js';
import { connect, createTable, noPeriods, statuses, withStatus, type Row } from './helpers.js';

const M = (month: number) => `2024M${String(month).padStart(2, '0')}`;
const cell = (area: string, period: string, persons: number, bd?: [string, string]): Row => ({
  area, benefit: 'a_dagpenge', freq: period.includes('Q') ? 'Q' : 'M', period, persons,
  ...(bd ? { breakdown: bd[0], breakdown_value: bd[1] } : {}),
});

describe('primary suppression', () => {
  const rows = [0, 1, 4, 5].map((n, i) => cell('DK', M(i + 1), n));

  it('suppresses counts 1 … threshold−1, not 0 and not the threshold', async () => {
    const conn = await connect();
    await createTable(conn, 'volume', rows);
    const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: noPeriods() });
    const s = await statuses(conn, 'volume');
    expect([1, 2, 3, 4].map((i) => s.get(`DK/a_dagpenge/${M(i)}/total=total`))).toEqual(['published', 'primary', 'primary', 'published']);
    expect(report).toMatchObject({ cells: 4, primary: 2, secondary: 0, iterations: 0, unresolved: 0 });
  });

  it('takes the threshold from the caller', async () => {
    const conn = await connect();
    await createTable(conn, 'volume', rows);
    await applyDisclosure({ conn, dataset: 'volume', threshold: 2, periods: noPeriods() });
    expect(withStatus(await statuses(conn, 'volume'), 'primary')).toEqual(['DK/a_dagpenge/2024M02/total=total']);
  });

  it('checks every disclosure count of the dataset (timeliness: due and on time)', async () => {
    const conn = await connect();
    await createTable(conn, 'timeliness', [
      { area: 'DK', benefit: 'a_dagpenge', freq: 'M', period: M(1), persons_due: 40, persons_on_time: 3 },
      { area: 'DK', benefit: 'a_dagpenge', freq: 'M', period: M(2), persons_due: 40, persons_on_time: 0 },
    ]);
    await applyDisclosure({ conn, dataset: 'timeliness', threshold: 5, periods: noPeriods() });
    expect(withStatus(await statuses(conn, 'timeliness'), 'primary')).toEqual(['DK/a_dagpenge/2024M01/total=total']);
  });
});

describe('secondary suppression', () => {
  it('a single small part: the smallest other non-zero part follows it (zero parts never)', async () => {
    const conn = await connect();
    const age = (v: string, n: number) => cell('DK', M(1), n, ['age_band', v]);
    // 40 = 3 + 8 + 12 + 0 + (50-59 absent) + 17
    await createTable(conn, 'volume', [cell('DK', M(1), 40), age('16-24', 3), age('25-29', 8), age('30-39', 12), age('40-49', 0), age('60-66', 17)]);
    const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: noPeriods() });
    const s = await statuses(conn, 'volume');
    expect(withStatus(s, 'primary')).toEqual(['DK/a_dagpenge/2024M01/age_band=16-24']);
    expect(withStatus(s, 'secondary')).toEqual(['DK/a_dagpenge/2024M01/age_band=25-29']);
    expect(report).toMatchObject({ primary: 1, secondary: 1, iterations: 1, unresolved: 0 });
  });

  it('a total suppressed alone: its smallest part follows it', async () => {
    // Impossible for person counts summing over the parts; it happens where a total's
    // count is not the sum of its parts' counts, here simply constructed.
    const conn = await connect();
    await createTable(conn, 'volume', [cell('DK', M(1), 4), cell('DK', M(1), 9, ['gender', 'K']), cell('DK', M(1), 6, ['gender', 'M'])]);
    await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: noPeriods() });
    const s = await statuses(conn, 'volume');
    expect(withStatus(s, 'primary')).toEqual(['DK/a_dagpenge/2024M01/total=total']);
    expect(withStatus(s, 'secondary')).toEqual(['DK/a_dagpenge/2024M01/gender=M']);
  });

  it('no part with a non-zero first count left: the total follows', async () => {
    // flow, first count inflow_persons: 12 = 12 + 0 inflows, 20 = 3 + 17 outflows.
    const f = (bd: [string, string] | null, inflow_persons: number, outflow_persons: number): Row => ({
      area: 'DK', benefit: 'a_dagpenge', freq: 'M', period: M(1), inflow_persons, outflow_persons,
      ...(bd ? { breakdown: bd[0], breakdown_value: bd[1] } : {}),
    });
    const conn = await connect();
    await createTable(conn, 'flow', [f(null, 12, 20), f(['gender', 'K'], 12, 3), f(['gender', 'M'], 0, 17)]);
    await applyDisclosure({ conn, dataset: 'flow', threshold: 5, periods: noPeriods() });
    const s = await statuses(conn, 'flow');
    expect(withStatus(s, 'primary')).toEqual(['DK/a_dagpenge/2024M01/gender=K']);
    expect(withStatus(s, 'secondary')).toEqual(['DK/a_dagpenge/2024M01/total=total']);
  });

  it('cascades: a breakdown secondary makes an area relation single, which suppresses again', async () => {
    // Rows J155 = K155 (Dragør) + K185 (Tårnby); columns total = 16-24 + 25-29 + 30-39.
    //          total 16-24 25-29 30-39
    //   K155     20     2     8    10     round 0: K155/16-24 primary
    //   K185     30     6     9    15     round 1: K155/25-29 (row), K185/16-24 (column)
    //   J155     50     8    17    25     round 2: K185/25-29 (column 25-29 and row K185)
    const conn = await connect();
    const grid: [string, number[]][] = [['K155', [20, 2, 8, 10]], ['K185', [30, 6, 9, 15]], ['J155', [50, 8, 17, 25]]];
    const bands = ['16-24', '25-29', '30-39'];
    await createTable(conn, 'volume', grid.flatMap(([area, [total, ...parts]]) => [
      cell(area, M(1), total!), ...parts.map((n, i) => cell(area, M(1), n, ['age_band', bands[i]!])),
    ]));
    const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: noPeriods() });
    const s = await statuses(conn, 'volume');
    expect(withStatus(s, 'primary')).toEqual(['K155/a_dagpenge/2024M01/age_band=16-24']);
    expect(withStatus(s, 'secondary')).toEqual(['K155/a_dagpenge/2024M01/age_band=25-29', 'K185/a_dagpenge/2024M01/age_band=16-24', 'K185/a_dagpenge/2024M01/age_band=25-29']);
    expect(report).toMatchObject({ iterations: 2, unresolved: 0 });
  });

  it('a single-municipality jobcenter shares its municipality\'s status', async () => {
    // R1084 = K101 + K147 (other municipalities absent = 0); J101 = K101, J147 = K147.
    const conn = await connect();
    await createTable(conn, 'volume', [cell('R1084', M(1), 43), cell('K101', M(1), 40), cell('J101', M(1), 40), cell('K147', M(1), 3), cell('J147', M(1), 3)]);
    const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: noPeriods() });
    const s = await statuses(conn, 'volume');
    expect(withStatus(s, 'primary')).toEqual(['J147/a_dagpenge/2024M01/total=total', 'K147/a_dagpenge/2024M01/total=total']);
    expect(withStatus(s, 'secondary')).toEqual(['J101/a_dagpenge/2024M01/total=total', 'K101/a_dagpenge/2024M01/total=total']);
    expect(report.iterations).toBe(2); // K101 via the region, then J101 via J101 = K101
  });

  it('time: a month suppressed inside a published quarter takes the smallest other month', async () => {
    const rows = [cell('DK', '2024Q1', 15), cell('DK', M(1), 12), cell('DK', M(2), 3), cell('DK', M(3), 9)];
    const conn = await connect();
    await createTable(conn, 'volume', rows);
    const periods = { ...noPeriods(), M: [M(1), M(2), M(3)], Q: ['2024Q1'] };
    await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods });
    expect(withStatus(await statuses(conn, 'volume'), 'secondary')).toEqual(['DK/a_dagpenge/2024M03/total=total']);

    // Without March among the published periods the quarter is no relation of them.
    await createTable(conn, 'volume', rows);
    await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: { ...periods, M: [M(1), M(2)] } });
    expect(withStatus(await statuses(conn, 'volume'), 'secondary')).toEqual([]);
  });

  it('benefits: gross_unemployed = a_dagpenge + kontanthjaelp_jobparat, only when both groups are in the table', async () => {
    const b = (benefit: string): Row => ({ area: 'DK', benefit, freq: 'M', period: M(1) });
    const conn = await connect();
    // First count longterm_persons: 20 = 18 + 2 (primary); gross_persons 30 = 27 + 3.
    await createTable(conn, 'longterm', [
      { ...b('gross_unemployed'), longterm_persons: 20, gross_persons: 30 },
      { ...b('a_dagpenge'), longterm_persons: 18, gross_persons: 27 },
      { ...b('kontanthjaelp_jobparat'), longterm_persons: 2, gross_persons: 3 },
    ]);
    await applyDisclosure({ conn, dataset: 'longterm', threshold: 5, periods: noPeriods() });
    expect(withStatus(await statuses(conn, 'longterm'), 'secondary')).toEqual(['DK/a_dagpenge/2024M01/total=total']);

    await createTable(conn, 'longterm', [{ ...b('gross_unemployed'), gross_persons: 30 }, { ...b('kontanthjaelp_jobparat'), gross_persons: 3 }]);
    await applyDisclosure({ conn, dataset: 'longterm', threshold: 5, periods: noPeriods() });
    expect(withStatus(await statuses(conn, 'longterm'), 'secondary')).toEqual([]);
  });

  it('activation: offer all = Σ offer kinds', async () => {
    const o = (offer: string, activated: number): Row => ({ area: 'DK', benefit: 'a_dagpenge', freq: 'M', period: M(1), offer, activated, persons: 100 });
    const conn = await connect();
    await createTable(conn, 'activation', [o('all', 20), o('virksomhedspraktik', 2), o('loentilskud', 8), o('vejledning_opkvalificering', 10)]);
    await applyDisclosure({ conn, dataset: 'activation', threshold: 5, periods: noPeriods() });
    const s = await statuses(conn, 'activation');
    expect(withStatus(s, 'primary')).toEqual(['DK/a_dagpenge/2024M01/total=total/virksomhedspraktik']);
    expect(withStatus(s, 'secondary')).toEqual(['DK/a_dagpenge/2024M01/total=total/loentilskud']);
  });

  it('guard: a lone suppressed part whose total is absent is reported, and the loop ends', async () => {
    // J101 = K101, but J101 has no row for January (inconsistent input): nothing to suppress.
    const conn = await connect();
    await createTable(conn, 'volume', [cell('K101', M(1), 3), cell('J101', M(2), 10), cell('K101', M(2), 10)]);
    const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: noPeriods() });
    expect(report).toMatchObject({ primary: 1, secondary: 0, unresolved: 1 });
  });

  it('re-running overwrites an existing status column', async () => {
    const conn = await connect();
    await createTable(conn, 'volume', [cell('DK', M(1), 3)]);
    await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: noPeriods() });
    await applyDisclosure({ conn, dataset: 'volume', threshold: 3, periods: noPeriods() });
    expect(withStatus(await statuses(conn, 'volume'), 'published')).toEqual(['DK/a_dagpenge/2024M01/total=total']);
  });
});
