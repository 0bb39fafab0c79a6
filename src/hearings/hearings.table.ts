import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;

/** A jobcenter's answer on its LBR's grant plan (src/grants). */
export type Verdict = 'within_frame' | 'outside_frame';

export interface HearingTable {
  id: Generated<number>;
  document_id: number;
  revision: number;
  deadline: DateCol;
  require_all: boolean;
  opened_at: Date;
  opened_by: string;
  closed_at: Date | null;
}

export interface HearingBodyTable {
  hearing_id: number;
  organisation_id: number;
  response: Generated<string>;
  state: Generated<string>;
  revision: Generated<number>;
  adopted_at: Date | null;
  adopted_by: string | null;
  meeting_id: number | null;
  late: Generated<boolean>;
  /** A jobcenter's answer on its LBR's grant plan: within the employment plan's frame or not. */
  verdict: ColumnType<Verdict | null, Verdict | null | undefined, Verdict | null>;
  updated_at: Date | null;
  updated_by: string | null;
}

export interface HearingResponseVersionTable {
  hearing_id: number;
  organisation_id: number;
  revision: number;
  event: string;
  state: string;
  response: string;
  actor: string;
  created_at: ColumnType<Date, never, never>;
}

export interface HearingCommentTable {
  id: Generated<number>;
  hearing_id: number;
  organisation_id: number;
  section: string;
  paragraph: number | null;
  text: string;
  author_id: number | null;
  author: string;
  created_at: Date;
  withdrawn_at: Date | null;
}
