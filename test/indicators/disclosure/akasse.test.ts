/**
 * Hand-checkable cases of the a-kasse relation total = Σ funds + not insured
 * (docs/measures.md, "Disclosure"): the not-insured part is never published, but it is a
 * member of the relation like any part, so a suppressed fund is never the only unknown.
 */
import { describe, expect, it } from 'vitest';
import { applyDisclosure } from '../../../src/indicators/disclosure/index.js';
import { benefits, NOT_INSURED } from '../../../src/reference/index.js';
import { connect, createTable, noPeriods, statuses, withStatus, type Row } from './helpers.js';

const cell = (benefit: string, persons: number, value?: string): Row => ({
  area: 'DK', benefit, freq: 'M', period: '2024M03', persons, person_weeks: 4 * persons,
  ...(value ? { breakdown: 'a_kasse', breakdown_value: value } : {}),
});
const key = (benefit: string, value?: string) => `DK/${benefit}/2024M03/${value ? `a_kasse=${value}` : 'total=total'}`;

async function run(rows: Row[], keepNotInsured = false) {
  const conn = await connect();
  await createTable(conn, 'volume', rows);
  const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: noPeriods(), keepNotInsured });
  return { report, s: await statuses(conn, 'volume') };
}

describe('a-kasse: total = Σ funds + not insured', () => {
  const khj = 'kontanthjaelp_jobparat';

  it('a small fund: the smallest other non-zero part follows it, here a fund (12 < 25 not insured)', async () => {
    const { s, report } = await run([cell(khj, 40), cell(khj, 3, 'foa'), cell(khj, 12, 'aka'), cell(khj, 25, NOT_INSURED)]);
    expect(withStatus(s, 'primary')).toEqual([key(khj, 'foa')]);
    expect(withStatus(s, 'secondary')).toEqual([key(khj, 'aka')]);
    expect(s.get(key(khj))).toBe('published');
    expect(s.has(key(khj, NOT_INSURED))).toBe(false);
    expect(report).toMatchObject({ primary: 1, secondary: 1, removedNotInsured: 1, unresolved: 0 });
  });

  it('… or the not-insured part when it is the smallest: no published cell is lost, and the fund is not recoverable', async () => {
    const rows = [cell(khj, 20), cell(khj, 3, 'foa'), cell(khj, 12, 'aka'), cell(khj, 5, NOT_INSURED)];
    const audit = await run(rows, true);
    expect(audit.s.get(key(khj, NOT_INSURED))).toBe('secondary');
    const { s } = await run(rows);
    expect(withStatus(s, 'primary')).toEqual([key(khj, 'foa')]);
    expect(withStatus(s, 'secondary')).toEqual([]);
    expect([s.get(key(khj)), s.get(key(khj, 'aka'))]).toEqual(['published', 'published']);
    // What is published: total 80 weeks, aka 48: foa + not insured = 32 weeks, foa unknown (it is 12).
    expect(s.has(key(khj, NOT_INSURED))).toBe(false);
  });

  it('without the not-insured part (a-dagpenge: everyone has a fund) the only other fund follows', async () => {
    const { s } = await run([cell('a_dagpenge', 15), cell('a_dagpenge', 3, 'foa'), cell('a_dagpenge', 12, 'aka')]);
    expect(withStatus(s, 'primary')).toEqual([key('a_dagpenge', 'foa')]);
    expect(withStatus(s, 'secondary')).toEqual([key('a_dagpenge', 'aka')]);
  });

  it('a small not-insured part is primary suppressed too, so it cannot be read off as total − the funds', async () => {
    const { s } = await run([cell(khj, 30), cell(khj, 27, 'aka'), cell(khj, 3, NOT_INSURED)], true);
    expect(withStatus(s, 'primary')).toEqual([key(khj, NOT_INSURED)]);
    expect(withStatus(s, 'secondary')).toEqual([key(khj, 'aka')]);
  });

  it('of the benefit relations only gross_unemployed = its two groups holds for the funds', async () => {
    // Every group is present, so public_support and the categories are relations of the table; none has fund cells.
    const groups = benefits.filter((b) => b.kind === 'group').map((b) => b.id);
    const rows = [...groups.filter((g) => g !== 'a_dagpenge' && g !== khj).map((g) => cell(g, 0)), cell('public_support', 27), cell('a_dagpenge', 15), cell('a_dagpenge', 3, 'foa'), cell('a_dagpenge', 12, 'aka'),
      cell(khj, 12), cell(khj, 12, 'foa')];
    const { s } = await run(rows);
    expect(withStatus(s, 'primary')).toEqual([key('a_dagpenge', 'foa')]);
    // aka follows foa within a-dagpenge; kontanthjælp's foa is not tied to it through public_support|foa (no such cell)
    expect(withStatus(s, 'secondary')).toEqual([key('a_dagpenge', 'aka')]);
    // with gross_unemployed in the table the relation gross = a-dagpenge + kontanthjælp holds for foa: kontanthjælp's foa follows
    const withGross = await run([...rows, cell('gross_unemployed', 27), cell('gross_unemployed', 15, 'foa'), cell('gross_unemployed', 12, 'aka')]);
    expect(withStatus(withGross.s, 'secondary')).toEqual(expect.arrayContaining([key(khj, 'foa')]));
  });

  it('applies to volume and longterm only', async () => {
    const conn = await connect();
    await createTable(conn, 'flow', [
      { area: 'DK', benefit: khj, freq: 'M', period: '2024M03', inflow_persons: 20, outflow_persons: 20, self_support_persons: 20 },
      { area: 'DK', benefit: khj, freq: 'M', period: '2024M03', breakdown: 'a_kasse', breakdown_value: 'foa', inflow_persons: 3, outflow_persons: 0, self_support_persons: 0 },
    ]);
    const report = await applyDisclosure({ conn, dataset: 'flow', threshold: 5, periods: noPeriods() });
    expect(report).toMatchObject({ primary: 1, secondary: 0 });
  });
});
