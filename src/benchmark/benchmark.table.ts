import type { ColumnType, Generated } from 'kysely';
import type { Flag, Savings } from './model.js';
export type { FrameworkConditionsTable } from './conditions.js';

type Json<T> = ColumnType<T, string, string>;

export interface BenchmarkRunTable {
  id: Generated<number>;
  release_id: number;
  created_at: ColumnType<Date, never, never>;
  settings: Json<unknown>;
  periods: Json<string[]>;
  measures: Json<unknown>;
  fits: Json<unknown>;
  clustering: Json<unknown>;
  savings: Json<Savings[]>;
  unavailable: Json<{ measure: string; label: string; reason: string }[]>;
  seconds: number;
}

export interface BenchmarkPeerTable {
  run_id: number;
  jobcenter: string;
  cluster: number;
  neighbours: Json<{ jobcenter: string; distance: number }[]>;
  conditions: Json<Record<string, number>>;
}

export interface BenchmarkSeriesTable {
  run_id: number;
  measure: string;
  jobcenter: string;
  values: Uint8Array;
}

/** A stored flag: a model flag with its run and id (evidence as JSON). */
export interface BenchmarkFlagTable extends Omit<Flag, 'evidence'> {
  id: Generated<number>;
  run_id: number;
  evidence: Json<Flag['evidence']>;
}
