/** Benchmarking: framework conditions, expected levels, peer clusters, result problems, savings. */
export { readConditionsCsv, readConditionsParquet, saveConditions, ConditionsError } from './conditions.js';
export { benchmarkMeasures, benchmarkMeasureById, benchmarkCategories, settingsSchema } from './measures.js';
export { runBenchmark, type RunSummary } from './run.js';
export { benchmark, BENCHMARK_FIELDS } from './model.js';
export { ensureDemoBenchmark } from './demo.js';
export { benchmarkRoutes } from './benchmark.routes.js';
export { findFlags, findRun, findPeers, findBenchmarkSeries, findCluster, findClusters, findReleaseAndRun, findLatestRunId, loadRun, findBenchmarkSeriesRows, type StoredRun } from './benchmark.repository.js';
