/**
 * What a measure of the statistics bank counts, in Danish, and how its values are written:
 * persons are whole numbers, full-time persons one decimal, rates their decimals and "pct.".
 * No dependencies: the web app imports this file as it is.
 */
type UnitKind = 'count' | 'rate';

interface MeasureUnit {
  /** Written after a value, e.g. "personer", "pct. af befolkningen 16-66 år". */
  unit: string;
  /** A count grows with the area's size; a rate does not (so a peer cluster compares its rate). */
  kind: UnitKind;
  decimals: number;
}

const u = (unit: string, kind: UnitKind, decimals: number): MeasureUnit => ({ unit, kind, decimals });

const units: Record<string, MeasureUnit> = {
  persons: u('personer', 'count', 0),
  activated: u('personer', 'count', 0),
  longterm_persons: u('personer', 'count', 0),
  gross_persons: u('personer', 'count', 0),
  persons_ended: u('personer', 'count', 0),
  persons_to_education: u('personer', 'count', 0),
  fulltime: u('fuldtidspersoner', 'count', 1),
  fulltime_activated: u('fuldtidspersoner', 'count', 1),
  longterm_fulltime: u('fuldtidspersoner', 'count', 1),
  inflow: u('forløb', 'count', 0),
  outflow: u('forløb', 'count', 0),
  outflow_self_support: u('forløb', 'count', 0),
  interviews_due: u('samtaler', 'count', 0),
  interviews_on_time: u('samtaler', 'count', 0),
  pct_population: u('pct. af befolkningen 16-66 år', 'rate', 1),
  pct_workforce: u('pct. af arbejdsstyrken 16-66 år', 'rate', 1),
  activation_rate: u('pct. (aktiveringsgrad)', 'rate', 1),
  longterm_share: u('pct. af bruttoledige', 'rate', 1),
  timeliness: u('pct. rettidige', 'rate', 1),
  education_rate: u('pct. i uddannelse', 'rate', 1),
  avg_duration: u('uger', 'rate', 1),
};

/** The unit of a measure id (unknown measures: a rate with up to two decimals and no unit). */
export const measureUnit = (measure: string): MeasureUnit => units[measure] ?? u('', 'rate', 2);

const da = (v: number, d: number) => v.toLocaleString('da-DK', { minimumFractionDigits: d, maximumFractionDigits: d });

/** A value with its unit: "615 personer", "14,9 pct. af befolkningen 16-66 år". */
export function formatValue(v: number, measure: string, opts: { unit?: boolean; decimals?: number } = {}): string {
  const m = measureUnit(measure);
  const text = da(v, opts.decimals ?? m.decimals);
  return opts.unit === false || m.unit === '' ? text : `${text} ${m.unit}`;
}

/**
 * A target value as the bank's published numbers can reach it: rounded to the measure's
 * decimals on the side that meets it (at least 643,6 persons is at least 644 persons).
 */
export function targetAmount(v: number, measure: string, direction: 'at_least' | 'at_most'): number {
  const f = 10 ** measureUnit(measure).decimals;
  return (direction === 'at_least' ? Math.ceil(v * f - 1e-9) : Math.floor(v * f + 1e-9)) / f;
}

const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** A period id in Danish: 2025M12 → "december 2025", 2025Q2 → "2. kvartal 2025", 2025M01-2025M12 → "januar–december 2025". */
export function periodName(p: string): string {
  const one = (s: string) => {
    const m = /^(\d{4})M(\d{2})$/.exec(s);
    if (m) return { y: m[1]!, text: `${months[Number(m[2]) - 1]} ${m[1]}`, month: months[Number(m[2]) - 1]! };
    const q = /^(\d{4})Q([1-4])$/.exec(s);
    return q ? { y: q[1]!, text: `${q[2]}. kvartal ${q[1]}`, month: '' } : { y: s, text: s, month: '' };
  };
  if (!p.includes('-')) return one(p).text;
  const [a, b] = p.split('-').map(one) as [ReturnType<typeof one>, ReturnType<typeof one>];
  return a.y === b.y && a.month && b.month ? `${a.month}–${b.text}` : `${a.text}–${b.text}`;
}
