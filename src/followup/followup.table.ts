import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type DateCol = ColumnType<string, string, string>;

export interface FollowupCaseTable {
  id: Generated<number>;
  jobcenter: string;
  region: string;
  /** 'flag' (an expected-level result problem), 'legal_requirement' (timeliness) or 'manual'. */
  source: string;
  /** The benchmarking measure the case follows (null for a case opened by hand without one). */
  measure: string | null;
  title: string;
  /** 'dialogue' | 'agreement' | 'order' | 'closed' */
  stage: string;
  opened_release: number;
  opened_on: DateCol;
  evidence: Json<unknown>;
  next_date: ColumnType<string | null, string | null, string | null>;
  /** 'resolved' (computed) or 'decision'. */
  closed_reason: string | null;
  closed_on: ColumnType<string | null, string | null, string | null>;
  version: Generated<number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  updated_by: string;
}

export interface FollowupStepTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  date: DateCol;
  text: string;
  decided_by: string;
  meeting_id: number | null;
  document_id: number | null;
  details: Json<unknown>;
  created_at: ColumnType<Date, never, never>;
  created_by: string;
}

export interface FollowupRecommendationTable {
  id: Generated<number>;
  jobcenter: string;
  text: string;
  created_at: ColumnType<Date, never, never>;
  created_by: string;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  version: Generated<number>;
}
