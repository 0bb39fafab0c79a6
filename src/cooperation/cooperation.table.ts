import type { ColumnType, Generated } from 'kysely';

type Day = ColumnType<string | null, string | null | undefined, string | null>;

/** A jobcenter's cooperation agreement (see the migration 2026-12-05-cooperation). */
export interface CooperationAgreementTable {
  id: Generated<number>;
  jobcenter: string;
  title: string;
  content: ColumnType<unknown, string, string>;
  state: string;
  in_force: Day;
  valid_until: Day;
  review_on: Day;
  signed_on: Day;
  terminated_on: Day;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}

export interface CooperationAgreementVersionTable {
  agreement_id: number;
  version: number;
  event: string;
  state: string;
  title: string;
  content: ColumnType<unknown, string, string>;
  actor: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface CooperationAgreementFileTable {
  id: Generated<number>;
  agreement_id: number;
  name: string;
  mime: string;
  size: number;
  content: Buffer;
  created_at: ColumnType<Date, Date | undefined, never>;
  created_by: string;
}
