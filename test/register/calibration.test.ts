/**
 * Calibration at reduced scale: full-time levels per benefit group (person-weeks ÷ weeks over
 * 2021-01..2025-12), scaled by persons ÷ 3 900 000, against approx_national_fulltime:
 * ±25 % for approximate levels, ±15 % for the real ones (a_dagpenge, kontanthjaelp_jobparat).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benefitGroups } from '../../src/reference/index.js';
import { generate, type GenerateSummary } from '../../src/register/index.js';
import { num, query, tempDir } from './helpers.js';

const PERSONS = 100_000;
const FULL = 3_900_000;
let dir = '';
let summary: GenerateSummary;
const levels = new Map<string, number>();

beforeAll(async () => {
  dir = tempDir('calib');
  summary = await generate({ persons: PERSONS, from: '2021-01', to: '2025-12', seed: 7, outDir: dir });
  const weeks = num((await query(`SELECT count(DISTINCT week) AS n FROM '${dir}/register.parquet'`))[0]!.n);
  const counts = await query(`SELECT benefit, count(*) AS n FROM '${dir}/register.parquet' GROUP BY benefit`);
  for (const r of counts) levels.set(String(r.benefit), num(r.n) / weeks);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calibration against benefit-groups.csv', () => {
  it('covers the 260 weeks 2021-01-04 .. 2025-12-22', () => {
    expect(summary.weeks).toBe(260);
    expect(summary.firstWeek).toBe('2021-01-04');
    expect(summary.lastWeek).toBe('2025-12-22');
  });

  for (const g of benefitGroups.filter((x) => x.approxNationalFulltime !== null)) {
    const tolerance = g.realLevel ? 0.15 : 0.25;
    it(`${g.id}: within ±${tolerance * 100} % of ${g.approxNationalFulltime} full-time persons`, () => {
      const target = (g.approxNationalFulltime! * PERSONS) / FULL;
      const got = levels.get(g.id) ?? 0;
      expect(got / target).toBeGreaterThan(1 - tolerance);
      expect(got / target).toBeLessThan(1 + tolerance);
    });
  }

  it('sizes the register at roughly 200 M person-weeks at full scale', () => {
    const full = (summary.registerRows * FULL) / PERSONS;
    expect(full).toBeGreaterThan(170e6);
    expect(full).toBeLessThan(230e6);
  });
});
