import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/index.js';
import { computeRelease } from '../../src/indicators/index.js';
import { generate } from '../../src/register/index.js';
import { buildServer } from '../../src/server/index.js';
import { registerReleaseTables } from '../../src/statbank/index.js';
import { backends, createTestDb } from '../support/db.js';
import { testWebDist } from '../support/web.js';

/** Full-time persons and persons of a benefit per month, straight from the register (Thursday rule). */
async function directCounts(dir: string, benefit: string, municipalities: number[] | null) {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const where = municipalities ? `AND municipality IN (${municipalities.join(',')})` : '';
  const rows = (
    await c.runAndReadAll(`
      WITH r AS (SELECT *, strftime(week + 3, '%YM%m') AS month FROM '${dir}/register.parquet'),
      w AS (SELECT month, count(DISTINCT week) AS weeks FROM r GROUP BY month)
      SELECT month, count(*)::DOUBLE / any_value(w.weeks) AS fulltime, count(DISTINCT person_id)::DOUBLE AS persons
      FROM r JOIN w USING (month) WHERE benefit = '${benefit}' ${where} GROUP BY month`)
  ).getRowObjectsJS();
  c.closeSync();
  inst.closeSync();
  return new Map(rows.map((r) => [String(r.month), { fulltime: Number(r.fulltime), persons: Number(r.persons) }]));
}

describe.each(backends)('register → release → /v3 on %s', (kind) => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDb(kind);
    dir = mkdtempSync(join(tmpdir(), 'styr-e2e-'));
    await generate({ persons: 6000, from: '2023-01', to: '2024-12', seed: 7, outDir: join(dir, 'register') });
    // Release 1 with threshold 1 (nothing suppressed) checks exact values at this
    // tiny scale; release 2 with the default threshold 5 checks suppression.
    for (const threshold of [1, 5]) {
      await computeRelease({ registerDir: join(dir, 'register'), db: db.db, threshold, notes: `e2e ${threshold}`, tables: registerReleaseTables(), workDir: join(dir, 'work') });
    }
  }, 300_000);
  afterAll(async () => {
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the national and a municipality figure exactly as counted in the register, with suppression', async () => {
    const app = await buildServer({ db, config: loadConfig({}), webDist: testWebDist });
    const national = await app.inject('/v3/data/y01a02?period.M=*&hierarchy._nykom=/&format=json&release=1');
    expect(national.statusCode).toBe(200);
    const body = national.json() as { release: number; columns: string[]; rows: unknown[][]; status: string[] };
    expect(body.release).toBe(1);
    const col = (label: string) => body.columns.indexOf(label);
    const direct = await directCounts(join(dir, 'register'), 'a_dagpenge', null);
    expect(body.rows.length).toBe(24);
    body.rows.forEach((row, i) => {
      expect(body.status[i]).toBe('published');
      const d = direct.get(String(row[col('Periode')]))!;
      expect(row[col('Område')]).toBe('Hele landet');
      expect(row[col('Antal personer')]).toBe(d.persons);
      // Published with one decimal: at most half a unit in the last place from the exact value.
      expect(Math.abs((row[col('Antal fuldtidspersoner')] as number) - d.fulltime)).toBeLessThanOrEqual(0.05 + 1e-9);
    });

    // Copenhagen per month: every published value matches; small cells are null and marked.
    const kbh = (await app.inject('/v3/data/y01a02?period.M=*&hierarchy._nykom=K101&format=json')).json() as typeof body;
    expect(kbh.release).toBe(2);
    const directKbh = await directCounts(join(dir, 'register'), 'a_dagpenge', [101]);
    kbh.rows.forEach((row, i) => {
      const d = directKbh.get(String(row[col('Periode')]))!;
      if (kbh.status[i] === 'published') expect(row[col('Antal personer')]).toBe(d.persons);
      else expect(row[col('Antal personer')]).toBeNull();
      if (d.persons > 0 && d.persons < 5) expect(kbh.status[i]).toBe('primary');
      else if (d.persons >= 5) expect(['published', 'secondary']).toContain(kbh.status[i]);
    });

    // A small municipality's small group is suppressed somewhere, and no published cell is below the threshold.
    const all = (await app.inject('/v3/data/y10a02?period.M=latest:3&hierarchy._nykom=*&dimension.alder=*&format=json')).json() as typeof body;
    const persons = all.rows.map((r) => r[all.columns.indexOf('Antal personer')]);
    expect(all.status.filter((s) => s !== 'published').length).toBeGreaterThan(0);
    all.status.forEach((s, i) => {
      if (s === 'published') expect(persons[i] === 0 || (persons[i] as number) >= 5).toBe(true);
    });

    // Outflow to self-support needs 4 weeks after the spell: null in the last month, counted before.
    const flow = (await app.inject('/v3/data/styr_flow?period.M=latest:3&hierarchy._nykom=/&release=1&format=json')).json() as typeof body;
    const selfSupport = flow.rows.map((r) => r[flow.columns.indexOf('Afgang til selvforsørgelse')]);
    expect(selfSupport[2]).toBeNull();
    expect(selfSupport[0]).toBeGreaterThan(0);

    const csv = await app.inject('/v3/data/y01a02?period.M=latest:2&hierarchy._nykom=/&format=csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.body.split('\r\n')[0]).toContain(';');
    await app.close();
  });
});
