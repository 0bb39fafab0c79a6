import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { areaProfile } from '../../src/statbank/index.js';
import { backends, createTestDb } from '../support/db.js';
import { cellValue, publishTestRelease, testPeriods } from './helpers.js';

describe.each(backends)('area profile on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await publishTestRelease(db.db, 0, [{ area: 'K101', dims: ['sygedagpenge', 'total', 'total'], period: '2025M06', status: 1 }]);
  });
  afterAll(async () => db?.close());

  it('takes the key figures from the release: latest month, region and country rates, history', async () => {
    const p = await areaProfile(db.db, 'K101');
    expect(p.area).toEqual({ id: 'K101', name: 'København', level: 'municipality' });
    expect(p.region).toEqual({ id: 'R1084', name: 'Region Hovedstaden' });
    const card = p.cards.find((c) => c.id === 'public_support')!;
    const dims = ['public_support', 'total', 'total'];
    const months = testPeriods.filter((x) => x.freq === 'M').map((x) => x.id);
    // volume measures: persons 0, fulltime 1, pct_workforce 2, pct_population 3; the latest month is period index 5.
    expect(card.period).toBe('2025M06');
    expect(card.value.latest).toBe(cellValue('K101', dims, 5, 1, 0));
    expect(card.value.year_ago).toBeNull(); // six months only
    expect(card.value.year_ago_why).toMatch(/^Ingen sammenligning/);
    // Every figure with its unit: full-time persons one decimal, persons whole, rates "pct.".
    expect(card.value).toMatchObject({ measure: 'fulltime', unit: 'fuldtidspersoner', decimals: 1, latest_why: null });
    expect(card.rate).toMatchObject({ measure: 'pct_population', unit: 'pct. af befolkningen 16-66 år', decimals: 1, why: {} });
    expect(Object.fromEntries(p.cards.map((c) => [c.id, `${c.value.unit} (${c.value.decimals}) / ${c.rate.unit}`]))).toMatchObject({
      gross_unemployed: 'fuldtidspersoner (1) / pct. af arbejdsstyrken 16-66 år',
      sygedagpenge: 'fuldtidspersoner (1) / pct. af befolkningen 16-66 år',
    });
    expect(card.rate).toMatchObject({ area: cellValue('K101', dims, 5, 3, 0), region: cellValue('R1084', dims, 5, 3, 0), country: cellValue('DK', dims, 5, 3, 0) });
    expect(card.sparkline).toEqual(months.map((m, i) => ({ period: m, value: cellValue('K101', dims, i, 1, 0) })));
    // A suppressed latest month has no value, and its history still shows.
    const sick = p.cards.find((c) => c.id === 'sygedagpenge')!;
    expect(sick.value.latest).toBeNull();
    expect(sick.value.latest_why).toBe('Diskretioneret: færre end 5 personer.');
    expect(sick.sparkline[5]).toEqual({ period: '2025M06', value: null, why: 'Diskretioneret: færre end 5 personer.' });
    expect(sick.sparkline[4]!.value).toBe(cellValue('K101', ['sygedagpenge', 'total', 'total'], 4, 1, 0));
    // Categories without a series are published zeros.
    expect(p.by_category.find((b) => b.benefit === 'category_foertidspension')!.series.every((x) => x.value === 0)).toBe(true);
  });

  it('compares a jobcenter with the other jobcenters of its region; unknown areas are 404', async () => {
    const p = await areaProfile(db.db, 'J561');
    expect(p.region?.id).toBe('R1083');
    expect(p.peers.areas.map((a) => a.id)).toContain('J561');
    expect(p.peers.areas.every((a) => a.id.startsWith('J'))).toBe(true);
    expect(p.peers.areas.length).toBeGreaterThan(10);
    await expect(areaProfile(db.db, 'K999')).rejects.toThrow(/findes ikke/);
    const dk = await areaProfile(db.db, 'DK');
    expect(dk.region).toBeNull();
    expect(dk.cards[0]!.rate.country).toBeNull();
  });
});
