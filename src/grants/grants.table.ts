import type { ColumnType } from 'kysely';

/** An LBR's yearly grant frame (LBR-midler), in whole kroner. */
export interface CouncilGrantTable {
  council_id: number;
  year: number;
  /** bigint: read back as a string by PostgreSQL drivers (see grants.ts). */
  amount: ColumnType<string | number, number, number>;
  note: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}
