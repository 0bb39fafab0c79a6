import ExcelJS from 'exceljs';
import type { DataResult } from './statbank.service.js';

/** The column added by `include=status` (JSON and CSV). */
const statusColumn = 'Status';

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
 * With `include=status` a trailing `Status` column tells why a value is empty, in Danish as in the XLSX.
 */
export function toCsv(r: DataResult, includeStatus: boolean): string {
  const lines: string[] = [];
  lines.push([...r.columns, ...(includeStatus ? [statusColumn] : [])].map(csvField).join(';'));
  r.rows.forEach((row, i) => lines.push([...row, ...(includeStatus ? [statusWord(r.status[i]!)] : [])].map(csvField).join(';')));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const statusWords: Record<string, string> = {
  primary: 'diskretioneret (færre end 5 personer)',
  secondary: 'diskretioneret (beskytter en anden celle)',
  unavailable: 'ikke opgjort',
};
/** A row's status in words; empty for a published value (as the XLSX writes it). */
const statusWord = (status: string) => statusWords[status] ?? '';

/**
 * An Excel workbook: sheet "Data" with the columns and rows (numbers as numbers, a
 * suppressed value as an empty cell, a Status column saying why), and sheet "Om tallene"
 * with the table, the release and what the empty cells mean.
 */
export async function toXlsx(r: DataResult, meta: { tableId: string; tableName: string; query: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styringshjulet';
  const ws = wb.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  const hasStatus = r.status.some((s) => s !== 'published');
  ws.addRow([...r.columns, ...(hasStatus ? [statusColumn] : [])]).font = { bold: true };
  r.rows.forEach((row, i) => ws.addRow([...row, ...(hasStatus ? [statusWord(r.status[i]!) || null] : [])]));
  ws.columns.forEach((c, i) => {
    c.width = Math.min(40, Math.max(10, (r.columns[i] ?? statusColumn).length + 2));
  });
  const about = wb.addWorksheet('Om tallene');
  for (const line of [
    ['Tabel', `${meta.tableName} (${meta.tableId})`],
    ['Udgivelse', r.release],
    ['Forespørgsel', meta.query],
    ['Tomme celler', 'Diskretioneret: færre end 5 personer, eller skjult for at et andet skjult tal ikke kan regnes ud. Ikke opgjort: perioden kan endnu ikke gøres op.'],
    ['Kilde', 'Styringshjulet'],
  ]) about.addRow(line);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
