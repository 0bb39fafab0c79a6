/** A peer cluster's cells from its jobcenters' cells, by hand. */
import { describe, expect, it } from 'vitest';
import { SeriesStatus } from '../../src/indicators/index.js';
import { clusterSeries, type CellSeries } from '../../src/statbank/cluster-cells.js';

const { published, primary, secondary, unavailable } = SeriesStatus;
/** Two periods × (persons, pct). */
const s = (area: string, values: number[], status: number[], dims = ['a_dagpenge']): CellSeries => ({ area, dims, values: new Float64Array(values), status: new Uint8Array(status) });
const one = (series: CellSeries[], members: string[]) => clusterSeries(series, new Map([['KL1', members]]), 2);

describe('cluster cells: the average jobcenter of the cluster', () => {
  it('averages counts and rates over the jobcenters, each once', () => {
    const out = one([s('J1', [100, 2, 110, 2.2], [published, published]), s('J2', [300, 4, 290, 3.8], [published, published]), s('J3', [5, 9, 5, 9], [published, published])], ['J1', 'J2']);
    expect(out).toHaveLength(1);
    expect(out[0]!.area).toBe('KL1');
    expect([...out[0]!.values]).toEqual([200, 3, 200, 3]);
    expect([...out[0]!.status]).toEqual([published, published]);
  });

  it('uses only published cells, and hides the cell when fewer than half are published', () => {
    const three = [s('J1', [100, 2, 4, 0.1], [published, primary]), s('J2', [300, 4, 3, 0.1], [published, secondary]), s('J3', [7, 6, 290, 3.8], [secondary, published])];
    const out = one(three, ['J1', 'J2', 'J3']);
    expect([...out[0]!.values.subarray(0, 2)]).toEqual([200, 3]); // J3's hidden 7 and 6 are not used
    expect([...out[0]!.status]).toEqual([published, secondary]); // 2 of 3, then 1 of 3 published
  });

  it('keeps an unavailable period unavailable', () => {
    const out = one([s('J1', [1, 1, NaN, NaN], [published, unavailable]), s('J2', [3, 3, NaN, NaN], [published, unavailable])], ['J1', 'J2']);
    expect([...out[0]!.status]).toEqual([published, unavailable]);
  });

  it('counts a jobcenter without the series as published zeros, and keeps dims apart', () => {
    const out = one([s('J1', [100, 2, 100, 2], [published, published]), s('J1', [7, 1, 7, 1], [published, published], ['sygedagpenge'])], ['J1', 'J2']);
    expect(out.map((c) => [c.dims[0], [...c.values]])).toEqual([
      ['a_dagpenge', [50, 1, 50, 1]],
      ['sygedagpenge', [3.5, 0.5, 3.5, 0.5]],
    ]);
  });
});
