import type { Generated } from 'kysely';

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  key: string;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
  mailed_at: Date | null;
}
