/**
 * The benchmarking's input: every measure per jobcenter and rolling year, read from a
 * release. Register releases hold rolling years themselves; a Jobindsats import holds
 * months, whose rolling years are the week-weighted means of 12 monthly rates (exact for
 * a steady population). What a release cannot give is listed with the reason.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { decodeValues, findDatasetShape, findSeries, rollingMonths, type DatasetShape, type Release } from '../indicators/index.js';
import { civilFromDays, daysFromCivil, isoWeekday } from '../register/index.js';
import { jobcenters } from './conditions.js';
import { benchmarkCategories, benchmarkMeasures, type BenchmarkCategory } from './measures.js';

/** Values are jobcenter-major: index `j * periods.length + t`; NaN = no value. */
export interface Panel {
  periods: string[];
  jobcenters: string[];
  /** Per measure id: the value, and the number of persons (or spells) behind it. */
  measures: Map<string, { value: Float64Array; base: Float64Array }>;
  /** Full-time persons per category (for savings). */
  fulltime: Map<BenchmarkCategory, Float64Array>;
  /** Population 16–66 (full-time persons ÷ their share of the population). */
  population: Float64Array;
  timeliness: { value: Float64Array; due: Float64Array } | null;
  unavailable: { measure: string; reason: string }[];
}

type Reader = (dataset: string, benefit: string, measure: string) => Promise<Float64Array | null>;

/** A reader of a register release's rolling-year series (breakdown total), aligned to `periods`. */
async function registerReader(db: Kysely<Database>, release: Release, periods: string[]): Promise<Reader> {
  const shapes = new Map<string, DatasetShape | undefined>();
  const ids = jobcenters.map((j) => j.id);
  const P = periods.length;
  return async (dataset, benefit, measure) => {
    if (!shapes.has(dataset)) shapes.set(dataset, await findDatasetShape(db, release.id, dataset));
    const shape = shapes.get(dataset);
    const mi = shape?.measures.findIndex((m) => m.id === measure) ?? -1;
    if (!shape || mi < 0) return null;
    const nm = shape.measures.length;
    const at = new Map(shape.periods.map((p, i) => [p.id, i]));
    const out = new Float64Array(ids.length * P).fill(NaN);
    const rows = await findSeries(db, { releaseId: release.id, dataset, areas: ids, dims: [[benefit], ['total'], ['total']] });
    const index = new Map(ids.map((id, j) => [id, j]));
    const seen = new Set<string>();
    for (const r of rows) {
      const j = index.get(r.area)!;
      seen.add(r.area);
      const v = decodeValues(r.values, r.codec);
      periods.forEach((p, t) => {
        const i = at.get(p);
        if (i !== undefined && r.status[i] === 0) out[j * P + t] = v[i * nm + mi]!;
      });
    }
    // An absent series is published zeros where the dataset has the period.
    ids.forEach((id, j) => {
      if (!seen.has(id)) periods.forEach((p, t) => at.has(p) && (out[j * P + t] = 0));
    });
    return out;
  };
}

/** Jobindsats tables that publish a category's full-time persons in pct. of the population. */
const jobindsatsTables: Record<BenchmarkCategory, string> = { public_support: 'ptv_a02', dagpenge: 'y01a02', kontanthjaelp: 'y60a02', sygedagpenge: 'y07a02', foertidspension: 'y10a02' };
const jobindsatsMeasures: Record<string, RegExp> = {
  pct_population: /fuldtidspersoner i pct\. af befolkningen/i,
  fulltime: /^antal (ledige )?fuldtidspersoner$/i,
  persons: /^antal (ledige )?personer$/i,
};

/** Weeks of a month: the ISO weeks whose Thursday lies in it. */
function weeksOfMonth(label: string): number {
  const [y, m] = label.split('M').map(Number) as [number, number];
  let n = 0;
  for (let d = daysFromCivil(y, m, 1); civilFromDays(d).month === m; d++) if (isoWeekday(d) === 4) n++;
  return n;
}

/**
 * A reader of a Jobindsats import: the table of the category, each dimension at its total
 * ("… i alt"), the measure found by its Danish label. Rolling years are week-weighted means
 * of 12 months; persons, which do not add up over months, become the monthly mean (used
 * only to weigh and to leave out the smallest).
 */
async function jobindsatsSource(db: Kysely<Database>, release: Release): Promise<{ periods: string[]; read: Reader }> {
  const tables = await db.selectFrom('release_dataset').select(['dataset', 'spec']).where('release_id', '=', release.id).execute();
  const months = [...new Set(tables.flatMap((t) => t.spec.periods.filter((p) => p.freq === 'M').map((p) => p.id)))].sort();
  const periods = months.slice(11).map((end, i) => `${months[i]}-${end}`).filter((p) => rollingMonths(p));
  const ids = jobcenters.map((j) => j.id);
  const P = periods.length;
  const read: Reader = async (_dataset, benefit, measure) => {
    const category = benchmarkCategories.find((c) => c.benefit === benefit)?.id;
    const table = tables.find((t) => category && t.dataset === jobindsatsTables[category]);
    const pattern = jobindsatsMeasures[measure];
    const mi = table && pattern ? table.spec.measures.findIndex((m) => pattern.test(m.label)) : -1;
    if (!table || mi < 0) return null;
    const shape = table.spec, nm = shape.measures.length;
    const at = new Map(shape.periods.map((p, i) => [p.id, i]));
    const rows = await findSeries(db, { releaseId: release.id, dataset: table.dataset, areas: ids, dims: shape.dims.map(() => undefined) });
    // Each dimension at its total: the value named "… i alt" (or the only value).
    const totals = shape.dims.map((_, k) => {
      const values = [...new Set(rows.map((r) => r.dims[k]!))];
      return values.length === 1 ? values[0] : values.find((v) => /(^|_)i_alt$/.test(v));
    });
    const out = new Float64Array(ids.length * P).fill(NaN);
    for (const r of rows) {
      if (!r.dims.every((d, k) => d === totals[k])) continue;
      const j = ids.indexOf(r.area);
      const v = decodeValues(r.values, r.codec);
      periods.forEach((p, t) => {
        let sum = 0, weeks = 0;
        for (const m of rollingMonths(p)!) {
          const i = at.get(m);
          const x = i === undefined || r.status[i] !== 0 ? NaN : v[i * nm + mi]!;
          if (!Number.isFinite(x)) return; // a month missing: no rolling year
          const w = measure === 'persons' ? 1 : weeksOfMonth(m);
          sum += w * x;
          weeks += w;
        }
        out[j * P + t] = sum / weeks;
      });
    }
    return out;
  };
  return { periods, read };
}

export async function loadPanel(db: Kysely<Database>, release: Release): Promise<Panel> {
  let periods: string[], read: Reader;
  if (release.source === 'jobindsats') ({ periods, read } = await jobindsatsSource(db, release));
  else {
    const volume = await findDatasetShape(db, release.id, 'volume');
    if (!volume) throw new Error(`Udgivelse ${release.version} har ingen tal for offentligt forsørgede; benchmarking kræver dem.`);
    periods = volume.periods.filter((p) => p.freq === 'R').map((p) => p.id);
    read = await registerReader(db, release, periods);
  }
  if (periods.length === 0) throw new Error(`Udgivelse ${release.version} har ingen løbende år (seneste 12 måneder) og ikke 12 måneder at danne dem af.`);
  const n = jobcenters.length * periods.length;
  const unavailable: Panel['unavailable'] = [];
  const measures: Panel['measures'] = new Map();
  const fulltime: Panel['fulltime'] = new Map();
  const population = new Float64Array(n).fill(NaN);

  for (const c of benchmarkCategories) {
    const [pct, ft, persons] = await Promise.all([read('volume', c.benefit, 'pct_population'), read('volume', c.benefit, 'fulltime'), read('volume', c.benefit, 'persons')]);
    if (pct && ft && persons) {
      measures.set(`share_${c.id}`, { value: pct, base: persons });
      fulltime.set(c.id, ft);
      // The population from the first category that gives it (all public support, when there).
      for (let i = 0; i < n; i++) if (Number.isNaN(population[i]!) && pct[i]! > 0) population[i] = (ft[i]! / pct[i]!) * 100;
    } else {
      const where = release.source === 'jobindsats' ? ` (Jobindsats-tabel ${jobindsatsTables[c.id]} med antal personer, fuldtidspersoner og fuldtidspersoner i pct. af befolkningen)` : '';
      unavailable.push({ measure: `share_${c.id}`, reason: `Udgivelsen har ikke fuldtidspersoner i pct. af befolkningen for ydelsen${where}.` });
    }

    const [selfSupport, outflow, duration, inflow] = await Promise.all(
      (['outflow_self_support', 'outflow', 'avg_duration', 'inflow'] as const).map((m) => read('flow', c.benefit, m)),
    );
    const want = (kind: string) => benchmarkMeasures.some((m) => m.id === `${kind}_${c.id}`);
    const ratio = (num: Float64Array, den: Float64Array) => num.map((v, i) => (den[i]! > 0 ? (v / den[i]!) * 100 : NaN));
    const notInRelease = (kind: string, what: string) => unavailable.push({ measure: `${kind}_${c.id}`, reason: `Udgivelsen har ikke ${what} (kræver registeret).` });
    if (want('self_support')) {
      if (selfSupport && persons) measures.set(`self_support_${c.id}`, { value: ratio(selfSupport, persons), base: persons });
      else notInRelease('self_support', 'afgang til selvforsørgelse');
    }
    if (want('duration')) {
      if (duration && outflow) measures.set(`duration_${c.id}`, { value: duration, base: outflow });
      else notInRelease('duration', 'varigheder af afsluttede forløb');
    }
    if (want('inflow')) {
      // Population is known once public support (the first category) is read.
      if (inflow) measures.set(`inflow_${c.id}`, { value: ratio(inflow, population), base: inflow });
      else notInRelease('inflow', 'tilgang');
    }
  }
  const [timeliness, due] = await Promise.all([read('timeliness', 'public_support', 'timeliness'), read('timeliness', 'public_support', 'interviews_due')]);
  if (!timeliness || !due) unavailable.push({ measure: 'timeliness', reason: 'Udgivelsen har ikke rettidighed.' });
  return {
    periods,
    jobcenters: jobcenters.map((j) => j.id),
    measures: new Map(benchmarkMeasures.filter((m) => measures.has(m.id)).map((m) => [m.id, measures.get(m.id)!])),
    fulltime,
    population,
    timeliness: timeliness && due ? { value: timeliness, due } : null,
    unavailable,
  };
}
