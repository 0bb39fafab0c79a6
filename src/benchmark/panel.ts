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
import type { BenchmarkCategory } from './benchmark.table.js';
import { benchmarkCategories, benchmarkMeasureById, benchmarkMeasures, TIMELINESS } from './measures.js';

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
  /** Measures the release cannot give, with their Danish label and the reason. */
  unavailable: { measure: string; label: string; reason: string }[];
}

type Reader = (dataset: string, benefit: string, measure: string) => Promise<Float64Array | null>;

/**
 * A reader of a register release's rolling-year series (breakdown total), aligned to
 * `periods`. Each dataset × benefit is read and decoded once, whichever measures are asked.
 */
async function registerReader(db: Kysely<Database>, release: Release, periods: string[]): Promise<Reader> {
  const ids = jobcenters.map((j) => j.id);
  const P = periods.length;
  const loaded = new Map<string, Promise<{ shape: DatasetShape; series: Map<string, { values: Float64Array; status: Uint8Array }> } | null>>();
  const load = (dataset: string, benefit: string) => {
    const key = `${dataset}|${benefit}`;
    if (!loaded.has(key)) {
      loaded.set(key, (async () => {
        const shape = await findDatasetShape(db, release.id, dataset);
        if (!shape) return null;
        const rows = await findSeries(db, { releaseId: release.id, dataset, areas: ids, dims: [[benefit], ['total'], ['total']] });
        return { shape, series: new Map(rows.map((r) => [r.area, { values: decodeValues(r.values, r.codec), status: r.status }])) };
      })());
    }
    return loaded.get(key)!;
  };
  return async (dataset, benefit, measure) => {
    const got = await load(dataset, benefit);
    const mi = got?.shape.measures.findIndex((m) => m.id === measure) ?? -1;
    if (!got || mi < 0) return null;
    const nm = got.shape.measures.length;
    const at = new Map(got.shape.periods.map((p, i) => [p.id, i]));
    const out = new Float64Array(ids.length * P).fill(NaN);
    ids.forEach((id, j) => {
      const r = got.series.get(id);
      periods.forEach((p, t) => {
        const i = at.get(p);
        if (i === undefined) return;
        // An absent series is published zeros where the dataset has the period.
        if (!r) out[j * P + t] = 0;
        else if (r.status[i] === 0) out[j * P + t] = r.values[i * nm + mi]!;
      });
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
  const weeks = new Map(months.map((m) => [m, weeksOfMonth(m)]));
  // Each table's rows at the totals of its dimensions, read and decoded once.
  const loaded = new Map<string, Promise<{ area: string; values: Float64Array; status: Uint8Array }[]>>();
  const load = (table: (typeof tables)[number]) => {
    if (!loaded.has(table.dataset)) {
      loaded.set(table.dataset, (async () => {
        const rows = await findSeries(db, { releaseId: release.id, dataset: table.dataset, areas: ids, dims: table.spec.dims.map(() => undefined) });
        // Each dimension at its total: the value named "… i alt" (or the only value).
        const totals = table.spec.dims.map((_, k) => {
          const values = [...new Set(rows.map((r) => r.dims[k]!))];
          return values.length === 1 ? values[0] : values.find((v) => /(^|_)i_alt$/.test(v));
        });
        return rows.filter((r) => r.dims.every((d, k) => d === totals[k])).map((r) => ({ area: r.area, values: decodeValues(r.values, r.codec), status: r.status }));
      })());
    }
    return loaded.get(table.dataset)!;
  };
  const read: Reader = async (_dataset, benefit, measure) => {
    const category = benchmarkCategories.find((c) => c.benefit === benefit)?.id;
    const table = tables.find((t) => category && t.dataset === jobindsatsTables[category]);
    const pattern = jobindsatsMeasures[measure];
    const mi = table && pattern ? table.spec.measures.findIndex((m) => pattern.test(m.label)) : -1;
    if (!table || mi < 0) return null;
    const shape = table.spec, nm = shape.measures.length;
    const at = new Map(shape.periods.map((p, i) => [p.id, i]));
    const out = new Float64Array(ids.length * P).fill(NaN);
    for (const r of await load(table)) {
      const j = ids.indexOf(r.area);
      periods.forEach((p, t) => {
        let sum = 0, total = 0;
        for (const m of rollingMonths(p)!) {
          const i = at.get(m);
          const x = i === undefined || r.status[i] !== 0 ? NaN : r.values[i * nm + mi]!;
          if (!Number.isFinite(x)) return; // a month missing: no rolling year
          const w = measure === 'persons' ? 1 : weeks.get(m)!;
          sum += w * x;
          total += w;
        }
        out[j * P + t] = sum / total;
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
  const missing = (measure: string, reason: string) =>
    unavailable.push({ measure, label: measure === TIMELINESS.id ? TIMELINESS.label : benchmarkMeasureById.get(measure)!.label, reason });
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
      missing(`share_${c.id}`, `Udgivelsen har ikke fuldtidspersoner i pct. af befolkningen for ydelsen${where}.`);
    }

    const [selfSupport, outflow, duration, inflow] = await Promise.all(
      (['outflow_self_support', 'outflow', 'avg_duration', 'inflow'] as const).map((m) => read('flow', c.benefit, m)),
    );
    const want = (kind: string) => benchmarkMeasures.some((m) => m.id === `${kind}_${c.id}`);
    const ratio = (num: Float64Array, den: Float64Array) => num.map((v, i) => (den[i]! > 0 ? (v / den[i]!) * 100 : NaN));
    const notInRelease = (kind: string, what: string) => missing(`${kind}_${c.id}`, `Udgivelsen har ikke ${what} (kræver registeret).`);
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
  if (!timeliness || !due) missing(TIMELINESS.id, 'Udgivelsen har ikke rettidighed.');
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
