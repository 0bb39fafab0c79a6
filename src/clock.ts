/** The time the server acts on: deadlines, reminders, lateness. Tests pass their own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The date (YYYY-MM-DD) in Copenhagen: deadlines are Danish calendar days. */
export function danishDate(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
}

/** A day (YYYY-MM-DD) as the pages and messages write it: 31.08.2026. */
export const dayText = (day: string) => day.split('-').reverse().join('.');
/** Whole days from `from` to `to` (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** The calendar day `n` days after `day` (åååå-mm-dd; n may be negative). */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
