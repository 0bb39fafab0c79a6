import type { ColumnType } from 'kysely';

type DateCol = ColumnType<string, string, string>;

export interface DeadlineOverrideTable {
  year: number;
  step: string;
  due: DateCol;
  note: string;
}

export interface StepDoneTable {
  area: string;
  year: number;
  step: string;
  done_on: DateCol;
  actor: string;
}

export interface CalendarFeedTable {
  token_hash: string;
  user_id: number;
  created_at: ColumnType<Date, never, never>;
}

export interface YearEraTable {
  year: number;
  era: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}
