import type { DataResult } from './statbank.service.js';

/** The column added by `include=status` (JSON and CSV). */
export const statusColumn = 'Status';

/**
 * JSON as Jobindsats (`columns`, `rows`; numbers as numbers, suppressed as null) plus our
 * extensions: `release` and `status` (one status per row, aligned with `rows`). With
 * `include=status` every row also gets a trailing `Status` column.
 */
export function toJson(r: DataResult, includeStatus: boolean): string {
  const columns = includeStatus ? [...r.columns, statusColumn] : r.columns;
  const rows = includeStatus ? r.rows.map((row, i) => [...row, r.status[i]!]) : r.rows;
  return JSON.stringify({ release: r.release, columns, rows, status: r.status });
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * CSV for Danish spreadsheets: UTF-8 with BOM, `;` as separator, decimal comma, CRLF line
 * ends, a header row of the columns; a suppressed or missing value is an empty field.
 * With `include=status` a trailing `Status` column tells why a value is empty.
 */
export function toCsv(r: DataResult, includeStatus: boolean): string {
  const lines: string[] = [];
  lines.push([...r.columns, ...(includeStatus ? [statusColumn] : [])].map(csvField).join(';'));
  r.rows.forEach((row, i) => lines.push([...row, ...(includeStatus ? [r.status[i]!] : [])].map(csvField).join(';')));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
