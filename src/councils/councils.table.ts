import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;

export interface CouncilTable {
  organisation_id: number;
  type: string;
}

export interface CouncilMemberTable {
  id: Generated<number>;
  council_id: number;
  seat: string;
  name: string;
  email: string | null;
  substitute_name: string | null;
  substitute_email: string | null;
  term_from: DateCol;
  term_to: ColumnType<string | null, string | null, string | null>;
  appointed_by: string;
  office: string | null;
  office_from: ColumnType<string | null, string | null, string | null>;
  office_to: ColumnType<string | null, string | null, string | null>;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}

export interface CouncilMilestoneTable {
  id: Generated<number>;
  council_id: number;
  due: DateCol;
  title: string;
  description: string;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
}
