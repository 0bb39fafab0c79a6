import type { ColumnType } from 'kysely';

/** An LBR's yearly grant frame (LBR-midler), in whole kroner. */
export interface CouncilGrantTable {
  council_id: number;
  year: number;
  /** bigint, read back as a number (db/database.ts). */
  amount: ColumnType<number, number, number>;
  note: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}

/** One initiative's follow-up (what became of it): see the migration 2026-12-04-grants. */
export interface GrantAccountTable {
  document_id: number;
  initiative: string;
  committed: ColumnType<number, number | undefined, number>;
  spent: ColumnType<number, number | undefined, number>;
  due: ColumnType<string | null, string | null | undefined, string | null>;
  evaluation: ColumnType<string, string | undefined, string>;
  evaluated_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The initiative's targets as the bank measured them when the evaluation was given (JSON). */
  results: ColumnType<unknown, string | undefined, string>;
  accounts: ColumnType<string, string | undefined, string>;
  accounts_on: ColumnType<string | null, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}
