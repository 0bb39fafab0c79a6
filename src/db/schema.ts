import type { Generated } from 'kysely';
import type { ReleaseDatasetTable, ReleaseSeriesTable, ReleaseTable, ReleaseTableTable } from '../indicators/release/release.table.js';

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

/** Every table of the database, by name. */
export interface Database {
  release: ReleaseTable;
  release_dataset: ReleaseDatasetTable;
  release_series: ReleaseSeriesTable;
  release_table: ReleaseTableTable;
  api_key: ApiKeyTable;
}
