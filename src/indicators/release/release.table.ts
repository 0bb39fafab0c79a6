import type { ColumnType, Generated, Selectable } from 'kysely';

/** How a series' values are stored (series.ts): raw float64, or deflated. */
export type SeriesCodec = 'f64' | 'f64-deflate';

export interface ReleaseTable {
  id: Generated<number>;
  version: number;
  source: 'register' | 'jobindsats';
  first_week: string | null;
  cutoff_week: string | null;
  created_at: ColumnType<Date, never, never>;
  notes: string;
  disclosure_threshold: number | null;
  summary: ColumnType<ReleaseSummary, string, never>;
}

/** What a release holds, for listings and the health check. */
export interface ReleaseSummary {
  datasets?: Record<string, { series: number; cells: number; primary: number; secondary: number }>;
  timings?: Record<string, number>;
  [key: string]: unknown;
}

/** A dataset's shape; every series of the dataset is aligned to `periods`. */
export interface DatasetShape {
  /** Ids of the dimensions that key a series besides the area, in `dims` order. */
  dims: string[];
  measures: { id: string; label: string; decimals: number }[];
  /** Period labels in storage order, with their frequency. */
  periods: { id: string; freq: 'M' | 'Q' | 'Y' | 'R' }[];
}

export interface ReleaseDatasetTable {
  release_id: number;
  dataset: string;
  spec: ColumnType<DatasetShape, string, never>;
}

export interface ReleaseSeriesTable {
  release_id: number;
  dataset: string;
  area: string;
  dims: string[];
  values: Uint8Array;
  status: Uint8Array;
  codec: Generated<SeriesCodec>;
}

export interface ReleaseTableTable {
  release_id: number;
  table_id: string;
  dataset: string;
  definition: ColumnType<unknown, string, never>;
}

export type Release = Selectable<ReleaseTable>;
