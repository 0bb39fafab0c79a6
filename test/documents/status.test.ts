/**
 * "Status på mål" by hand: a target's value at each year's end is the year's last published
 * period (a rolling year by its last month), met against the target; a year not yet in the
 * release, or suppressed to its end, has none.
 */
import { describe, expect, it } from 'vitest';
import { yearValue } from '../../src/documents/view.js';

const monthly = [
  { period: '2024M11', value: 12 },
  { period: '2024M12', value: 9.5 },
  { period: '2025M01', value: 11 },
  { period: '2025M02', value: null },
];
const atMost10 = { value: 10, direction: 'at_most' as const };

describe('the status report’s year values', () => {
  it('takes the year’s last period with a number, and says whether it meets the target', () => {
    expect(yearValue(monthly, 2024, atMost10)).toEqual({ year: 2024, period: '2024M12', value: 9.5, met: true });
    // February is suppressed, so January is the year's last number so far.
    expect(yearValue(monthly, 2025, atMost10)).toEqual({ year: 2025, period: '2025M01', value: 11, met: false });
    expect(yearValue(monthly, 2026, atMost10)).toEqual({ year: 2026, period: null, value: null, met: null });
    expect(yearValue(monthly, 2025, { value: 11, direction: 'at_least' })).toMatchObject({ met: true });
    expect(yearValue(monthly, 2024, null)).toMatchObject({ value: 9.5, met: null });
  });

  it('dates a rolling year by its last month', () => {
    const rolling = [{ period: '2023M07-2024M06', value: 40 }, { period: '2024M01-2024M12', value: 38 }, { period: '2024M07-2025M06', value: 35 }];
    expect(yearValue(rolling, 2024, { value: 39, direction: 'at_most' })).toEqual({ year: 2024, period: '2024M01-2024M12', value: 38, met: true });
    expect(yearValue(rolling, 2025, { value: 39, direction: 'at_most' })).toEqual({ year: 2025, period: '2024M07-2025M06', value: 35, met: true });
  });
});
