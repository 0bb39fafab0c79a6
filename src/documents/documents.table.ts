import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface MinisterialGoalTable {
  year: number;
  number: number;
  title: string;
  description: string;
  indicators: Json<unknown>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface DocumentTable {
  id: Generated<number>;
  kind: string;
  area: string;
  year: number;
  /** '' for a yearly document; the quarter ('2025Q3') of a quarterly follow-up report. */
  period: Generated<string>;
  state: string;
  revision: number;
  content: Json<unknown>;
  approval: ColumnType<unknown, string | null, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  updated_by: string;
  published_at: ColumnType<Date | null, Date | null, Date | null>;
}

export interface DocumentVersionTable {
  document_id: number;
  revision: number;
  event: string;
  state: string;
  content: Json<unknown>;
  approval: ColumnType<unknown, string | null, string | null>;
  actor: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}
