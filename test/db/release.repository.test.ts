import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import {
  decodeSeries,
  encodeValues,
  findDatasetShape,
  findRelease,
  findSeries,
  insertDataset,
  insertRelease,
  insertSeries,
  listReleases,
} from '../../src/indicators/release/index.js';
import { backends, createTestDb } from '../support/db.js';

describe.each(backends)('release storage on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.close());

  it('numbers versions, stores series losslessly and refuses updates', async () => {
    const shape = {
      dims: ['benefit'],
      measures: [{ id: 'persons', label: 'Antal personer', decimals: 0 }, { id: 'fulltime', label: 'Antal fuldtidspersoner', decimals: 1 }],
      periods: [{ id: '2024M01', freq: 'M' as const }, { id: '2024M02', freq: 'M' as const }],
    };
    const r1 = await db.db.transaction().execute(async (trx) => {
      const r = await insertRelease(trx, { source: 'register', firstWeek: '2024-01-01', cutoffWeek: '2024-02-26', notes: 'første', threshold: 5, summary: {} });
      await insertDataset(trx, r.id, 'volume', shape);
      await insertSeries(trx, r.id, 'volume', [
        { area: 'K101', dims: ['a_dagpenge'], values: encodeValues(new Float64Array([12, 10.25, NaN, NaN])), status: new Uint8Array([0, 1]) },
        { area: 'K147', dims: ['a_dagpenge'], values: encodeValues(new Float64Array([7, 6.5, 8, 7.75])), status: new Uint8Array([0, 0]) },
        { area: 'K101', dims: ['sygedagpenge'], values: encodeValues(new Float64Array([1, 2, 3, 4])), status: new Uint8Array([0, 0]) },
      ]);
      return r;
    });
    const r2 = await db.db.transaction().execute((trx) =>
      insertRelease(trx, { source: 'register', firstWeek: null, cutoffWeek: null, notes: 'anden', threshold: 5, summary: {} }),
    );
    expect([r1.version, r2.version]).toEqual([1, 2]);
    expect((await findRelease(db.db))?.version).toBe(2);
    expect((await findRelease(db.db, 1))?.notes).toBe('første');
    expect((await listReleases(db.db)).map((r) => r.version)).toEqual([2, 1]);
    expect(await findDatasetShape(db.db, r1.id, 'volume')).toEqual(shape);

    const rows = await findSeries(db.db, { releaseId: r1.id, dataset: 'volume', areas: ['K101', 'K147'], dims: [['a_dagpenge']] });
    const byArea = Object.fromEntries(rows.map((r) => [r.area, decodeSeries(r)]));
    expect(byArea.K101).toEqual({ values: [12, 10.25, null, null], status: ['published', 'primary'] });
    expect(byArea.K147?.values).toEqual([7, 6.5, 8, 7.75]);
    expect(rows.every((r) => r.codec === 'f64-deflate')).toBe(true);

    // Series written before compression (codec 'f64': raw float64) still read back.
    const raw = new Float64Array([3, 2.5, 4, NaN]);
    await db.db.insertInto('release_series')
      .values({ release_id: r2.id, dataset: 'volume', area: 'K101', dims: ['a_dagpenge'], values: new Uint8Array(raw.buffer), status: new Uint8Array([0, 0]), codec: 'f64' })
      .execute();
    const [old] = await findSeries(db.db, { releaseId: r2.id, dataset: 'volume', areas: ['K101'], dims: [undefined] });
    expect(decodeSeries(old!)).toEqual({ values: [3, 2.5, 4, null], status: ['published', 'published'] });

    await expect(db.db.updateTable('release').set({ notes: 'ændret' }).where('id', '=', r1.id).execute()).rejects.toThrow(/immutable/);
    expect((await findRelease(db.db, 1))?.notes).toBe('første');
  });
});
