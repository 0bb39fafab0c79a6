/**
 * `styr_benchmark`: the benchmarking's expected and actual levels as a statistics-bank table.
 * Its rows come from a benchmarking run, not from a release's datasets: the table of release
 * N is the newest run on release N. Periods are the run's rolling years; areas its jobcenters.
 */
import { BENCHMARK_FIELDS, findBenchmarkSeriesRows, type StoredRun } from '../benchmark/index.js';
import type { Database } from '../db/index.js';
import type { DatasetShape } from '../indicators/index.js';
import type { Kysely } from 'kysely';
import type { TableDefinition } from './table.schema.js';

export const BENCHMARK_TABLE = 'styr_benchmark';
export const BENCHMARK_DATASET = 'benchmark';

const fields: Record<(typeof BENCHMARK_FIELDS)[number], { label: string; decimals: number }> = {
  actual: { label: 'Faktisk niveau', decimals: 2 },
  expected: { label: 'Forventet niveau', decimals: 2 },
  lower: { label: 'Forventet niveau, nedre grænse', decimals: 2 },
  upper: { label: 'Forventet niveau, øvre grænse', decimals: 2 },
  ratio: { label: 'Faktisk i forhold til forventet', decimals: 3 },
  rank: { label: 'Placering', decimals: 0 },
  z: { label: 'Afvigelse i standardafvigelser', decimals: 2 },
};

/** The measures a run has series for (the legal requirement, timeliness, has none). */
const seriesMeasures = (run: StoredRun) => run.measures.filter((m) => 'kind' in m);

/** The table's definition and the shape of its series (dims: the measure). */
export function benchmarkTable(run: StoredRun, jobcenters: string[]): { definition: TableDefinition; shape: DatasetShape } {
  const measureColumn = 'Mål';
  const level = (run.settings as { level?: number }).level;
  const definition: TableDefinition = {
    table_id: BENCHMARK_TABLE,
    table_name: 'Benchmarking: forventet og faktisk niveau',
    subject: { id: 'benchmarking', name: 'Benchmarking' },
    dataset: BENCHMARK_DATASET,
    description:
      `Hvert jobcenters faktiske niveau, det niveau rammevilkårene lader forvente (regression på rammevilkårene), og prædiktionsintervallet${level ? ` (${(level * 100).toLocaleString('da-DK')} %)` : ''}, pr. løbende år. ` +
      'Placering 1 er bedst i forhold til det forventede. Tomme celler: jobcentrets tal er diskretioneret eller for små til modellen.',
    columns: ['Periode', 'Jobcenter', measureColumn, ...BENCHMARK_FIELDS.map((f) => fields[f].label)],
    period: { column: 'Periode', freqs: ['R'] },
    area: { column: 'Jobcenter', hierarchies: ['_jobcenter'], areas: jobcenters },
    dimensions: [
      {
        id: 'maal',
        name: measureColumn,
        map: { kind: 'series', dim: 'measure' },
        levels: [{ level_id: 'measure', level_name: measureColumn, values: seriesMeasures(run).map((m) => ({ value_id: m.id, value_name: m.unit === 'uger' ? `${m.label} (uger)` : m.label })) }],
      },
    ],
    mgroups: BENCHMARK_FIELDS.map((f) => ({ mgroup_id: f, mgroup_name: fields[f].label, measure: f })),
  };
  const shape: DatasetShape = {
    dims: ['measure'],
    measures: BENCHMARK_FIELDS.map((f) => ({ id: f, label: fields[f].label, decimals: fields[f].decimals })),
    periods: run.periods.map((id) => ({ id, freq: 'R' as const })),
  };
  return { definition, shape };
}

/** A run's series as statistics-bank series: a period without an actual level is 'unavailable'. */
export async function benchmarkSeries(db: Kysely<Database>, runId: number, measures: string[], areas: string[], periods: number) {
  const F = BENCHMARK_FIELDS.length;
  const rows = await findBenchmarkSeriesRows(db, runId, measures, areas);
  return rows.map((r) => {
    const status = new Uint8Array(periods);
    for (let t = 0; t < periods; t++) status[t] = Number.isFinite(r.values[t * F]!) ? 0 : 3;
    return { area: r.jobcenter, dims: [r.measure], values: r.values, status };
  });
}
