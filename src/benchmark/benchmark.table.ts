import type { ColumnType, Generated } from 'kysely';
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

export interface BenchmarkFlagTable {
  id: Generated<number>;
  run_id: number;
  jobcenter: string;
  measure: string;
  kind: 'expected_level' | 'legal_requirement';
  direction: 'better' | 'worse';
  status: 'new' | 'lasting' | 'resolved';
  first_period: string;
  last_period: string;
  evidence: Json<unknown>;
}
