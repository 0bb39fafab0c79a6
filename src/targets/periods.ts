/** Period ids of the statistics bank as consecutive steps of their frequency. */
export type Freq = 'M' | 'Q' | 'Y' | 'R';

/** The frequency of a period id (2025M06, 2025Q2, 2025, 2024M07-2025M06). */
export function freqOf(period: string): Freq {
  return period.includes('-') ? 'R' : period.includes('M') ? 'M' : period.includes('Q') ? 'Q' : 'Y';
}

/** The last period of a year at a frequency (a rolling year: the calendar year). */
export const yearEnd = (freq: string, year: number) => (freq === 'M' ? `${year}M12` : freq === 'Q' ? `${year}Q4` : freq === 'Y' ? String(year) : `${year}M01-${year}M12`);

/** Whether a period closes its year (December, the fourth quarter, the year, a rolling year to December). */
export const isYearEnd = (period: string) => period === yearEnd(freqOf(period), Number((period.includes('-') ? period.split('-')[1]! : period).slice(0, 4)));

/** A step count that grows by one per period (a rolling year counts by its last month). */
export function stepOf(period: string): number {
  const y = Number(period.slice(0, 4));
  switch (freqOf(period)) {
    case 'M':
      return y * 12 + Number(period.slice(5, 7)) - 1;
    case 'R':
      return Number(period.slice(8, 12)) * 12 + Number(period.slice(13, 15)) - 1;
    case 'Q':
      return y * 4 + Number(period.slice(5)) - 1;
    case 'Y':
      return y;
  }
}

/** Periods per year that carry a season: months and quarters; years and rolling years none. */
export const seasonLength = (f: Freq): number => (f === 'M' ? 12 : f === 'Q' ? 4 : 1);
