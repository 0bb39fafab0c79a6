/**
 * Benchmark of disclosure control on a full-scale synthetic volume table (~3 M cells):
 * all 202 areas × 19 benefits × 61 periods × 12 breakdown values, built in DuckDB from
 * random municipality × group × month × (gender, age, origin) counts aggregated up, so
 * every relation holds. Run: `npx tsx bench/disclosure.bench.ts [months=30]`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { applyDisclosure } from '../src/indicators/disclosure/index.js';
import type { Freq } from '../src/indicators/datasets.js';
import { ageBands, areas, benefitGroups, benefits, genders, municipalities, origins } from '../src/reference/index.js';

const months = Number(process.argv[2] ?? 30);
const monthIds = Array.from({ length: months }, (_, i) => `${2023 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`);
const periods: Record<Freq, string[]> = { M: monthIds, Q: [], Y: [], R: [] };
const periodMap: [Freq, string, string][] = monthIds.map((m) => ['M', m, m]);
for (let i = 0; i + 2 < months; i += 3) {
  const q = `${monthIds[i]!.slice(0, 4)}Q${i / 3 + 1 - Math.floor(i / 12) * 4}`;
  periods.Q.push(q);
  for (const m of monthIds.slice(i, i + 3)) periodMap.push(['Q', q, m]);
}
for (let i = 0; i + 11 < months; i += 12) {
  const y = monthIds[i]!.slice(0, 4);
  periods.Y.push(y);
  for (const m of monthIds.slice(i, i + 12)) periodMap.push(['Y', y, m]);
}
for (let end = 11; end < months; end++) {
  const r = `${monthIds[end - 11]}-${monthIds[end]}`;
  periods.R.push(r);
  for (const m of monthIds.slice(end - 11, end + 1)) periodMap.push(['R', r, m]);
}

const values = (rows: (string | number)[][]) => rows.map((r) => `(${r.map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(', ')})`).join(', ');
const inst = await DuckDBInstance.create(':memory:');
const conn = await inst.connect();
const t0 = performance.now();
await conn.run(`SELECT setseed(0.42)`);
await conn.run(`CREATE TABLE muni AS SELECT * FROM (VALUES ${values(municipalities.map((m) => [m.code, m.approxWorkforce]))}) t(code, workforce)`);
await conn.run(`CREATE TABLE grp AS SELECT * FROM (VALUES ${values(benefitGroups.filter((g) => g.id !== 'su').map((g) => [g.id, g.approxNationalFulltime ?? 10000]))}) t(id, size)`);
await conn.run(`CREATE TABLE area_map AS SELECT * FROM (VALUES ${values(areas.flatMap((a) => a.municipalities.map((c) => [a.id, c])))}) t(area, code)`);
await conn.run(`CREATE TABLE benefit_map AS SELECT * FROM (VALUES ${values(benefits.flatMap((b) => b.groups.map((g) => [b.id, g])))}) t(benefit, grp)`);
await conn.run(`CREATE TABLE period_map AS SELECT * FROM (VALUES ${values(periodMap)}) t(freq, period, month)`);
const list = (xs: readonly { id: string }[]) => `[${xs.map((x) => `'${x.id}'`).join(', ')}]`;
// Persons per municipality × group × month × gender × age × origin: skewed, many zeros and small counts.
await conn.run(`CREATE TABLE base AS
  SELECT m.code, g.id AS grp, mo.month, ge.v AS gender, ag.v AS age, og.v AS origin,
         floor(pow(random(), 4) * m.workforce / 400000.0 * g.size / 2000.0)::BIGINT AS persons
  FROM muni m, grp g, (SELECT unnest([${monthIds.map((x) => `'${x}'`).join(', ')}]) AS month) mo,
       (SELECT unnest(${list(genders)}) AS v) ge, (SELECT unnest(${list(ageBands)}) AS v) ag, (SELECT unnest(${list(origins)}) AS v) og`);
await conn.run(`CREATE TABLE volume AS
  WITH agg AS (
    SELECT a.area, bm.benefit, p.freq, p.period, b.gender, b.age, b.origin, sum(b.persons) AS persons
    FROM base b JOIN area_map a ON a.code = b.code JOIN benefit_map bm ON bm.grp = b.grp JOIN period_map p ON p.month = b.month
    GROUP BY ALL)
  SELECT area, benefit, freq, period, 'total' AS breakdown, 'total' AS breakdown_value, sum(persons) AS persons FROM agg GROUP BY ALL
  UNION ALL SELECT area, benefit, freq, period, 'gender', gender, sum(persons) FROM agg GROUP BY ALL
  UNION ALL SELECT area, benefit, freq, period, 'age_band', age, sum(persons) FROM agg GROUP BY ALL
  UNION ALL SELECT area, benefit, freq, period, 'origin', origin, sum(persons) FROM agg GROUP BY ALL`);
await conn.run(`ALTER TABLE volume ADD COLUMN person_weeks BIGINT`);
await conn.run(`UPDATE volume SET person_weeks = persons * 4`);
await conn.run(`DROP TABLE base`);
const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM volume`)).getRows()[0]![0]);
console.log(`built ${rows.toLocaleString('en')} cells in ${Math.round(performance.now() - t0)} ms`);

const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods });
console.log(JSON.stringify(report, null, 2));
