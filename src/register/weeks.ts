/**
 * ISO-week utilities shared by the register generator, the DREAM importer and (optionally)
 * the measure engine.
 *
 * Dates are handled as integer "epoch days" (days since 1970-01-01, UTC) so hot loops never
 * allocate Date objects. A week is identified by its Monday; the compact "week index" counts
 * weeks from Monday 1970-01-05 (week index 0). A week belongs to the month, quarter and year
 * of its Thursday (ISO 8601, docs/measures.md).
 */

/** Epoch day of Monday 1970-01-05, the Monday of week index 0. */
const WEEK0_EPOCH_DAY = 4;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). Howard Hinnant's algorithm. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of an epoch day. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of an epoch day. */
export function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Epoch day of a `YYYY-MM-DD` string; null when it is not a valid calendar date. */
export function parseDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = daysFromCivil(year, month, day);
  const back = civilFromDays(d);
  return back.month === month && back.day === day ? d : null;
}

/** Day of week of an epoch day, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** Epoch day of the Monday of the week containing `days`. */
export function mondayOf(days: number): number {
  return days - isoWeekday(days) + 1;
}

/** Week index (weeks since Monday 1970-01-05) of the week containing `days`. */
export function weekIndexOfDay(days: number): number {
  return Math.floor((days - WEEK0_EPOCH_DAY) / 7);
}

/** Epoch day of the Monday of a week index. */
export function mondayOfWeekIndex(week: number): number {
  return WEEK0_EPOCH_DAY + 7 * week;
}

/** Number of ISO weeks in an ISO year (52 or 53): years whose 28 December falls in week 53. */
export function isoWeeksInYear(year: number): 52 | 53 {
  return isoWeekOfDay(daysFromCivil(year, 12, 28)).week === 53 ? 53 : 52;
}

/** ISO year and week number of a date (the ISO year is the year of the week's Thursday). */
export function isoWeekOfDay(days: number): { year: number; week: number } {
  const thursday = mondayOf(days) + 3;
  const year = civilFromDays(thursday).year;
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/**
 * Epoch day of the Monday of ISO week `week` of ISO year `year`; null when the year has no
 * such week (week 0, week 53 of a 52-week year, week 54, …).
 */
export function isoWeekMondayDay(year: number, week: number): number | null {
  if (!Number.isInteger(week) || week < 1 || week > isoWeeksInYear(year)) return null;
  // 4 January is always in week 1.
  return mondayOf(daysFromCivil(year, 1, 4)) + 7 * (week - 1);
}

/** `YYYY-MM-DD` of the Monday of an ISO week; throws for a week the year does not have. */
export function isoWeekMonday(year: number, week: number): string {
  const d = isoWeekMondayDay(year, week);
  if (d === null) throw new RangeError(`ISO-år ${year} har ingen uge ${week}`);
  return formatDay(d);
}

/** The month (`{ year, month }`) a week belongs to: the month of its Thursday. */
export function weekMonth(mondayDays: number): { year: number; month: number } {
  const { year, month } = civilFromDays(mondayOf(mondayDays) + 3);
  return { year, month };
}

/** Jobindsats period labels of the week containing a date: `2024M05`, `2024Q2`, `2024`. */
export function weekPeriods(days: number): { month: string; quarter: string; year: string } {
  const { year, month } = weekMonth(days);
  return { month: `${year}M${pad(month)}`, quarter: `${year}Q${Math.ceil(month / 3)}`, year: String(year) };
}

/** Parses `YYYY-MM` (or `YYYYMmm`); throws on anything else. */
export function parseMonth(s: string): { year: number; month: number } {
  const m = /^(\d{4})(?:-|M)(\d{2})$/.exec(s);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new RangeError(`Ugyldig måned '${s}' (forventet YYYY-MM)`);
  return { year: Number(m[1]), month };
}

/**
 * The weeks belonging to the months `from`..`to` (inclusive, `YYYY-MM`): the first week is
 * the one whose Thursday is the first Thursday of `from`, the last the one whose Thursday is
 * the last Thursday of `to`. Returned as week indices (inclusive) and Monday epoch days.
 */
export function weeksOfMonths(from: string, to: string): { first: number; last: number; firstMonday: number; lastMonday: number } {
  const f = parseMonth(from);
  const t = parseMonth(to);
  const startDay = daysFromCivil(f.year, f.month, 1);
  const endDay = daysFromCivil(t.month === 12 ? t.year + 1 : t.year, t.month === 12 ? 1 : t.month + 1, 1) - 1;
  if (endDay < startDay) throw new RangeError(`Perioden ${from}..${to} er tom`);
  // First Thursday on or after startDay; last Thursday on or before endDay.
  const firstThu = startDay + ((4 - isoWeekday(startDay) + 7) % 7);
  const lastThu = endDay - ((isoWeekday(endDay) - 4 + 7) % 7);
  const first = weekIndexOfDay(firstThu);
  const last = weekIndexOfDay(lastThu);
  return { first, last, firstMonday: mondayOfWeekIndex(first), lastMonday: mondayOfWeekIndex(last) };
}

/** Age in whole years on `days` for someone born on `birth` (epoch days); 29 Feb birthdays turn on 1 March. */
export function ageOn(birth: number, days: number): number {
  const b = civilFromDays(birth);
  const d = civilFromDays(days);
  return d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
}

/** Epoch day on which someone born on `birth` turns `age` (29 Feb → 1 March in common years). */
export function birthdayDay(birth: number, age: number): number {
  const b = civilFromDays(birth);
  const y = b.year + age;
  if (b.month === 2 && b.day === 29 && parseDay(`${pad(y, 4)}-02-29`) === null) return daysFromCivil(y, 3, 1);
  return daysFromCivil(y, b.month, b.day);
}
