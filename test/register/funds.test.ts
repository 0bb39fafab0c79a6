/** A-kasse membership of the synthetic register: who is a member, realistic fund sizes, fund changes, determinism. */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unemploymentFunds } from '../../src/reference/index.js';
import { generate } from '../../src/register/index.js';
import { num, query, tempDir } from './helpers.js';

const dirs: string[] = [];
let dir = '';
const ak = () => `'${dir}/a_kasse.parquet'`;

beforeAll(async () => {
  dir = tempDir('funds');
  dirs.push(dir);
  await generate({ persons: 20_000, from: '2021-01', to: '2025-12', seed: 7, outDir: dir });
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a-kasse membership (a_kasse.parquet)', () => {
  it('has the documented columns, known fund ids and Mondays', async () => {
    const types = await query(`DESCRIBE SELECT * FROM ${ak()}`);
    expect(types.map((t) => `${String(t.column_name)}:${String(t.column_type)}`).join(',')).toBe('person_id:INTEGER,a_kasse:VARCHAR,from_week:DATE,to_week:DATE');
    const r = await query(`SELECT count(*) FILTER (WHERE a_kasse NOT IN (${unemploymentFunds.map((f) => `'${f.id}'`).join(', ')})) AS unknown,
        count(*) FILTER (WHERE isodow(from_week) <> 1 OR isodow(to_week) <> 1) AS not_monday,
        count(*) FILTER (WHERE person_id NOT IN (SELECT person_id FROM '${dir}/persons.parquet')) AS stranger FROM ${ak()}`);
    expect(r[0]).toEqual({ unknown: '0', not_monday: '0', stranger: '0' });
  });

  it('gives every a-dagpenge week exactly one fund, and memberships never overlap', async () => {
    const r = await query(`SELECT count(*) AS weeks, count(*) FILTER (WHERE n <> 1) AS bad FROM (
        SELECT r.person_id, r.week, count(m.person_id) AS n FROM '${dir}/register.parquet' r
        LEFT JOIN ${ak()} m ON m.person_id = r.person_id AND r.week BETWEEN coalesce(m.from_week, DATE '1900-01-01') AND coalesce(m.to_week, DATE '2999-01-01')
        WHERE r.benefit IN ('a_dagpenge', 'efterloen') GROUP BY ALL)`);
    expect(num(r[0]!.weeks)).toBeGreaterThan(10_000);
    expect(num(r[0]!.bad)).toBe(0);
    const o = await query(`SELECT count(*) AS n FROM (SELECT from_week, lag(to_week) OVER (PARTITION BY person_id ORDER BY from_week NULLS FIRST) AS prev FROM ${ak()})
        WHERE prev IS NULL AND from_week IS NOT NULL OR from_week <= prev`);
    expect(num(o[0]!.n)).toBe(0);
  });

  it('insures about three in four persons; some on kontanthjælp are members, most are not', async () => {
    const r = await query(`SELECT (SELECT count(DISTINCT person_id) FROM ${ak()}) / (SELECT count(*) FROM '${dir}/persons.parquet') AS share,
        (SELECT count(DISTINCT person_id) FILTER (WHERE person_id IN (SELECT person_id FROM ${ak()})) / count(DISTINCT person_id)
         FROM '${dir}/register.parquet' WHERE benefit = 'kontanthjaelp_jobparat') AS khj`);
    expect(num(r[0]!.share)).toBeGreaterThan(0.65);
    expect(num(r[0]!.share)).toBeLessThan(0.85);
    expect(num(r[0]!.khj)).toBeGreaterThan(0.05);
    expect(num(r[0]!.khj)).toBeLessThan(0.5);
  });

  it('sizes the funds like their members and lets about one member in five change fund in five years', async () => {
    const r = await query(`SELECT a_kasse, count(*) AS n FROM ${ak()} WHERE from_week IS NULL GROUP BY 1`);
    const n = new Map(r.map((x) => [String(x.a_kasse), num(x.n)]));
    const members = [...n.values()].reduce((s, x) => s + x, 0);
    const weight = unemploymentFunds.reduce((s, f) => s + f.approxMembers, 0);
    for (const f of unemploymentFunds) {
      const want = f.approxMembers / weight;
      expect(Math.abs((n.get(f.id) ?? 0) / members - want), f.id).toBeLessThan(0.002 + 0.2 * want);
    }
    const c = await query(`SELECT count(DISTINCT person_id) FILTER (WHERE from_week IS NOT NULL) / count(DISTINCT person_id) AS changed FROM ${ak()}`);
    expect(num(c[0]!.changed)).toBeGreaterThan(0.15);
    expect(num(c[0]!.changed)).toBeLessThan(0.3);
  });

  it('is deterministic in the seed', async () => {
    const run = async (seed: number): Promise<string> => {
      const d = tempDir('funds-det');
      dirs.push(d);
      await generate({ persons: 3000, from: '2024-01', to: '2024-06', seed, outDir: d });
      return String((await query(`SELECT count(*) || ':' || sum(hash(person_id, a_kasse, from_week, to_week)) AS h FROM '${d}/a_kasse.parquet'`))[0]!.h);
    };
    const a = await run(11);
    expect(await run(11)).toBe(a);
    expect(await run(12)).not.toBe(a);
  });
});
