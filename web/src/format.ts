/** Danish number formatting; null is a value that is not published. */
export const fmt = (v: number | null | undefined, decimals: number, missing = 'ikke offentliggjort') =>
  v === null || v === undefined || !Number.isFinite(v) ? missing : new Intl.NumberFormat('da-DK', { maximumFractionDigits: decimals, minimumFractionDigits: decimals }).format(v);

const TZ = 'Europe/Copenhagen';
const parts = (d: Date, o: Intl.DateTimeFormatOptions) =>
  Object.fromEntries(new Intl.DateTimeFormat('da-DK', { timeZone: TZ, ...o }).formatToParts(d).map((p) => [p.type, p.value]));

/** The one date format of the app: '2026-09-01' or an instant → '01.09.2026' (Copenhagen date); '' for none. */
export function date(iso: string | Date | null | undefined): string {
  if (!iso) return '';
  if (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso.split('-').reverse().join('.');
  const p = parts(new Date(iso), { day: '2-digit', month: '2-digit', year: 'numeric' });
  return `${p.day}.${p.month}.${p.year}`;
}

/** An instant with its Copenhagen time: '20.08.2026 kl. 16.00'. */
export function dateTime(iso: string | Date): string {
  const p = parts(new Date(iso), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${date(iso)} kl. ${p.hour}.${p.minute}`;
}

/** A value with its unit ("3.653,0 fuldtidspersoner"), or why it is missing. */
export const withUnit = (v: number | null | undefined, decimals: number, unit: string, why = 'ikke offentliggjort') =>
  v === null || v === undefined || !Number.isFinite(v) ? why : unit ? `${fmt(v, decimals)} ${unit}` : fmt(v, decimals);

const shortMonths = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
/** A period for a chart's axis: 2025M12 → "dec. 2025"; a rolling year by its last month. */
export function shortPeriod(p: string): string {
  const m = /(\d{4})M(\d{2})$/.exec(p);
  return m ? `${shortMonths[Number(m[2]) - 1]} ${m[1]}` : p;
}
