import { describe, expect, it } from 'vitest';
import {
  ageOn, birthdayDay, daysFromCivil, formatDay, isoWeekMonday, isoWeekMondayDay, isoWeekOfDay, isoWeeksInYear, parseDay, weekMonth,
  weekPeriods, weeksOfMonths,
} from '../../src/register/index.js';

describe('ISO weeks', () => {
  it('knows 53-week years', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeekMonday(2020, 53)).toBe('2020-12-28');
    expect(isoWeekMonday(2026, 53)).toBe('2026-12-28');
    expect(isoWeekMondayDay(2021, 53)).toBeNull();
    expect(isoWeekMondayDay(2021, 54)).toBeNull();
    expect(isoWeekMondayDay(2021, 0)).toBeNull();
  });

  it('maps Mondays to ISO weeks and back', () => {
    expect(isoWeekMonday(2021, 1)).toBe('2021-01-04');
    expect(isoWeekMonday(2024, 1)).toBe('2024-01-01');
    expect(isoWeekMonday(2025, 1)).toBe('2024-12-30');
    expect(isoWeekOfDay(parseDay('2021-01-01')!)).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOfDay(parseDay('2024-12-31')!)).toEqual({ year: 2025, week: 1 });
  });

  it('puts a week in the month of its Thursday', () => {
    // Monday 2024-04-29 → Thursday 2024-05-02: May.
    expect(weekMonth(parseDay('2024-04-29')!)).toEqual({ year: 2024, month: 5 });
    expect(weekPeriods(parseDay('2024-04-29')!)).toEqual({ month: '2024M05', quarter: '2024Q2', year: '2024' });
    // Monday 2025-12-29 → Thursday 2026-01-01: January 2026.
    expect(weekPeriods(parseDay('2025-12-29')!).year).toBe('2026');
    // Monday 2024-01-29 → Thursday 2024-02-01: February.
    expect(weekMonth(parseDay('2024-01-29')!).month).toBe(2);
  });

  it('finds the weeks of a month range', () => {
    const w = weeksOfMonths('2021-01', '2025-12');
    expect(formatDay(w.firstMonday)).toBe('2021-01-04');
    expect(formatDay(w.lastMonday)).toBe('2025-12-22');
    expect(w.last - w.first + 1).toBe(260);
    const may = weeksOfMonths('2024-05', '2024-05');
    expect(formatDay(may.firstMonday)).toBe('2024-04-29');
    expect(may.last - may.first + 1).toBe(5);
    const y2020 = weeksOfMonths('2020-01', '2020-12');
    expect(y2020.last - y2020.first + 1).toBe(53);
  });

  it('computes ages with the 29 February rule', () => {
    const b = parseDay('2004-02-29')!;
    expect(ageOn(b, daysFromCivil(2021, 2, 28))).toBe(16);
    expect(ageOn(b, daysFromCivil(2020, 2, 28))).toBe(15);
    expect(ageOn(b, daysFromCivil(2020, 3, 1))).toBe(16);
    expect(formatDay(birthdayDay(b, 17))).toBe('2021-03-01');
    expect(parseDay('2021-02-29')).toBeNull();
    expect(parseDay('2021-13-01')).toBeNull();
  });
});
