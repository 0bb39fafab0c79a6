import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface MeetingTable {
  id: Generated<number>;
  council_id: number;
  title: string;
  starts_at: Date;
  place: string;
  items: Json<unknown>;
  minutes: string;
  agenda_published_at: Date | null;
  minutes_published_at: Date | null;
  revision: number;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}

export interface MeetingVersionTable {
  meeting_id: number;
  revision: number;
  event: string;
  snapshot: Json<unknown>;
  actor: string;
  created_at: ColumnType<Date, never, never>;
}

export interface MeetingFileTable {
  id: Generated<number>;
  meeting_id: number;
  name: string;
  mime: string;
  size: number;
  content: Uint8Array;
  created_at: ColumnType<Date, never, never>;
  created_by: string;
}
