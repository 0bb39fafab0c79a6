/**
 * A randomized but consistent synthetic volume cube, and an attacker who knows every
 * additive relation. Written independently of src/indicators/disclosure: only the
 * reference data (which municipalities an area has) is shared.
 */
import { areas } from '../../../src/reference/index.js';
import type { Freq } from '../../../src/indicators/datasets.js';
import type { Row } from './helpers.js';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Small and large municipalities of three regions, incl. the two-municipality
// jobcenters Tårnby-Dragør (J155) and Frederikshavn-Læsø (J813).
const munis: [number, number][] = [[101, 30], [851, 20], [265, 12], [259, 12], [185, 10], [813, 8], [155, 5], [825, 3]];
const groups = ['a_dagpenge', 'kontanthjaelp_jobparat', 'sygedagpenge', 'jobafklaringsforloeb'];
/** The aggregates over these groups (docs/measures.md), each a relation total = Σ groups. */
export const benefitSums: Record<string, string[]> = {
  category_dagpenge: ['a_dagpenge'],
  category_sygedagpenge: ['sygedagpenge', 'jobafklaringsforloeb'],
  gross_unemployed: ['a_dagpenge', 'kontanthjaelp_jobparat'],
};
export const breakdownParts: Record<string, string[]> = {
  gender: ['K', 'M'],
  age_band: ['16-24', '25-29', '30-39', '40-49', '50-59', '60-66'],
  origin: ['dansk', 'vestlig', 'ikke-vestlig'],
};
const month = (m: number) => `2024M${String(m).padStart(2, '0')}`;
export const periods: Record<Freq, string[]> = {
  M: Array.from({ length: 12 }, (_, i) => month(i + 1)),
  Q: ['2024Q1', '2024Q2', '2024Q3', '2024Q4'],
  Y: ['2024'],
  R: ['2024M01-2024M12'],
};

/** Cell key `area/benefit/period/breakdown=value`, as helpers.cellKey writes it. */
const key = (area: string, benefit: string, period: string, bd: string) => `${area}/${benefit}/${period}/${bd}`;

export interface Cube {
  rows: Row[];
  /** person_weeks per cell key (absent keys are zero). */
  weeks: Map<string, number>;
}

/**
 * `units` persons, each with one municipality, group, gender, age band and origin, on
 * benefit in a run of months with 1–5 weeks each; aggregated to every area, benefit,
 * period and breakdown that contains them. Persons count once per cell, person-weeks
 * add up, so every relation holds exactly for person_weeks. Municipality × group ×
 * month totals without persons are written as explicit zero rows.
 */
export function syntheticCube(seed: number, units: number): Cube {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const weightSum = munis.reduce((s, [, w]) => s + w, 0);
  const cells = new Map<string, { row: Row; persons: number; weeks: number }>();
  const add = (area: string, benefit: string, freq: Freq, period: string, bd: string, weeks: number) => {
    const k = key(area, benefit, period, bd);
    let c = cells.get(k);
    if (!c) {
      const [breakdown, value] = bd.split('=') as [string, string];
      c = { row: { area, benefit, freq, period, breakdown, breakdown_value: value }, persons: 0, weeks: 0 };
      cells.set(k, c);
    }
    c.persons += 1;
    c.weeks += weeks;
  };
  for (let u = 0; u < units; u++) {
    let r = rand() * weightSum;
    const muni = munis.find(([, w]) => (r -= w) < 0)?.[0] ?? 101;
    const group = pick(groups);
    const bds = ['total=total', ...Object.entries(breakdownParts).map(([b, vs]) => `${b}=${pick(vs)}`)];
    const start = 1 + Math.floor(rand() * 12);
    const length = 1 + Math.floor(rand() * 6);
    const byMonth = new Map<number, number>();
    for (let m = start; m < start + length && m <= 12; m++) byMonth.set(m, 1 + Math.floor(rand() * 5));
    const byPeriod = new Map<string, [Freq, number]>();
    for (const [m, w] of byMonth) {
      for (const [f, p] of [['M', month(m)], ['Q', `2024Q${Math.ceil(m / 3)}`], ['Y', '2024'], ['R', '2024M01-2024M12']] as [Freq, string][]) {
        byPeriod.set(p, [f, (byPeriod.get(p)?.[1] ?? 0) + w]);
      }
    }
    const inAreas = areas.filter((a) => a.municipalities.includes(muni)).map((a) => a.id);
    const inBenefits = [group, ...Object.entries(benefitSums).filter(([, gs]) => gs.includes(group)).map(([b]) => b)];
    for (const a of inAreas) for (const b of inBenefits) for (const [p, [f, w]] of byPeriod) for (const bd of bds) add(a, b, f, p, bd, w);
  }
  for (const [m] of munis) for (const g of groups) for (const p of periods.M) {
    const k = key(`K${m}`, g, p, 'total=total');
    if (!cells.has(k)) cells.set(k, { row: { area: `K${m}`, benefit: g, freq: 'M', period: p }, persons: 0, weeks: 0 });
  }
  const rows = [...cells.values()].map((c) => ({ ...c.row, persons: c.persons, person_weeks: c.weeks }));
  return { rows, weeks: new Map([...cells].map(([k, c]) => [k, c.weeks])) };
}

/** A relation instance: the keys of its total and its parts (absent keys are zero). */
export interface Equation { total: string; parts: string[] }

/**
 * Every instance of the documented relations among the cube's cells: breakdowns,
 * areas (each jobcenter, region, employment region = its municipalities; DK = Σ regions
 * = Σ employment regions = Σ jobcenters; each employment region = its regions, e.g.
 * B1 = R1084 + R1085), benefits, and time (quarter, year, rolling year; year = the
 * rolling year ending in December).
 */
export function equations(keys: Iterable<string>): Equation[] {
  const fams: { dim: number; total: string; parts: string[] }[] = [];
  for (const [b, vs] of Object.entries(breakdownParts)) fams.push({ dim: 3, total: 'total=total', parts: vs.map((v) => `${b}=${v}`) });
  const level = (l: string) => areas.filter((a) => a.level === l);
  for (const a of areas.filter((x) => x.level !== 'municipality' && x.level !== 'country')) fams.push({ dim: 0, total: a.id, parts: a.municipalities.map((c) => `K${c}`) });
  for (const l of ['region', 'employment_region', 'jobcenter']) fams.push({ dim: 0, total: 'DK', parts: level(l).map((a) => a.id) });
  for (const b of level('employment_region')) {
    fams.push({ dim: 0, total: b.id, parts: level('region').filter((r) => r.municipalities.every((c) => b.municipalities.includes(c))).map((r) => r.id) });
  }
  for (const [b, gs] of Object.entries(benefitSums)) fams.push({ dim: 1, total: b, parts: gs });
  for (let q = 1; q <= 4; q++) fams.push({ dim: 2, total: `2024Q${q}`, parts: [1, 2, 3].map((i) => month((q - 1) * 3 + i)) });
  fams.push({ dim: 2, total: '2024', parts: periods.Q });
  fams.push({ dim: 2, total: '2024', parts: periods.M });
  fams.push({ dim: 2, total: '2024M01-2024M12', parts: periods.M });
  fams.push({ dim: 2, total: '2024', parts: ['2024M01-2024M12'] });

  // Per dimension: the other coordinates → (this coordinate → key).
  const byDim = [0, 1, 2, 3].map(() => new Map<string, Map<string, string>>());
  for (const k of keys) {
    const parts = k.split('/');
    byDim.forEach((m, d) => {
      const other = parts.filter((_, i) => i !== d).join('/');
      if (!m.has(other)) m.set(other, new Map());
      m.get(other)!.set(parts[d]!, k);
    });
  }
  const out: Equation[] = [];
  for (const f of fams) {
    for (const [other, at] of byDim[f.dim]!) {
      const parts = f.parts.map((p) => at.get(p)).filter((k): k is string => k !== undefined);
      if (parts.length > 0 || at.has(f.total)) out.push({ total: at.get(f.total) ?? `absent:${f.total}/${other}`, parts });
    }
  }
  return out;
}

/**
 * The attacker: knows every published value (absent cells are zero) and every
 * equation, and solves any equation with exactly one unknown, over and over, so chains
 * of subtractions across relations are followed too. Returns the recovered cells.
 */
export function attack(published: (key: string) => number | null, eqs: readonly Equation[]): Map<string, number> {
  const recovered = new Map<string, number>();
  const value = (k: string) => (recovered.has(k) ? recovered.get(k)! : published(k));
  for (let progress = true; progress; ) {
    progress = false;
    for (const e of eqs) {
      const members = [e.total, ...e.parts];
      const unknown = members.filter((k) => value(k) === null);
      if (unknown.length !== 1) continue;
      const sumParts = e.parts.reduce((s, k) => s + (value(k) ?? 0), 0);
      const u = unknown[0]!;
      recovered.set(u, u === e.total ? sumParts : value(e.total)! - sumParts);
      progress = true;
    }
  }
  return recovered;
}
