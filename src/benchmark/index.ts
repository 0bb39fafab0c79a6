/** Benchmarking: framework conditions, expected levels, peer clusters, result problems, savings. */
export { readConditionsCsv, readConditionsParquet, saveConditions, ConditionsError, conditionVariables, CONDITION_COLUMNS } from './conditions.js';
export { benchmarkMeasures, benchmarkMeasureById, benchmarkCategories, settingsSchema, defaultUnitCosts, type BenchmarkSettings } from './measures.js';
export { runBenchmark, type RunSummary } from './run.js';
export { benchmark, BENCHMARK_FIELDS, type BenchmarkResult } from './model.js';
export { loadPanel } from './panel.js';
export { loadJobcenterConditions } from './conditions.js';
export { ensureDemoBenchmark } from './demo.js';
export { benchmarkRoutes } from './benchmark.routes.js';
export { findRun, findPeers, findBenchmarkSeries, findCluster, findClusters, findReleaseAndRun, findLatestRunId, loadRun, findBenchmarkSeriesRows, type StoredRun } from './benchmark.repository.js';
