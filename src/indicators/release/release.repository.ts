import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import type { DatasetShape, Release, ReleaseSummary, SeriesCodec } from './release.table.js';

type Conn = Kysely<Database> | Transaction<Database>;

/** A series as stored; `values` encoded by encodeValues (codec 'f64-deflate'). */
export interface SeriesRow {
  area: string;
  dims: string[];
  values: Uint8Array;
  status: Uint8Array;
}

/** Creates the release row with the next version number. Call inside the publishing transaction. */
export async function insertRelease(
  trx: Conn,
  r: { source: Release['source']; firstWeek: string | null; cutoffWeek: string | null; notes: string; threshold: number | null; summary: ReleaseSummary },
): Promise<Release> {
  // The lock serialises concurrent publications so that versions are gapless and unique.
  await sql`lock table release in share row exclusive mode`.execute(trx);
  const { max } = await trx.selectFrom('release').select((eb) => eb.fn.max('version').as('max')).executeTakeFirstOrThrow();
  return trx
    .insertInto('release')
    .values({
      version: (max ?? 0) + 1,
      source: r.source,
      first_week: r.firstWeek,
      cutoff_week: r.cutoffWeek,
      notes: r.notes,
      disclosure_threshold: r.threshold,
      summary: JSON.stringify(r.summary),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertDataset(trx: Conn, releaseId: number, dataset: string, shape: DatasetShape): Promise<void> {
  await trx.insertInto('release_dataset').values({ release_id: releaseId, dataset, spec: JSON.stringify(shape) }).execute();
}

/** Inserts series in batches (one statement per batch keeps PGlite and pg equally fast). */
export async function insertSeries(trx: Conn, releaseId: number, dataset: string, rows: SeriesRow[], batch = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    await trx
      .insertInto('release_series')
      .values(rows.slice(i, i + batch).map((r) => ({ release_id: releaseId, dataset, area: r.area, dims: r.dims, values: r.values, status: r.status, codec: 'f64-deflate' as const })))
      .execute();
  }
}

export async function insertTables(trx: Conn, releaseId: number, tables: { tableId: string; dataset: string; definition: unknown }[]): Promise<void> {
  if (tables.length === 0) return;
  await trx
    .insertInto('release_table')
    .values(tables.map((t) => ({ release_id: releaseId, table_id: t.tableId, dataset: t.dataset, definition: JSON.stringify(t.definition) })))
    .execute();
}

export async function listReleases(db: Conn): Promise<Release[]> {
  return db.selectFrom('release').selectAll().orderBy('version', 'desc').execute();
}

/** The newest release, or a given version. */
export async function findRelease(db: Conn, version?: number): Promise<Release | undefined> {
  let q = db.selectFrom('release').selectAll();
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  return q.executeTakeFirst();
}

export async function findDatasetShape(db: Conn, releaseId: number, dataset: string): Promise<DatasetShape | undefined> {
  const row = await db.selectFrom('release_dataset').select('spec').where('release_id', '=', releaseId).where('dataset', '=', dataset).executeTakeFirst();
  return row?.spec;
}

/**
 * Series of a dataset for some areas; `dims` filters each dimension position to a set
 * of values (undefined = any value).
 */
export async function findSeries(
  db: Conn,
  q: { releaseId: number; dataset: string; areas: string[]; dims: (string[] | undefined)[] },
): Promise<(SeriesRow & { codec: SeriesCodec })[]> {
  let query = db
    .selectFrom('release_series')
    .select(['area', 'dims', 'values', 'status', 'codec'])
    .where('release_id', '=', q.releaseId)
    .where('dataset', '=', q.dataset)
    .where('area', 'in', q.areas.length > 0 ? q.areas : ['-']);
  q.dims.forEach((values, i) => {
    if (values) query = query.where(sql<string>`dims[${sql.lit(i + 1)}]`, 'in', values.length > 0 ? values : ['-']);
  });
  return query.execute();
}
