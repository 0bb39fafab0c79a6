/**
 * Manual benchmark: `npx tsx bench/engine/run-big.ts <registerDir>` → raw scan
 * (the benchmark's floor query) and computeCube timings on 2 threads. Make a synthetic
 * register with synth-register.ts. ENGINE_TRACE=1 prints every statement's time.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { computeCube } from '../../src/indicators/engine/index.js';

const dir = process.argv[2]!;
const scanInst = await DuckDBInstance.create(':memory:', { threads: '2' });
const sc = await scanInst.connect();
let t0 = performance.now();
const rows = (await sc.runAndReadAll(`SELECT count(*), count(DISTINCT person_id), min(week), max(week), sum(municipality), count(DISTINCT benefit) FROM '${dir}/register.parquet'`)).getRows()[0]!;
const scan = (performance.now() - t0) / 1000;
sc.closeSync();
scanInst.closeSync();
const inst = await DuckDBInstance.create(':memory:', { threads: '2', preserve_insertion_order: 'false' });
const conn = await inst.connect();
t0 = performance.now();
const info = await computeCube({ conn, registerDir: dir, onProgress: (p) => console.error(p.stage, ((performance.now() - t0) / 1000).toFixed(1)) });
const total = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ registerRows: Number(rows[0]), persons: Number(rows[1]), rawScanSeconds: scan, computeSeconds: total, ratio: total / scan, rowCounts: info.rowCounts, timings: info.timings }, null, 1));
