/**
 * The additive relations of secondary suppression (docs/measures.md, "Disclosure"), as
 * families along one dimension: `total = Σ parts` holds for every combination of the
 * other dimensions. Pure data; `fixpoint.ts` finds their member cells by key.
 */
import { ageBands, areas, benefits, genders, NOT_INSURED, origins, unemploymentFunds } from '../../reference/index.js';
import { offerKinds, type DatasetId, type Freq } from '../datasets.js';
import { fundBenefits } from '../engine/sql/akasse.js';

/** The dimension a family runs along. Values are encoded as in {@link dimValue}. */
export type RelationDim = 'area' | 'benefit' | 'period' | 'breakdown' | 'offer';

/** One additive relation family: `total = Σ parts` along `dim`, all other keys equal. */
interface RelationFamily {
  dim: RelationDim;
  /** Short label for reports and debugging, e.g. `area:region`. */
  kind: string;
  total: string;
  parts: string[];
  /** Where the family does not hold: cells whose value of `dim` (another dimension) is one of `values`. */
  unless?: { dim: RelationDim; values: string[] };
}

/** Encodes a cell's value of a dimension: period as `freq|period`, breakdown as `breakdown|value`. */
export const dimValue = {
  period: (freq: string, period: string): string => `${freq}|${period}`,
  breakdown: (breakdown: string, value: string): string => `${breakdown}|${value}`,
};

interface RelationInput {
  dataset: DatasetId;
  /** The published periods; time relations need the total and every part among them. */
  periods: Record<Freq, readonly string[]>;
  /** Area ids present in the dataset table: a relation applies only if its total area is computed. */
  areasPresent: ReadonlySet<string>;
  /** Benefit ids present in the dataset table: a relation applies only if its total and all groups are. */
  benefitsPresent: ReadonlySet<string>;
}

/** Every relation family that applies to a dataset table, in a deterministic order. */
export function relationFamilies(input: RelationInput): RelationFamily[] {
  return [
    ...breakdownFamilies(input.dataset),
    ...areaFamilies(input.areasPresent),
    ...benefitFamilies(input.benefitsPresent, fundDatasets.has(input.dataset)),
    ...timeFamilies(input.periods),
    ...(input.dataset === 'activation' ? [{ dim: 'offer' as const, kind: 'offer', total: 'all', parts: [...offerKinds] }] : []),
  ];
}

/** Datasets with an a-kasse breakdown, and the benefit values that have it (the engine's akasse.ts). */
export const fundDatasets: ReadonlySet<DatasetId> = new Set(['volume', 'longterm']);
const fundBenefitSet: ReadonlySet<string> = new Set(fundBenefits);

/** Values of the a-kasse breakdown as relations see them: every fund and the unpublished NOT_INSURED. */
export const fundRelationValues: readonly string[] = [...unemploymentFunds.map((f) => f.id), NOT_INSURED];

/**
 * Breakdowns are marginal: the total equals the sum over each breakdown's values. For the
 * a-kasse breakdown the parts are the funds and the persons without a fund (NOT_INSURED): that
 * cell is computed but never published, and takes part like any other part, so a suppressed
 * fund is never the only unknown of total − Σ published funds.
 */
function breakdownFamilies(dataset: DatasetId): RelationFamily[] {
  const total = dimValue.breakdown('total', 'total');
  const fam = (name: string, values: readonly { id: string }[]): RelationFamily => ({
    dim: 'breakdown',
    kind: `breakdown:${name}`,
    total,
    parts: values.map((v) => dimValue.breakdown(name, v.id)),
  });
  const out = [fam('gender', genders), fam('age_band', ageBands), fam('origin', origins)];
  if (fundDatasets.has(dataset)) out.push(fam('a_kasse', fundRelationValues.map((id) => ({ id }))));
  return out;
}

/**
 * Area relations. Parts may be absent (a municipality without rows is a true zero), but
 * the total must be an area the engine computed for this dataset.
 */
function areaFamilies(present: ReadonlySet<string>): RelationFamily[] {
  const out: RelationFamily[] = [];
  const byLevel = (level: string) => areas.filter((a) => a.level === level);
  const muniId = (code: number) => `K${code}`;
  // Each jobcenter, region and employment region = its municipalities. For the 90
  // single-municipality jobcenters this is the identity J = K, so both share status.
  for (const level of ['jobcenter', 'region', 'employment_region'] as const) {
    for (const a of byLevel(level)) out.push({ dim: 'area', kind: `area:${level}`, total: a.id, parts: a.municipalities.map(muniId) });
  }
  // DK = Σ regions = Σ employment regions = Σ jobcenters.
  for (const level of ['region', 'employment_region', 'jobcenter'] as const) {
    out.push({ dim: 'area', kind: `area:country_${level}`, total: 'DK', parts: byLevel(level).map((a) => a.id) });
  }
  // Each employment region = the regions that partition it: B1 = R1084 + R1085 as the
  // docs list it, and, derived the same way, the identities B2 = R1083, B3 = R1082,
  // B4 = R1081 (identical cells; without them a suppressed R1083 is read off B2).
  for (const b of byLevel('employment_region')) {
    const inside = byLevel('region').filter((r) => r.municipalities.every((c) => b.municipalities.includes(c)));
    if (inside.reduce((n, r) => n + r.municipalities.length, 0) === b.municipalities.length) {
      out.push({ dim: 'area', kind: 'area:employment_region_regions', total: b.id, parts: inside.map((r) => r.id) });
    }
  }
  return out.filter((f) => present.has(f.total));
}

/**
 * Category, public_support and gross_unemployed = their groups, where all are in the dataset.
 * The a-kasse breakdown exists only for gross_unemployed and its two groups, so the other
 * families do not hold for the fund values (their totals have no fund cells).
 */
function benefitFamilies(present: ReadonlySet<string>, funds: boolean): RelationFamily[] {
  const fundValues = fundRelationValues.map((v) => dimValue.breakdown('a_kasse', v));
  return benefits
    .filter((b) => b.kind !== 'group')
    .map((b): RelationFamily => ({
      dim: 'benefit', kind: `benefit:${b.kind}`, total: b.id, parts: [...b.groups],
      ...(funds && !fundBenefitSet.has(b.id) ? { unless: { dim: 'breakdown', values: fundValues } } : {}),
    }))
    .filter((f) => present.has(f.total) && f.parts.every((p) => present.has(p)));
}

const monthKey = (year: number, month: number) => `${year}M${String(month).padStart(2, '0')}`;

/** The 12 months of a rolling year `YYYYMmm-YYYYMmm`, or null when it is not 12 consecutive months. */
export function rollingMonths(period: string): string[] | null {
  const m = /^(\d{4})M(\d{2})-(\d{4})M(\d{2})$/.exec(period);
  if (!m) return null;
  const start = Number(m[1]) * 12 + Number(m[2]) - 1;
  const end = Number(m[3]) * 12 + Number(m[4]) - 1;
  if (end - start !== 11) return null;
  return Array.from({ length: 12 }, (_, i) => monthKey(Math.floor((start + i) / 12), ((start + i) % 12) + 1));
}

/**
 * Time relations, only where the total period and all its parts are published (an
 * unpublished month is not a zero, it is unknown, so the relation tells nothing).
 */
function timeFamilies(periods: Record<Freq, readonly string[]>): RelationFamily[] {
  const has = { M: new Set(periods.M), Q: new Set(periods.Q), Y: new Set(periods.Y), R: new Set(periods.R) };
  const out: RelationFamily[] = [];
  const push = (kind: string, total: string, tf: Freq, parts: string[], pf: Freq) => {
    if (has[tf].has(total) && parts.every((p) => has[pf].has(p))) {
      out.push({ dim: 'period', kind, total: dimValue.period(tf, total), parts: parts.map((p) => dimValue.period(pf, p)) });
    }
  };
  for (const q of [...has.Q].sort()) {
    const m = /^(\d{4})Q([1-4])$/.exec(q);
    if (m) push('time:quarter_months', q, 'Q', [1, 2, 3].map((i) => monthKey(Number(m[1]), (Number(m[2]) - 1) * 3 + i)), 'M');
  }
  for (const y of [...has.Y].sort()) {
    if (!/^\d{4}$/.test(y)) continue;
    push('time:year_quarters', y, 'Y', [1, 2, 3, 4].map((i) => `${y}Q${i}`), 'Q');
    push('time:year_months', y, 'Y', Array.from({ length: 12 }, (_, i) => monthKey(Number(y), i + 1)), 'M');
    // The rolling year ending in December has the same months as the calendar year, so
    // the two cells are identical (as J = K): without this a suppressed year is read off it.
    push('time:year_rolling', y, 'Y', [`${y}M01-${y}M12`], 'R');
  }
  for (const r of [...has.R].sort()) {
    const months = rollingMonths(r);
    if (months) push('time:rolling_months', r, 'R', months, 'M');
  }
  return out;
}
