/**
 * The a-kasse breakdown (docs/measures.md, "A-kasse"): a small register with a_kasse.parquet,
 * hand-checked cells, the whole breakdown against an independent naive recomputation written
 * here, and disclosure control of total = Σ funds + not insured (an attacker who knows every
 * relation and the published person-weeks recovers no suppressed cell).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDisclosure } from '../../../src/indicators/disclosure/index.js';
import { computeCube, type CubeInfo } from '../../../src/indicators/engine/index.js';
import type { Freq } from '../../../src/indicators/datasets.js';
import { areas, NOT_INSURED, unemploymentFunds } from '../../../src/reference/index.js';
import { recompute, referencePeriods, type RegisterData, type RegisterRow } from '../../reference/recompute.js';
import { engineConnection, writeRegister } from '../../support/register-fixture.js';
import { expectSameCube, mondays } from './helpers.js';

interface Membership { person_id: number; a_kasse: string; from_week: string | null; to_week: string | null }
type Cell = Record<string, number | null>;

const spell = (person_id: number, from: string, weeks: number, municipality: number, benefit: string): RegisterRow[] =>
  mondays(from, weeks).map((week) => ({ person_id, week, municipality, benefit }));
const person = (person_id: number, gender = 'M', birth_date = '1980-06-01', origin = 'dansk') => ({ person_id, birth_date, gender, origin });
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// 2023-01-02 … 2024-06-24 (78 weeks). Months by Thursday: 2024M01 = 01-01 … 01-22 (4 weeks),
// 2024M02 = 01-29 … 02-26 (5), 2024M03 = 03-04 … 03-25 (4). Long-term cells from week 51 (2023-12-25) on.
const data: RegisterData = {
  register: [
    // 99 frames the register's weeks; insured (ase) but never gross unemployed.
    ...spell(99, '2023-01-02', 1, 101, 'efterloen'), ...spell(99, '2024-06-24', 1, 101, 'efterloen'),
    // 1: a-dagpenge every week to 2024-03-25 in København; hk until 2024-01-29, then 3f (changes fund in February).
    ...spell(1, '2023-01-02', 65, 101, 'a_dagpenge'),
    // 2: kontanthjælp (jobparat) 2023-06-05 … 2024-02-26 without a fund: the total only.
    ...spell(2, '2023-06-05', 39, 101, 'kontanthjaelp_jobparat'),
    // 3: insured on kontanthjælp in Frederiksberg in March 2024 (foa).
    ...spell(3, '2024-03-04', 4, 147, 'kontanthjaelp_jobparat'),
    // 4: a-dagpenge in Q4 2023 while in ase; the membership ends 2023-12-18, then kontanthjælp in January uninsured.
    ...spell(4, '2023-10-02', 12, 101, 'a_dagpenge'), ...spell(4, '2024-01-01', 4, 101, 'kontanthjaelp_jobparat'),
    // 5: a membership with an unknown fund id (ignored): not insured.
    ...spell(5, '2024-02-05', 4, 101, 'kontanthjaelp_jobparat'),
    // 6: sygedagpenge has no a-kasse breakdown.
    ...spell(6, '2024-02-05', 4, 101, 'sygedagpenge'),
    // 8: overlapping memberships dfh (… 2024-03-04) and min (2024-02-05 …): min starts 2024-03-11.
    ...spell(8, '2024-02-05', 8, 101, 'a_dagpenge'),
    // 10–14: five members of aka on a-dagpenge in January 2024.
    ...range(10, 14).flatMap((p) => spell(p, '2024-01-01', 4, 101, 'a_dagpenge')),
    // 20–25: six uninsured on kontanthjælp in Frederiksberg in March 2024.
    ...range(20, 25).flatMap((p) => spell(p, '2024-03-04', 4, 147, 'kontanthjaelp_jobparat')),
  ],
  persons: [99, 1, 2, 3, 4, 5, 6, 8, ...range(10, 14), ...range(20, 25)].map((p) => person(p, p % 2 ? 'K' : 'M')),
  activities: [],
};
const funds: Membership[] = [
  { person_id: 99, a_kasse: 'ase', from_week: null, to_week: null },
  { person_id: 1, a_kasse: 'hk', from_week: null, to_week: '2024-01-29' },
  { person_id: 1, a_kasse: '3f', from_week: '2024-02-05', to_week: null },
  { person_id: 3, a_kasse: 'foa', from_week: '2020-01-06', to_week: null },
  { person_id: 4, a_kasse: 'ase', from_week: null, to_week: '2023-12-18' },
  { person_id: 5, a_kasse: 'xyz', from_week: null, to_week: null },
  { person_id: 6, a_kasse: 'krifa', from_week: null, to_week: null },
  { person_id: 8, a_kasse: 'dfh', from_week: null, to_week: '2024-03-04' },
  { person_id: 8, a_kasse: 'min', from_week: '2024-02-05', to_week: null },
  ...range(10, 14).map((p) => ({ person_id: p, a_kasse: 'aka', from_week: null, to_week: null })),
];

async function writeFunds(dir: string, rows: Membership[]): Promise<void> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const lit = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
  await c.run(`COPY (SELECT person_id::INTEGER AS person_id, a_kasse::VARCHAR AS a_kasse, from_week::DATE AS from_week, to_week::DATE AS to_week
    FROM (VALUES ${rows.map((r) => `(${r.person_id}, '${r.a_kasse}', ${lit(r.from_week)}, ${lit(r.to_week)})`).join(', ')}) t(person_id, a_kasse, from_week, to_week))
    TO '${join(dir, 'a_kasse.parquet')}' (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
}

const keyOf = (r: Record<string, unknown>) => [r.area, r.benefit, r.freq, r.period, r.breakdown, r.breakdown_value].join('|');
async function read(conn: DuckDBConnection, table: string, cols: string[], where = `breakdown = 'a_kasse'`): Promise<Map<string, Cell>> {
  const rows = (await conn.runAndReadAll(`SELECT * FROM ${table} WHERE ${where}`)).getRowObjectsJS();
  return new Map(rows.map((r) => [keyOf(r), Object.fromEntries(cols.map((c) => [c, r[c] === null || r[c] === undefined ? null : Number(r[c])]))]));
}
const volCols = ['persons', 'person_weeks', 'fulltime', 'pct_population', 'pct_workforce'];
const ltCols = ['longterm_persons', 'longterm_person_weeks', 'longterm_fulltime', 'gross_persons', 'longterm_share'];

// ---------------------------------------------------------------------------------------------
// The independent recomputation: loops over person-weeks, nothing shared with the engine but the
// reference data (areas) and the published period labels of the naive reference.
const DAY = 86_400_000;
const dayOf = (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY;
const fundIds = new Set(unemploymentFunds.map((f) => f.id));
const FUND_BENEFITS: Record<string, string[]> = { a_dagpenge: ['a_dagpenge', 'gross_unemployed'], kontanthjaelp_jobparat: ['kontanthjaelp_jobparat', 'gross_unemployed'] };

/** The fund of a person in a week: among the known-fund memberships covering it, the earliest-starting (then earliest-ending). */
function fundOf(ms: Membership[], week: string): string {
  const d = dayOf(week);
  const lo = (m: Membership) => (m.from_week === null ? -Infinity : dayOf(m.from_week));
  const hi = (m: Membership) => (m.to_week === null ? Infinity : dayOf(m.to_week));
  const cover = ms.filter((m) => fundIds.has(m.a_kasse) && lo(m) <= d && d <= hi(m)).sort((a, b) => lo(a) - lo(b) || hi(a) - hi(b));
  return cover[0]?.a_kasse ?? NOT_INSURED;
}

function naiveFundCells(reg: RegisterRow[], memberships: Membership[]): { volume: Map<string, Cell>; longterm: Map<string, Cell> } {
  const first = Math.min(...reg.map((r) => dayOf(r.week)));
  const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
  const monthOf = (week: string) => iso(dayOf(week) + 3).slice(0, 7).replace('-', 'M');
  const labels = (week: string): [Freq, string][] => {
    const m = monthOf(week);
    const y = Number(m.slice(0, 4)), mo = Number(m.slice(5));
    const out: [Freq, string][] = [['M', m], ['Q', `${y}Q${Math.ceil(mo / 3)}`], ['Y', String(y)]];
    for (let end = y * 12 + mo - 1; end < y * 12 + mo - 1 + 12; end++) {
      const lab = (i: number) => `${Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`;
      out.push(['R', `${lab(end - 11)}-${lab(end)}`]);
    }
    return out;
  };
  const published = referencePeriods(reg);
  const isPublished = (f: Freq, p: string) => published[f].includes(p);
  const weeksIn = new Map<string, number>();
  const firstWeekOf = new Map<string, number>();
  for (let d = first; d <= Math.max(...reg.map((r) => dayOf(r.week))); d += 7) {
    for (const [f, p] of labels(iso(d))) {
      weeksIn.set(`${f}|${p}`, (weeksIn.get(`${f}|${p}`) ?? 0) + 1);
      if (!firstWeekOf.has(`${f}|${p}`)) firstWeekOf.set(`${f}|${p}`, (d - first) / 7);
    }
  }
  const byPerson = new Map<number, Membership[]>();
  for (const m of memberships) byPerson.set(m.person_id, [...(byPerson.get(m.person_id) ?? []), m]);
  const areasOf = (k: number) => areas.filter((a) => a.municipalities.includes(k)).map((a) => a.id);

  const vol = new Map<string, { persons: Set<number>; weeks: number }>();
  const lt = new Map<string, { persons: Set<number>; weeks: number }>();
  const add = (m: typeof vol, key: string, p: number) => {
    const c = m.get(key) ?? { persons: new Set<number>(), weeks: 0 };
    c.persons.add(p);
    c.weeks++;
    m.set(key, c);
  };
  const grossWeeks = new Map<number, Set<number>>();
  for (const r of reg) if (FUND_BENEFITS[r.benefit]) grossWeeks.set(r.person_id, (grossWeeks.get(r.person_id) ?? new Set()).add((dayOf(r.week) - first) / 7));
  for (const r of reg) {
    const bvs = FUND_BENEFITS[r.benefit];
    if (!bvs) continue;
    const fund = fundOf(byPerson.get(r.person_id) ?? [], r.week);
    const w = (dayOf(r.week) - first) / 7;
    const gw = grossWeeks.get(r.person_id)!;
    let n52 = 0;
    for (let v = w - 51; v <= w; v++) if (gw.has(v)) n52++;
    for (const [f, p] of labels(r.week)) {
      if (!isPublished(f, p)) continue;
      for (const a of areasOf(r.municipality)) for (const b of bvs) {
        const key = [a, b, f, p, 'a_kasse', fund].join('|');
        add(vol, key, r.person_id);
        if (n52 >= 42) add(lt, key, r.person_id);
      }
    }
  }
  const weeksOf = (key: string) => { const [, , f, p] = key.split('|'); return weeksIn.get(`${f}|${p}`)!; };
  const volume = new Map<string, Cell>();
  for (const [k, c] of vol) volume.set(k, { persons: c.persons.size, person_weeks: c.weeks, fulltime: c.weeks / weeksOf(k), pct_population: null, pct_workforce: null });
  const longterm = new Map<string, Cell>();
  for (const [k, c] of vol) {
    const [, , f, p] = k.split('|');
    if (firstWeekOf.get(`${f}|${p}`)! < 51) continue;
    const l = lt.get(k);
    const lp = l?.persons.size ?? 0, lw = l?.weeks ?? 0;
    longterm.set(k, { longterm_persons: lp, longterm_person_weeks: lw, longterm_fulltime: lw / weeksOf(k), gross_persons: c.persons.size, longterm_share: (100 * lp) / c.persons.size });
  }
  return { volume, longterm };
}

function expectSameCells(engine: Map<string, Cell>, naive: Map<string, Cell>): void {
  const problems: string[] = [];
  for (const key of new Set([...engine.keys(), ...naive.keys()])) {
    const a = engine.get(key), b = naive.get(key);
    if (!a || !b) { problems.push(`${key}: engine ${JSON.stringify(a)} naive ${JSON.stringify(b)}`); continue; }
    for (const c of Object.keys(b)) {
      const x = a[c] ?? null, y = b[c] ?? null;
      if (x === null || y === null ? x !== y : Math.abs(x - y) > 1e-9) problems.push(`${key} ${c}: engine ${x} naive ${y}`);
    }
  }
  expect(problems.slice(0, 20), `${problems.length} differences`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
let dir = '';
let conn: DuckDBConnection;
let close: () => void;
let info: CubeInfo;
let vol: Map<string, Cell>;
let lt: Map<string, Cell>;
const naive = naiveFundCells(data.register, funds);

beforeAll(async () => {
  dir = await writeRegister(data);
  await writeFunds(dir, funds);
  ({ conn, close } = await engineConnection());
  info = await computeCube({ conn, registerDir: dir });
  vol = await read(conn, 'volume', volCols);
  lt = await read(conn, 'longterm', ltCols);
});
afterAll(() => {
  close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('a-kasse breakdown: hand-checked cells', () => {
  const v = (k: string) => vol.get(k);
  it('a person changing fund in February counts once in each fund and once in the total', async () => {
    expect(v('K101|a_dagpenge|M|2024M02|a_kasse|hk')).toMatchObject({ persons: 1, person_weeks: 1, fulltime: 0.2, pct_population: null });
    expect(v('K101|a_dagpenge|M|2024M02|a_kasse|3f')).toMatchObject({ persons: 1, person_weeks: 4, fulltime: 0.8 });
    // person 8 (dfh in February) is the other a-dagpenge person of the month
    expect(v('K101|a_dagpenge|M|2024M02|a_kasse|dfh')).toMatchObject({ persons: 1, person_weeks: 4 });
    const total = await read(conn, 'volume', volCols, `area = 'K101' AND benefit = 'a_dagpenge' AND period = '2024M02' AND breakdown = 'total'`);
    expect(total.get('K101|a_dagpenge|M|2024M02|total|total')).toMatchObject({ persons: 2, person_weeks: 9 });
    expect(v('DK|a_dagpenge|Q|2024Q1|a_kasse|hk')).toMatchObject({ persons: 1, person_weeks: 5 });
    expect(v('DK|a_dagpenge|Q|2024Q1|a_kasse|3f')).toMatchObject({ persons: 1, person_weeks: 8 });
    expect(v('DK|a_dagpenge|Q|2024Q1|a_kasse|aka')).toMatchObject({ persons: 5, person_weeks: 20 });
  });

  it('overlapping memberships: the later one starts after the earlier ends', () => {
    expect(v('K101|a_dagpenge|M|2024M03|a_kasse|dfh')).toMatchObject({ persons: 1, person_weeks: 1 });
    expect(v('K101|a_dagpenge|M|2024M03|a_kasse|min')).toMatchObject({ persons: 1, person_weeks: 3 });
  });

  it('persons without a fund (never insured, an ended membership, an unknown fund id) are not insured', () => {
    // January: person 2 (never insured) and person 4 (ase ended 2023-12-18) on kontanthjælp
    expect(v(`K101|kontanthjaelp_jobparat|M|2024M01|a_kasse|${NOT_INSURED}`)).toMatchObject({ persons: 2, person_weeks: 8 });
    expect(v('K101|kontanthjaelp_jobparat|M|2024M01|a_kasse|ase')).toBeUndefined();
    // person 4 was in ase while on a-dagpenge in Q4 2023
    expect(v('K101|a_dagpenge|Q|2023Q4|a_kasse|ase')).toMatchObject({ persons: 1, person_weeks: 12 });
    // February: persons 2 and 5 (unknown fund id)
    expect(v(`K101|kontanthjaelp_jobparat|M|2024M02|a_kasse|${NOT_INSURED}`)).toMatchObject({ persons: 2, person_weeks: 9 });
    expect(v('K101|kontanthjaelp_jobparat|M|2024M02|a_kasse|xyz')).toBeUndefined();
    // gross unemployment = both groups, per fund
    expect(v(`K101|gross_unemployed|M|2024M01|a_kasse|${NOT_INSURED}`)).toMatchObject({ persons: 2, person_weeks: 8 });
    expect(v('K101|gross_unemployed|M|2024M01|a_kasse|aka')).toMatchObject({ persons: 5, person_weeks: 20 });
  });

  it('a-dagpenge has no not-insured part; other benefits and datasets have no a-kasse cells', async () => {
    expect([...vol.keys()].filter((k) => k.includes('|a_dagpenge|') && k.endsWith(NOT_INSURED))).toEqual([]);
    expect(new Set([...vol.keys()].map((k) => k.split('|')[1]))).toEqual(new Set(['a_dagpenge', 'kontanthjaelp_jobparat', 'gross_unemployed']));
    for (const t of ['flow', 'activation', 'timeliness', 'education']) {
      expect(Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t} WHERE breakdown = 'a_kasse'`)).getRows()[0]![0]), t).toBe(0);
    }
  });

  it('long-term weeks are placed by the week’s fund; gross persons are the fund’s persons', () => {
    // person 1 has been on a-dagpenge since 2023-01-02: every 2024 week is long-term
    expect(lt.get('K101|a_dagpenge|M|2024M02|a_kasse|hk')).toMatchObject({ longterm_persons: 1, longterm_person_weeks: 1, gross_persons: 1, longterm_share: 100 });
    expect(lt.get('K101|a_dagpenge|M|2024M02|a_kasse|3f')).toMatchObject({ longterm_persons: 1, longterm_person_weeks: 4, longterm_fulltime: 0.8 });
    expect(lt.get('K101|a_dagpenge|M|2024M01|a_kasse|aka')).toMatchObject({ longterm_persons: 0, gross_persons: 5, longterm_share: 0 });
    expect([...lt.keys()].every((k) => k.includes('|2024'))).toBe(true);
  });

  it('equals the independent recomputation, cell for cell', () => {
    expect(vol.size).toBeGreaterThan(100);
    expectSameCells(vol, naive.volume);
    expectSameCells(lt, naive.longterm);
  });

  it('leaves every other cell as without a_kasse.parquet (the naive reference of all datasets)', async () => {
    const others = new Map<string, Map<string, Cell>>();
    const reference = recompute(data);
    for (const id of ['volume', 'flow', 'longterm', 'activation', 'timeliness', 'education'] as const) {
      const rows = (await conn.runAndReadAll(`SELECT * FROM ${id} WHERE breakdown <> 'a_kasse'`)).getRowObjectsJS();
      const ref = reference[id];
      const cols = Object.keys(ref.values().next().value ?? {});
      others.set(id, new Map(rows.map((r) => [[keyOf(r), ...(id === 'activation' ? [r.offer] : [])].join('|'), Object.fromEntries(cols.map((c) => [c, r[c] === null || r[c] === undefined ? null : Number(r[c])]))])));
    }
    expectSameCube(Object.fromEntries(others) as never, reference);
    expect(info.periods.M.length).toBe(18);
  });
});

// ---------------------------------------------------------------------------------------------
describe('a-kasse breakdown: disclosure of total = Σ funds + not insured', () => {
  let status: Map<string, string>;
  let weeks: Map<string, number>;
  let kept: Map<string, string>;
  const periods = () => ({ ...info.periods });

  beforeAll(async () => {
    // Audit copy: the same table, keeping the not-insured cells to show their status.
    await conn.run(`CREATE TABLE audit AS SELECT * FROM volume`);
    await conn.run(`ALTER TABLE volume RENAME TO volume_orig`);
    await conn.run(`ALTER TABLE audit RENAME TO volume`);
    const report = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: periods(), keepNotInsured: true });
    expect(report.removedNotInsured).toBe(0);
    kept = new Map((await conn.runAndReadAll(`SELECT * FROM volume`)).getRowObjectsJS().map((r) => [keyOf(r), String(r.status)]));
    await conn.run(`DROP TABLE volume`);
    await conn.run(`ALTER TABLE volume_orig RENAME TO volume`);
    const published = await applyDisclosure({ conn, dataset: 'volume', threshold: 5, periods: periods() });
    expect(published.removedNotInsured).toBeGreaterThan(0);
    const rows = (await conn.runAndReadAll(`SELECT * FROM volume`)).getRowObjectsJS();
    status = new Map(rows.map((r) => [keyOf(r), String(r.status)]));
    weeks = new Map(rows.map((r) => [keyOf(r), Number(r.person_weeks)]));
  });

  it('not-insured cells are removed from what is published', () => {
    expect([...status.keys()].filter((k) => k.endsWith(`|a_kasse|${NOT_INSURED}`))).toEqual([]);
    expect([...kept.keys()].filter((k) => k.endsWith(`|a_kasse|${NOT_INSURED}`)).length).toBeGreaterThan(0);
    // every other cell has the same status in both runs
    for (const [k, s] of status) expect([k, kept.get(k)]).toEqual([k, s]);
  });

  it('a-dagpenge, January: hk (1 person) is suppressed, and so is aka (5), the only other part (no one uninsured)', () => {
    expect(status.get('K101|a_dagpenge|M|2024M01|a_kasse|hk')).toBe('primary');
    expect(status.get('K101|a_dagpenge|M|2024M01|a_kasse|aka')).toBe('secondary');
  });

  it('kontanthjælp, Frederiksberg, March: foa (1) is suppressed and the not-insured part (6) with it', () => {
    const k = 'K147|kontanthjaelp_jobparat|M|2024M03';
    expect(status.get(`${k}|a_kasse|foa`)).toBe('primary');
    expect(kept.get(`${k}|a_kasse|${NOT_INSURED}`)).toBe('secondary');
  });

  it('an attacker who knows every relation and the published person-weeks recovers no suppressed cell', () => {
    const hidden = (k: string) => k.endsWith(`|a_kasse|${NOT_INSURED}`);
    // Published: the person-weeks of published cells; absent cells are known zeros; not-insured cells are never published.
    const known = (k: string): number | null => {
      if (hidden(k)) return kept.has(k) ? null : 0;
      const s = status.get(k);
      if (s === undefined) return 0;
      return s === 'published' ? weeks.get(k)! : null;
    };
    const eqs = relations([...kept.keys()]);
    // Nothing protected comes out: no suppressed cell, and no not-insured cell that disclosure control had to hide.
    const protectedCells = (m: Map<string, number>) => [...m.keys()].filter((k) => (hidden(k) ? kept.get(k) : status.get(k)) !== 'published');
    expect(protectedCells(attack(known, eqs))).toEqual([]);
    // Teeth: with the secondary suppressions published, the hk cell of January comes out (24 − 20 weeks) …
    const primaryOnly = (k: string) => (!hidden(k) && status.get(k) === 'secondary' ? weeks.get(k)! : known(k));
    expect(attack(primaryOnly, eqs).get('K101|a_dagpenge|M|2024M01|a_kasse|hk')).toBe(4);
    // … but not foa in March: its relation has the unpublished not-insured part as a second unknown;
    expect(attack(primaryOnly, eqs).has('K147|kontanthjaelp_jobparat|M|2024M03|a_kasse|foa')).toBe(false);
    // were that part known (published, or left out of the relation), foa would come out as 28 − 24 weeks.
    const notInsuredKnown = (k: string) => (hidden(k) ? trueWeeks(k) : primaryOnly(k));
    expect(attack(notInsuredKnown, eqs).get('K147|kontanthjaelp_jobparat|M|2024M03|a_kasse|foa')).toBe(4);
  });
});

const trueWeeks = (k: string) => naive.volume.get(k)?.person_weeks ?? 0;

/** Every additive relation among the given volume cells (written here from docs/measures.md). */
function relations(keys: string[]): { total: string; parts: string[] }[] {
  const set = new Set(keys);
  const out: { total: string; parts: string[] }[] = [];
  const split = (k: string) => k.split('|') as [string, string, string, string, string, string];
  const groups = new Map<string, true>();
  for (const k of set) { const [a, b, f, p] = split(k); groups.set([a, b, f, p].join('|'), true); }
  const breakdowns: Record<string, string[]> = {
    gender: ['K', 'M'], age_band: ['16-24', '25-29', '30-39', '40-49', '50-59', '60-66'], origin: ['dansk', 'vestlig', 'ikke-vestlig'],
    a_kasse: [...unemploymentFunds.map((x) => x.id), NOT_INSURED],
  };
  const bds = [['total', 'total'], ...Object.entries(breakdowns).flatMap(([b, vs]) => vs.map((v) => [b, v]))];
  // The a-kasse breakdown exists for the three gross-unemployment benefit values only.
  const fundBenefit = new Set(['gross_unemployed', 'a_dagpenge', 'kontanthjaelp_jobparat']);
  for (const g of groups.keys()) {
    for (const [b, vs] of Object.entries(breakdowns)) {
      if (b === 'a_kasse' && !fundBenefit.has(g.split('|')[1]!)) continue;
      out.push({ total: `${g}|total|total`, parts: vs.map((v) => `${g}|${b}|${v}`) });
    }
  }
  const others = new Set<string>();
  for (const k of set) { const [, b, f, p, d, v] = split(k); others.add([b, f, p, d, v].join('|')); }
  const lvl = (l: string) => areas.filter((a) => a.level === l);
  for (const o of others) {
    const [b, f, p, d, v] = o.split('|');
    const at = (a: string) => [a, b, f, p, d, v].join('|');
    for (const a of areas.filter((x) => x.level !== 'municipality' && x.level !== 'country')) out.push({ total: at(a.id), parts: a.municipalities.map((c) => at(`K${c}`)) });
    for (const l of ['region', 'employment_region', 'jobcenter']) out.push({ total: at('DK'), parts: lvl(l).map((a) => at(a.id)) });
  }
  const ofArea = new Set<string>();
  for (const k of set) { const [a, , f, p, d, v] = split(k); ofArea.add([a, f, p, d, v].join('|')); }
  for (const o of ofArea) {
    const [a, f, p, d, v] = o.split('|');
    const at = (b: string) => [a, b, f, p, d, v].join('|');
    out.push({ total: at('gross_unemployed'), parts: [at('a_dagpenge'), at('kontanthjaelp_jobparat')] });
  }
  const { M, Q, Y, R } = info.periods;
  const mm = (y: number, m: number) => `${y}M${String(m).padStart(2, '0')}`;
  const time: [Freq, string, Freq, string[]][] = [];
  for (const q of Q) {
    const [y, n] = q.split('Q').map(Number) as [number, number];
    time.push(['Q', q, 'M', [1, 2, 3].map((i) => mm(y, (n - 1) * 3 + i))]);
  }
  for (const y of Y) {
    time.push(['Y', y, 'Q', [1, 2, 3, 4].map((i) => `${y}Q${i}`)], ['Y', y, 'M', range(1, 12).map((i) => mm(Number(y), i))], ['Y', y, 'R', [`${y}M01-${y}M12`]]);
  }
  for (const r of R) {
    const [a] = r.split('-') as [string];
    const start = Number(a.slice(0, 4)) * 12 + Number(a.slice(5)) - 1;
    time.push(['R', r, 'M', range(0, 11).map((i) => mm(Math.floor((start + i) / 12), ((start + i) % 12) + 1))]);
  }
  const has = { M: new Set(M), Q: new Set(Q), Y: new Set(Y), R: new Set(R) };
  const ab = new Set([...set].map((k) => split(k).slice(0, 2).join('|')));
  for (const [tf, t, pf, ps] of time) {
    if (!has[tf].has(t) || !ps.every((p) => has[pf].has(p))) continue;
    for (const x of ab) for (const [d, v] of bds) out.push({ total: [x, tf, t, d, v].join('|'), parts: ps.map((p) => [x, pf, p, d, v].join('|')) });
  }
  return out;
}

/** Solves relations with exactly one unknown member, repeatedly (chains included). */
function attack(published: (key: string) => number | null, eqs: { total: string; parts: string[] }[]): Map<string, number> {
  const recovered = new Map<string, number>();
  const value = (k: string) => (recovered.has(k) ? recovered.get(k)! : published(k));
  for (let progress = true; progress; ) {
    progress = false;
    for (const e of eqs) {
      const unknown = [e.total, ...e.parts].filter((k) => value(k) === null);
      if (unknown.length !== 1) continue;
      const sum = e.parts.reduce((s, k) => s + (value(k) ?? 0), 0);
      const u = unknown[0]!;
      recovered.set(u, u === e.total ? sum : value(e.total)! - sum);
      progress = true;
    }
  }
  return recovered;
}
