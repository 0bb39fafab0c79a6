/**
 * The engine's calendar, computed in TypeScript (it is tiny): week indexes relative to the
 * register's first week, month indexes (year·12 + month − 1 of the week's Thursday, the ISO
 * rule), and every period of every freq with its weeks and publication flags.
 */
import type { Freq } from '../datasets.js';

const DAY = 86_400_000;

function parseDate(s: string): number {
  return Math.round(Date.parse(`${s}T00:00:00Z`) / DAY);
}
/** Absolute month index (year·12 + month − 1) of the Thursday of the week starting on Monday `monday` (epoch days). */
function monthOfWeek(monday: number): number {
  const t = new Date((monday + 3) * DAY);
  return t.getUTCFullYear() * 12 + t.getUTCMonth();
}
const pad = (n: number) => String(n).padStart(2, '0');
function monthLabel(mi: number): string {
  return `${Math.floor(mi / 12)}M${pad((mi % 12) + 1)}`;
}

interface Period {
  freq: Freq;
  /** Index in the freq's own unit: month index (M, and R by its last month), mi // 3 (Q), mi // 12 (Y). */
  pidx: number;
  label: string;
  firstW: number;
  lastW: number;
  weeks: number;
  /** Calendar year of the period's (last month's) end, for population. */
  year: number;
}

export interface Calendar {
  firstWeek: string;
  cutoffWeek: string;
  /** Number of weeks in the register range; week indexes run 0 … nWeeks − 1. */
  nWeeks: number;
  /** Month index of each week index. */
  weekMonth: number[];
  months: { mi: number; firstW: number; lastW: number }[];
  /** Every period whose weeks all lie inside the register's range. */
  periods: Period[];
}

export function buildCalendar(firstWeek: string, cutoffWeek: string): Calendar {
  const first = parseDate(firstWeek);
  const nWeeks = (parseDate(cutoffWeek) - first) / 7 + 1;
  if (!Number.isInteger(nWeeks) || nWeeks < 1) throw new Error(`ugyldigt ugeinterval ${firstWeek} – ${cutoffWeek}`);
  const weekMonth = Array.from({ length: nWeeks }, (_, w) => monthOfWeek(first + 7 * w));
  // A month is complete when the week before the first week and the week after the cut-off belong to other months.
  const before = monthOfWeek(first - 7);
  const after = monthOfWeek(first + 7 * nWeeks);
  const months: Calendar['months'] = [];
  for (let w = 0; w < nWeeks; w++) {
    const mi = weekMonth[w]!;
    const last = months[months.length - 1];
    if (last && last.mi === mi) last.lastW = w;
    else months.push({ mi, firstW: w, lastW: w });
  }
  const complete = months.filter((m) => m.mi !== before && m.mi !== after);
  const byMi = new Map(complete.map((m) => [m.mi, m]));
  const periods: Period[] = [];
  for (const m of complete) periods.push({ freq: 'M', pidx: m.mi, label: monthLabel(m.mi), firstW: m.firstW, lastW: m.lastW, weeks: m.lastW - m.firstW + 1, year: Math.floor(m.mi / 12) });
  const span = (freq: Freq, pidx: number, label: string, mis: number[], year: number) => {
    const ms = mis.map((mi) => byMi.get(mi));
    if (ms.some((x) => !x)) return;
    const firstW = ms[0]!.firstW;
    const lastW = ms[ms.length - 1]!.lastW;
    periods.push({ freq, pidx, label, firstW, lastW, weeks: lastW - firstW + 1, year });
  };
  const qs = [...new Set(complete.map((m) => Math.floor(m.mi / 3)))];
  for (const q of qs) span('Q', q, `${Math.floor(q / 4)}Q${(q % 4) + 1}`, [3 * q, 3 * q + 1, 3 * q + 2], Math.floor(q / 4));
  const ys = [...new Set(complete.map((m) => Math.floor(m.mi / 12)))];
  for (const y of ys) span('Y', y, String(y), Array.from({ length: 12 }, (_, i) => 12 * y + i), y);
  for (const m of complete) span('R', m.mi, `${monthLabel(m.mi - 11)}-${monthLabel(m.mi)}`, Array.from({ length: 12 }, (_, i) => m.mi - 11 + i), Math.floor(m.mi / 12));
  return { firstWeek, cutoffWeek, nWeeks, weekMonth, months, periods };
}
