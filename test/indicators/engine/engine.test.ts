/**
 * Hand-made registers with hand-checked values. Every scenario is also checked against the
 * naive reference (test/reference/recompute.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn, bandOf, recompute, type Cube, type RegisterData, type RegisterRow } from '../../reference/recompute.js';
import type { CubeInfo } from '../../../src/indicators/engine/index.js';
import { expectSameCube, mondays, runEngine } from './helpers.js';

const spell = (person_id: number, from: string, weeks: number, municipality: number, benefit: string): RegisterRow[] =>
  mondays(from, weeks).map((week) => ({ person_id, week, municipality, benefit }));
const cell = (cube: Cube, ds: keyof Cube, key: string) => cube[ds].get(key);

describe('scenario 1: 2023-12-04 … 2024-06-24', () => {
  // Months by Thursday: Dec 2023 4 weeks (from 12-04), Jan 4 (01-01…01-22), Feb 5 (01-29…02-26),
  // Mar 4, Apr 4, May 5 (04-29…05-27), Jun 4 (06-03…06-24). Q1 = 13 weeks.
  const data: RegisterData = {
    register: [
      // 99: frames the register's week range (first and cut-off week)
      ...spell(99, '2023-12-04', 1, 101, 'efterloen'), ...spell(99, '2024-06-24', 1, 101, 'efterloen'),
      // 1: a-dagpenge in Esbjerg 01-22, 01-29 (Thursday 02-01 → February), moves to Fanø 02-05, 02-12, then self-supporting
      ...spell(1, '2024-01-22', 2, 561, 'a_dagpenge'), ...spell(1, '2024-02-05', 2, 563, 'a_dagpenge'),
      // 2: on a-dagpenge from the register's first week to 01-08 (inflow censored; unknown duration)
      ...spell(2, '2023-12-04', 6, 101, 'a_dagpenge'),
      // 3: sygedagpenge running in the cut-off week
      ...spell(3, '2024-06-03', 4, 101, 'sygedagpenge'),
      // 4: jobparat 02-05…02-26, 2 empty weeks, sygedagpenge 03-18…04-08
      ...spell(4, '2024-02-05', 4, 101, 'kontanthjaelp_jobparat'), ...spell(4, '2024-03-18', 4, 101, 'sygedagpenge'),
      // 5: aged 20, uddannelseshjælp 01-08…03-04, SU from 03-18 (within 4 weeks)
      ...spell(5, '2024-01-08', 9, 101, 'uddannelseshjaelp'), ...spell(5, '2024-03-18', 3, 101, 'su'),
      // 6: turns 25 on 2024-02-15: 24 at the end of January, 25 at the end of Q1
      ...spell(6, '2024-01-08', 2, 147, 'fleksjob'),
      // 7: born 1964-02-29, turns 60 on 2024-02-29 (a leap year)
      ...spell(7, '2024-01-08', 8, 147, 'ledighedsydelse'),
      // 8: turns 67 on 2024-03-10; rows only while 66
      ...spell(8, '2024-01-08', 8, 147, 'foertidspension'),
    ],
    persons: [
      { person_id: 99, birth_date: '1960-06-01', gender: 'M', origin: 'dansk' },
      { person_id: 1, birth_date: '1980-05-05', gender: 'K', origin: 'dansk' },
      { person_id: 2, birth_date: '1985-01-01', gender: 'M', origin: 'vestlig' },
      { person_id: 3, birth_date: '1990-01-01', gender: 'K', origin: 'dansk' },
      { person_id: 4, birth_date: '1975-07-01', gender: 'M', origin: 'ikke-vestlig' },
      { person_id: 5, birth_date: '2003-09-01', gender: 'K', origin: 'dansk' },
      { person_id: 6, birth_date: '1999-02-15', gender: 'M', origin: 'dansk' },
      { person_id: 7, birth_date: '1964-02-29', gender: 'K', origin: 'dansk' },
      { person_id: 8, birth_date: '1957-03-10', gender: 'M', origin: 'dansk' },
    ],
    activities: [
      { person_id: 4, kind: 'virksomhedspraktik', due_week: null, start_week: '2024-02-12', end_week: '2024-03-11' },
      { person_id: 4, kind: 'loentilskud', due_week: null, start_week: '2024-02-19', end_week: '2024-02-26' },
      { person_id: 4, kind: 'interview', due_week: '2024-02-19', start_week: '2024-02-12', end_week: '2024-02-12' }, // on time
      { person_id: 4, kind: 'interview', due_week: '2024-03-11', start_week: null, end_week: null }, // never held; latest row 02-26 jobparat
      { person_id: 4, kind: 'interview', due_week: '2024-03-25', start_week: '2024-04-01', end_week: '2024-04-01' }, // late; sygedagpenge
      { person_id: 5, kind: 'interview', due_week: '2024-01-01', start_week: '2024-01-01', end_week: '2024-01-01' }, // no row before: not placed
    ],
    population: [
      { municipality: 561, year: 2024, gender: 'K', age_band: '40-49', origin: 'dansk', population: 1500, workforce: 1200 },
      { municipality: 563, year: 2024, gender: 'K', age_band: '40-49', origin: 'dansk', population: 500, workforce: 300 },
      { municipality: 561, year: 2024, gender: 'M', age_band: '40-49', origin: 'dansk', population: 2000, workforce: 1500 },
    ],
  };
  let cube: Cube;
  let info: CubeInfo;
  beforeAll(async () => ({ cube, info } = await runEngine(data)));

  it('periods and weeks (Thursday rule)', () => {
    expect(info.firstWeek).toBe('2023-12-04');
    expect(info.cutoffWeek).toBe('2024-06-24');
    expect(info.periods.M).toEqual(['2023M12', '2024M01', '2024M02', '2024M03', '2024M04', '2024M05', '2024M06']);
    expect(info.periods.Q).toEqual(['2024Q1', '2024Q2']);
    expect(info.periods.Y).toEqual([]);
    expect(info.periods.R).toEqual([]);
    expect(info.weeksInPeriod).toMatchObject({ '2024M01': 4, '2024M02': 5, '2024M05': 5, '2024Q1': 13 });
  });

  it('volume: a spell crossing the month boundary and a move Esbjerg → Fanø', () => {
    expect(cell(cube, 'volume', 'K561|a_dagpenge|M|2024M01|total|total')).toMatchObject({ persons: 1, person_weeks: 1, fulltime: 0.25 });
    expect(cell(cube, 'volume', 'K561|a_dagpenge|M|2024M02|total|total')).toMatchObject({ persons: 1, person_weeks: 1, fulltime: 0.2 });
    expect(cell(cube, 'volume', 'K563|a_dagpenge|M|2024M02|total|total')).toMatchObject({ persons: 1, person_weeks: 2, fulltime: 0.4 });
    // jobcenter Esbjerg-Fanø = K561 + K563, the person once
    expect(cell(cube, 'volume', 'J561|a_dagpenge|M|2024M02|total|total')).toMatchObject({ persons: 1, person_weeks: 3 });
    expect(cell(cube, 'volume', 'J561|a_dagpenge|M|2024M02|total|total')!.fulltime).toBeCloseTo(0.6, 12);
    expect(cell(cube, 'volume', 'R1083|gross_unemployed|Q|2024Q1|gender|K')).toMatchObject({ persons: 1, person_weeks: 4 });
    expect(cell(cube, 'volume', 'J561|a_dagpenge|Q|2024Q1|total|total')!.fulltime).toBeCloseTo(4 / 13, 12);
    // DK a-dagpenge in Q1: persons 1 and 2; person 2 has 01-01, 01-08 in Q1
    expect(cell(cube, 'volume', 'DK|a_dagpenge|Q|2024Q1|total|total')).toMatchObject({ persons: 2, person_weeks: 6 });
  });

  it('volume: pct of population and workforce from population.parquet', () => {
    // J561, 2024, women: population 1500 + 500, workforce 1200 + 300
    const c = cell(cube, 'volume', 'J561|a_dagpenge|M|2024M02|gender|K')!;
    expect(c.pct_population).toBeCloseTo((100 * 0.6) / 2000, 12);
    expect(c.pct_workforce).toBeCloseTo((100 * 0.6) / 1500, 12);
    expect(cell(cube, 'volume', 'J561|a_dagpenge|M|2024M02|total|total')!.pct_population).toBeCloseTo((100 * 0.6) / 4000, 12);
    expect(cell(cube, 'volume', 'J561|a_dagpenge|M|2024M02|origin|dansk')!.pct_population).toBeCloseTo((100 * 0.6) / 4000, 12);
    expect(cell(cube, 'volume', 'K101|a_dagpenge|M|2024M01|total|total')!.pct_population).toBeNull();
  });

  it('age at the period end: turning 25 inside a quarter, 29 February, 67-year-olds in 60-66', () => {
    expect(cell(cube, 'volume', 'K147|fleksjob|M|2024M01|age_band|16-24')).toMatchObject({ persons: 1 });
    expect(cell(cube, 'volume', 'K147|fleksjob|Q|2024Q1|age_band|25-29')).toMatchObject({ persons: 1, person_weeks: 2 });
    expect(cell(cube, 'volume', 'K147|fleksjob|Q|2024Q1|age_band|16-24')).toBeUndefined();
    expect(cell(cube, 'volume', 'K147|ledighedsydelse|M|2024M01|age_band|50-59')).toMatchObject({ persons: 1 });
    expect(cell(cube, 'volume', 'K147|ledighedsydelse|M|2024M02|age_band|60-66')).toMatchObject({ persons: 1 });
    expect(cell(cube, 'volume', 'K147|foertidspension|Q|2024Q1|age_band|60-66')).toMatchObject({ persons: 1, person_weeks: 8 });
  });

  it('flow: inflow in the old municipality, outflow in the new, duration, self-support', () => {
    expect(cell(cube, 'flow', 'K561|a_dagpenge|M|2024M01|total|total')).toMatchObject({ inflow: 1, outflow: 0, inflow_persons: 1 });
    expect(cell(cube, 'flow', 'K563|a_dagpenge|M|2024M02|total|total')).toMatchObject({ inflow: 0, outflow: 1, outflow_self_support: 1, avg_duration: 4, outflow_persons: 1, self_support_persons: 1 });
    expect(cell(cube, 'flow', 'J561|a_dagpenge|Q|2024Q1|total|total')).toMatchObject({ inflow: 1, outflow: 1, outflow_self_support: 1, avg_duration: 4 });
  });

  it('flow: censoring at the first week and at the cut-off', () => {
    // person 2's spell began in the first week: an outflow, no inflow, no known duration
    expect(cell(cube, 'flow', 'K101|a_dagpenge|M|2024M01|total|total')).toMatchObject({ inflow: 0, outflow: 1, outflow_self_support: 1, avg_duration: null });
    // periods starting in the first week are not published
    expect([...cube.flow.keys()].some((k) => k.includes('|2023M12|'))).toBe(false);
    // person 3: inflow in June, still running at the cut-off; self-support is not known for June
    expect(cell(cube, 'flow', 'K101|sygedagpenge|M|2024M06|total|total')).toMatchObject({ inflow: 1, outflow: 0, outflow_self_support: null, self_support_persons: null });
    // person 4: jobparat ends 02-26 but sygedagpenge starts 03-18, within 4 weeks: not self-support
    expect(cell(cube, 'flow', 'K101|kontanthjaelp_jobparat|M|2024M02|total|total')).toMatchObject({ inflow: 1, outflow: 1, outflow_self_support: 0, avg_duration: 4 });
    // public_support: the 2-week gap breaks person 4's spell (outflow in February, a new inflow in March)
    expect(cell(cube, 'flow', 'K101|public_support|M|2024M02|total|total')).toMatchObject({ inflow: 1, outflow: 1, outflow_self_support: 0 });
    expect(cell(cube, 'flow', 'K101|public_support|M|2024M03|total|total')).toMatchObject({ inflow: 1, outflow: 1, outflow_self_support: 0 });
  });

  it('activation: offer-weeks on register rows only, overlapping offers counted once', () => {
    expect(cell(cube, 'activation', 'K101|kontanthjaelp_jobparat|M|2024M02|total|total|all')).toMatchObject({ activated: 1, activated_weeks: 3, fulltime_activated: 0.6, activation_rate: 75, persons: 1 });
    expect(cell(cube, 'activation', 'K101|kontanthjaelp_jobparat|M|2024M02|total|total|virksomhedspraktik')).toMatchObject({ activated: 1, activated_weeks: 3 });
    expect(cell(cube, 'activation', 'K101|kontanthjaelp_jobparat|M|2024M02|total|total|loentilskud')).toMatchObject({ activated: 1, activated_weeks: 2, activation_rate: 50 });
    expect(cell(cube, 'activation', 'K101|kontanthjaelp_jobparat|M|2024M02|gender|M|loentilskud')).toBeUndefined();
    expect(cell(cube, 'activation', 'K101|sygedagpenge|M|2024M03|total|total|all')).toMatchObject({ activated: 0, activation_rate: 0 });
  });

  it('timeliness: on time, never held, late; placed by the latest row at or before the due week', () => {
    expect(cell(cube, 'timeliness', 'K101|kontanthjaelp_jobparat|M|2024M02|total|total')).toMatchObject({ interviews_due: 1, interviews_on_time: 1, timeliness: 100 });
    expect(cell(cube, 'timeliness', 'K101|kontanthjaelp_jobparat|M|2024M03|total|total')).toMatchObject({ interviews_due: 1, interviews_on_time: 0, timeliness: 0 });
    expect(cell(cube, 'timeliness', 'K101|sygedagpenge|M|2024M03|total|total')).toMatchObject({ interviews_due: 1, interviews_on_time: 0 });
    expect(cell(cube, 'timeliness', 'K101|public_support|Q|2024Q1|total|total')).toMatchObject({ interviews_due: 3, interviews_on_time: 1, persons_due: 1, persons_on_time: 1 });
    expect(cell(cube, 'timeliness', 'K101|uddannelseshjaelp|M|2024M01|total|total')).toBeUndefined();
  });

  it('education: 20-year-old leaving uddannelseshjælp for SU within 4 weeks', () => {
    expect(cell(cube, 'education', 'K101|uddannelseshjaelp|M|2024M03|total|total')).toEqual({ persons_ended: 1, persons_to_education: 1, education_rate: 100 });
    expect(cell(cube, 'education', 'K101|uddannelseshjaelp|M|2024M03|age_band|16-24')).toMatchObject({ persons_ended: 1 });
    // person 4 (48) is not 15-29
    expect(cell(cube, 'education', 'K101|kontanthjaelp_jobparat|M|2024M02|total|total')).toBeUndefined();
  });

  it('equals the naive reference', () => expectSameCube(cube, recompute(data)));
});

describe('scenario 2: a 53-week year (2026), rolling years, long-term unemployment', () => {
  // 2025-12-29 (Thursday 2026-01-01) … 2027-01-25. Week index 53 = 2027-01-04.
  const weeks = mondays('2025-12-29', 57);
  const gross = (p: number, from: number, to: number): RegisterRow[] => weeks.slice(from, to + 1).map((week) => ({ person_id: p, week, municipality: 751, benefit: 'a_dagpenge' }));
  const data: RegisterData = {
    register: [
      ...gross(1, 0, 56), // every week
      ...gross(2, 12, 53), // 42 of the 52 weeks ending with week 53
      ...gross(3, 13, 53), // 41
      // born 1976-02-29: turns 50 on 2026-03-01
      ...spell(4, '2026-02-02', 8, 751, 'sygedagpenge'),
    ],
    persons: [
      { person_id: 1, birth_date: '1970-01-01', gender: 'K', origin: 'dansk' },
      { person_id: 2, birth_date: '1970-01-01', gender: 'M', origin: 'dansk' },
      { person_id: 3, birth_date: '1970-01-01', gender: 'M', origin: 'dansk' },
      { person_id: 4, birth_date: '1976-02-29', gender: 'K', origin: 'dansk' },
    ],
    activities: [],
  };
  let cube: Cube;
  let info: CubeInfo;
  beforeAll(async () => ({ cube, info } = await runEngine(data)));

  it('a 53-week year and its rolling years', () => {
    expect(info.periods.Y).toEqual(['2026']);
    expect(info.weeksInPeriod['2026']).toBe(53);
    expect(info.periods.R).toEqual(['2026M01-2026M12', '2026M02-2027M01']);
    expect(info.weeksInPeriod['2026M02-2027M01']).toBe(52);
    expect(cell(cube, 'volume', 'K751|a_dagpenge|Y|2026|gender|K')).toMatchObject({ persons: 1, person_weeks: 53, fulltime: 1 });
    expect(cell(cube, 'volume', 'K751|a_dagpenge|R|2026M01-2026M12|gender|K')).toMatchObject({ persons: 1, person_weeks: 53, fulltime: 1 });
    expect(cell(cube, 'volume', 'K751|a_dagpenge|R|2026M02-2027M01|gender|K')).toMatchObject({ persons: 1, person_weeks: 52, fulltime: 1 });
    expect(cell(cube, 'volume', 'K751|a_dagpenge|R|2026M02-2027M01|total|total')).toMatchObject({ persons: 3 });
  });

  it('29 February birthday in a non-leap year: 50 on 1 March', () => {
    expect(cell(cube, 'volume', 'K751|sygedagpenge|M|2026M02|age_band|40-49')).toMatchObject({ persons: 1 });
    expect(cell(cube, 'volume', 'K751|sygedagpenge|M|2026M03|age_band|50-59')).toMatchObject({ persons: 1 });
    expect(cell(cube, 'volume', 'K751|sygedagpenge|Q|2026Q1|age_band|50-59')).toMatchObject({ persons: 1, person_weeks: 8 });
  });

  it('long-term: 42 of 52 weeks counts, 41 does not; only periods ≥ 51 weeks after the start', () => {
    expect(Object.keys(Object.fromEntries(cube.longterm)).every((k) => k.includes('2027M01'))).toBe(true);
    expect(cell(cube, 'longterm', 'DK|gross_unemployed|M|2027M01|total|total')).toMatchObject({
      longterm_person_weeks: 5, longterm_fulltime: 1.25, longterm_persons: 2, gross_persons: 3,
    });
    expect(cell(cube, 'longterm', 'DK|gross_unemployed|M|2027M01|total|total')!.longterm_share).toBeCloseTo(200 / 3, 12);
    expect(cell(cube, 'longterm', 'K751|a_dagpenge|M|2027M01|gender|M')).toMatchObject({ longterm_persons: 1, gross_persons: 2, longterm_person_weeks: 1 });
  });

  it('equals the naive reference', () => expectSameCube(cube, recompute(data)));
});

describe('reference age rules', () => {
  it('29 February and band clamping', () => {
    expect(ageOn('2000-02-29', Date.UTC(2025, 1, 28) / 86_400_000)).toBe(24);
    expect(ageOn('2000-02-29', Date.UTC(2025, 2, 1) / 86_400_000)).toBe(25);
    expect(bandOf(67)).toBe('60-66');
  });
});
