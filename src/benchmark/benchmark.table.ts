import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** One municipality's framework conditions in a year (conditions.ts reads and checks them). */
export interface FrameworkConditionsTable {
  municipality: number;
  year: number;
  population_16_66: number;
  unemployment_level: number;
  non_western_share: number;
  western_share: number;
  education_level: number;
  urban: number;
  source: string;
}

/** The benchmarking's benefit categories; measures.ts lists them with their names. */
export type BenchmarkCategory = 'public_support' | 'dagpenge' | 'kontanthjaelp' | 'sygedagpenge' | 'foertidspension';

/** A result problem the model raises (model.ts), stored as benchmark_flag. */
export interface Flag {
  jobcenter: string;
  measure: string;
  kind: 'expected_level' | 'legal_requirement';
  direction: 'better' | 'worse';
  status: 'new' | 'lasting' | 'resolved';
  first_period: string;
  last_period: string;
  evidence: FlagEvidence;
}

/** A jobcenter's numbers in a flag's evidence (the API adds its name). */
interface EvidencePoint {
  jobcenter: string;
  name?: string;
  actual: number;
  expected?: number;
  ratio?: number;
}

/**
 * What a flag rests on, in the period it is judged. Numbers not published are NaN here
 * and null once stored (JSON). The interval, z and flows belong to expected-level flags;
 * the threshold and interviews due to the legal requirement.
 */
interface FlagEvidence {
  period: string;
  actual: number;
  expected?: number;
  lower?: number;
  upper?: number;
  ratio?: number;
  rank?: number;
  /** The deviation's strength and its geometric-mean ratio over the published years pooled. */
  z?: number;
  pooled_ratio?: number;
  years_published?: string[];
  level?: number;
  persons?: number;
  threshold?: number;
  interviews_due?: number;
  flagged_periods: string[];
  cluster: number;
  peers: EvidencePoint[];
  neighbours?: EvidencePoint[];
  /** The flows behind the result (the API adds their label). */
  explanations?: { measure: string; label?: string; unit?: string; decimals?: number; period: string; actual: number; expected: number; ratio: number; z: number }[];
}

export interface Savings {
  jobcenter: string;
  category: BenchmarkCategory;
  period: string;
  /** Full-time persons above the expected level / above the cluster's best quartile (0 when below). */
  fulltime_vs_expected: number;
  fulltime_vs_best_quartile: number;
  dkk_vs_expected: number;
  dkk_vs_best_quartile: number;
}


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
