/** Randomized: a few hundred persons over ~2 years → engine == naive reference for every cell. */
import { describe, expect, it } from 'vitest';
import { recompute, referencePeriods, type ActivityRow, type PersonRow, type PopulationRow, type RegisterData, type RegisterRow } from '../../reference/recompute.js';
import { rmSync } from 'node:fs';
import { computeCore } from '../../../src/indicators/engine/index.js';
import { benefits } from '../../../src/reference/index.js';
import { engineConnection, writeRegister } from '../../support/register-fixture.js';
import { expectSameCube, mondays, runEngine } from './helpers.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const GROUPS = ['a_dagpenge', 'kontanthjaelp_jobparat', 'kontanthjaelp_aktivitetsparat', 'sygedagpenge', 'uddannelseshjaelp', 'fleksjob', 'foertidspension', 'efterloen', 'su'];
const MUNIS = [561, 563, 101, 147, 751, 851];
const OFFERS = ['virksomhedspraktik', 'loentilskud', 'vejledning_opkvalificering'];

export function randomRegister(seed: number, nPersons: number, from: string, nWeeks: number): RegisterData {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const weeks = mondays(from, nWeeks);
  const register: RegisterRow[] = [], persons: PersonRow[] = [], activities: ActivityRow[] = [];
  for (let p = 1; p <= nPersons; p++) {
    // ages 18–64, some near band boundaries
    const by = 1960 + Math.floor(r() * 45), bm = 1 + Math.floor(r() * 12), bd = 1 + Math.floor(r() * 28);
    persons.push({ person_id: p, birth_date: r() < 0.03 ? `${by - (by % 4)}-02-29` : `${by}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`, gender: pick(['K', 'M']), origin: pick(['dansk', 'vestlig', 'ikke-vestlig']) });
    let state: string | null = r() < 0.5 ? pick(GROUPS) : null;
    let k = pick(MUNIS);
    const sticky = r() < 0.5 ? 0.97 : 0.85;
    for (let w = 0; w < nWeeks; w++) {
      if (r() > sticky) state = r() < 0.4 ? null : r() < 0.5 && state ? state : pick(GROUPS);
      if (r() < 0.01) k = pick(MUNIS);
      if (state) register.push({ person_id: p, week: weeks[w]!, municipality: k, benefit: state });
    }
    for (let i = 0; i < 3; i++) {
      if (r() < 0.5) {
        const due = Math.floor(r() * (nWeeks + 4)) - 2;
        const held = r() < 0.8;
        const s = due - 2 + Math.floor(r() * 5);
        const d = (w: number) => mondays(from, Math.max(w, 0) + 1)[Math.max(w, 0)]!;
        activities.push({ person_id: p, kind: 'interview', due_week: d(due), start_week: held ? d(s) : null, end_week: held ? d(s) : null });
      }
      if (r() < 0.4) {
        const s = Math.floor(r() * nWeeks), e = Math.min(nWeeks - 1, s + Math.floor(r() * 15));
        activities.push({ person_id: p, kind: pick(OFFERS), due_week: null, start_week: weeks[s]!, end_week: weeks[e]! });
      }
    }
  }
  const population: PopulationRow[] = [];
  for (const m of MUNIS) for (const year of [2022, 2023, 2024, 2025]) for (const g of ['K', 'M']) for (const a of ['16-24', '25-29', '30-39', '40-49', '50-59', '60-66']) for (const o of ['dansk', 'vestlig'])
    population.push({ municipality: m, year, gender: g, age_band: a, origin: o, population: 100 + Math.floor(r() * 900), workforce: 50 + Math.floor(r() * 500) });
  return { register, persons, activities, population };
}

describe('engine vs naive reference (random registers)', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: every cell of every dataset`, async () => {
      const data = randomRegister(seed, seed === 1 ? 250 : 150, '2022-12-26', 115);
      const { cube, info } = await runEngine(data);
      expect(info.periods).toEqual(referencePeriods(data.register));
      expectSameCube(cube, recompute(data));
    });
  }
});

describe('core measures (what the benchmark times against PostgreSQL)', () => {
  it('equal the reference volume per municipality × benefit group × month', async () => {
    const data = randomRegister(3, 150, '2022-12-26', 70);
    const reference = recompute(data).volume;
    const dir = await writeRegister(data);
    const { conn, close } = await engineConnection();
    try {
      await computeCore(conn, dir);
      const rows = (await conn.runAndReadAll('SELECT * FROM core')).getRowObjectsJS();
      const groups = new Set(benefits.filter((b) => b.kind === 'group').map((b) => b.id));
      const expected = [...reference].filter(([k, c]) => {
        const [area, benefit, freq, , breakdown] = k.split('|');
        return area!.startsWith('K') && groups.has(benefit!) && freq === 'M' && breakdown === 'total' && (c.persons ?? 0) > 0;
      });
      expect(rows.length).toBe(expected.length);
      expect(rows.length).toBeGreaterThan(100);
      for (const r of rows) {
        const cell = reference.get(`K${r.municipality}|${r.benefit}|M|${r.month}|total|total`);
        expect({ persons: Number(r.persons), person_weeks: Number(r.person_weeks), fulltime: Number(r.fulltime) })
          .toEqual({ persons: cell?.persons, person_weeks: cell?.person_weeks, fulltime: cell?.fulltime });
      }
    } finally {
      close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
