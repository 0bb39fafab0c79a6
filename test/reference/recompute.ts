/**
 * An independent, deliberately naive recomputation of every dataset of docs/measures.md,
 * in plain TypeScript: loops over persons, periods and weeks. Shares nothing with the
 * engine except the reference data and the datasets.ts contract. Slow; for tests only.
 */
import { areas, benefits } from '../../src/reference/index.js';
import { offerKinds, type DatasetId, type Freq } from '../../src/indicators/datasets.js';

export interface RegisterRow { person_id: number; week: string; municipality: number; benefit: string }
export interface PersonRow { person_id: number; birth_date: string; gender: string; origin: string }
export interface ActivityRow { person_id: number; kind: string; due_week: string | null; start_week: string | null; end_week: string | null }
export interface PopulationRow { municipality: number; year: number; gender: string; age_band: string; origin: string; population: number; workforce: number }
export interface RegisterData { register: RegisterRow[]; persons: PersonRow[]; activities?: ActivityRow[]; population?: PopulationRow[] }

export type Cell = Record<string, number | null>;
/** Cells per dataset, keyed `area|benefit|freq|period|breakdown|breakdown_value` (+ `|offer` for activation). */
export type Cube = Record<DatasetId, Map<string, Cell>>;

const DAY = 86_400_000;
const toDay = (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY;
const ymd = (d: number) => { const x = new Date(d * DAY); return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() }; };
const p2 = (n: number) => String(n).padStart(2, '0');

/** Age on a date (docs/measures.md). */
export function ageOn(birth: string, date: number): number {
  const b = ymd(toDay(birth));
  const d = ymd(date);
  return d.y - b.y - (d.m < b.m || (d.m === b.m && d.d < b.d) ? 1 : 0);
}
export function bandOf(age: number): string {
  if (age >= 60) return '60-66';
  if (age >= 50) return '50-59';
  if (age >= 40) return '40-49';
  if (age >= 30) return '30-39';
  if (age >= 25) return '25-29';
  return '16-24';
}

interface P { freq: Freq; label: string; weeks: number[]; lastDay: number; year: number }

/** The label of the month/quarter/year of the week starting on Monday `monday`. */
function thursdayOf(monday: number) { return ymd(monday + 3); }

function allPeriods(first: number, nWeeks: number): P[] {
  // Label every Monday from a year before to a year after; group by period; keep periods fully inside.
  const mondays: number[] = [];
  for (let d = first - 7 * 60; d <= first + 7 * (nWeeks + 60); d += 7) mondays.push(d);
  const groups = new Map<string, { freq: Freq; label: string; mondays: number[]; lastDay: number; year: number }>();
  const add = (freq: Freq, label: string, monday: number, lastDay: number, year: number) => {
    const k = `${freq}|${label}`;
    const g = groups.get(k) ?? { freq, label, mondays: [], lastDay, year };
    g.mondays.push(monday);
    groups.set(k, g);
  };
  const monthEnd = (y: number, m: number) => Date.UTC(y, m, 0) / DAY; // m 1-based: day 0 of next month
  for (const mo of mondays) {
    const t = thursdayOf(mo);
    add('M', `${t.y}M${p2(t.m)}`, mo, monthEnd(t.y, t.m), t.y);
    const q = Math.ceil(t.m / 3);
    add('Q', `${t.y}Q${q}`, mo, monthEnd(t.y, q * 3), t.y);
    add('Y', `${t.y}`, mo, monthEnd(t.y, 12), t.y);
    // rolling years containing this month: ending in this month … 11 months later
    for (let i = 0; i < 12; i++) {
      const endIdx = t.y * 12 + (t.m - 1) + i;
      const ey = Math.floor(endIdx / 12), em = (endIdx % 12) + 1;
      const sIdx = endIdx - 11;
      const sy = Math.floor(sIdx / 12), sm = (sIdx % 12) + 1;
      add('R', `${sy}M${p2(sm)}-${ey}M${p2(em)}`, mo, monthEnd(ey, em), ey);
    }
  }
  const last = first + 7 * (nWeeks - 1);
  const out: P[] = [];
  for (const g of groups.values()) {
    if (g.mondays.some((d) => d < first || d > last)) continue;
    // also require the group to be complete: neighbours outside our Monday list would be a bug, the list is wide
    out.push({ freq: g.freq, label: g.label, weeks: g.mondays.map((d) => (d - first) / 7), lastDay: g.lastDay, year: g.year });
  }
  return out;
}

const areasOf = new Map<number, string[]>();
for (const a of areas) for (const k of a.municipalities) areasOf.set(k, [...(areasOf.get(k) ?? []), a.id]);
const valuesOf = new Map<string, string[]>();
for (const b of benefits) for (const g of b.groups) valuesOf.set(g, [...(valuesOf.get(g) ?? []), b.id]);
const GROSS = new Set(['a_dagpenge', 'kontanthjaelp_jobparat']);
const LONGTERM = new Set(['gross_unemployed', 'a_dagpenge', 'kontanthjaelp_jobparat']);

export function recompute(data: RegisterData): Cube {
  const first = Math.min(...data.register.map((r) => toDay(r.week)));
  const last = Math.max(...data.register.map((r) => toDay(r.week)));
  const N = (last - first) / 7 + 1;
  const periods = allPeriods(first, N);
  const persons = new Map(data.persons.map((p) => [p.person_id, p]));
  // weeks[p][w] = row
  const reg = new Map<number, ({ k: number; g: string } | undefined)[]>();
  for (const r of data.register) {
    const arr = reg.get(r.person_id) ?? new Array(N).fill(undefined);
    arr[(toDay(r.week) - first) / 7] = { k: r.municipality, g: r.benefit };
    reg.set(r.person_id, arr);
  }
  const cube: Cube = { volume: new Map(), flow: new Map(), longterm: new Map(), activation: new Map(), timeliness: new Map(), education: new Map() };
  const bdOf = (pid: number, per: P): [string, string][] => {
    const pr = persons.get(pid);
    const out: [string, string][] = [['total', 'total']];
    if (!pr) return out;
    out.push(['gender', pr.gender], ['age_band', bandOf(ageOn(pr.birth_date, per.lastDay))], ['origin', pr.origin]);
    return out;
  };
  /** Accumulators: cell key → counters; persons as sets. */
  type Acc = { n: Record<string, number>; s: Record<string, Set<number>> };
  const accs: Record<DatasetId, Map<string, Acc>> = { volume: new Map(), flow: new Map(), longterm: new Map(), activation: new Map(), timeliness: new Map(), education: new Map() };
  const acc = (ds: DatasetId, key: string): Acc => {
    let a = accs[ds].get(key);
    if (!a) accs[ds].set(key, (a = { n: {}, s: {} }));
    return a;
  };
  const add = (ds: DatasetId, key: string, name: string, v: number) => { const a = acc(ds, key); a.n[name] = (a.n[name] ?? 0) + v; };
  const addP = (ds: DatasetId, key: string, name: string, pid: number) => { const a = acc(ds, key); (a.s[name] ??= new Set()).add(pid); };
  const each = (pid: number, k: number, vals: string[], per: P, fn: (key: string) => void) => {
    for (const area of areasOf.get(k) ?? []) for (const v of vals) for (const [bd, bv] of bdOf(pid, per)) fn(`${area}|${v}|${per.freq}|${per.label}|${bd}|${bv}`);
  };
  const periodsOf = new Map<number, P[]>();
  for (const per of periods) for (const w of per.weeks) periodsOf.set(w, [...(periodsOf.get(w) ?? []), per]);

  for (const [pid, weeks] of reg) {
    // volume
    for (let w = 0; w < N; w++) {
      const r = weeks[w];
      if (!r) continue;
      for (const per of periodsOf.get(w) ?? []) each(pid, r.k, valuesOf.get(r.g) ?? [], per, (key) => { add('volume', key, 'person_weeks', 1); addP('volume', key, 'persons', pid); });
    }
    // flow + education: spells per benefit value
    for (const b of benefits) {
      const inV = (w: number) => w >= 0 && w < N && !!weeks[w] && b.groups.includes(weeks[w]!.g);
      for (let s = 0; s < N; s++) {
        if (!inV(s) || inV(s - 1)) continue;
        let e = s;
        while (inV(e + 1)) e++;
        if (s > 0) for (const per of periodsOf.get(s) ?? []) if (per.weeks[0]! > 0) each(pid, weeks[s]!.k, [b.id], per, (key) => { add('flow', key, 'inflow', 1); addP('flow', key, 'inflow_persons', pid); });
        if (e < N - 1) {
          let empty = true;
          for (let u = e + 1; u <= e + 4; u++) if (u < N && weeks[u]) empty = false;
          let su = false;
          for (let u = e + 1; u <= e + 4; u++) if (u < N && weeks[u]?.g === 'su') su = true;
          for (const per of periodsOf.get(e) ?? []) {
            const censored = Math.max(...per.weeks) + 4 > N - 1;
            if (per.weeks[0]! > 0) {
              each(pid, weeks[e]!.k, [b.id], per, (key) => {
                add('flow', key, 'outflow', 1);
                addP('flow', key, 'outflow_persons', pid);
                if (s > 0) { add('flow', key, 'dur_sum', e - s + 1); add('flow', key, 'dur_n', 1); }
                if (empty && !censored) { add('flow', key, 'outflow_self_support', 1); addP('flow', key, 'self_support_persons', pid); }
              });
            }
            const pr = persons.get(pid);
            const age = pr ? ageOn(pr.birth_date, per.lastDay) : -1;
            if (age >= 15 && age <= 29) {
              each(pid, weeks[e]!.k, [b.id], per, (key) => {
                addP('education', key, 'persons_ended', pid);
                if (su) addP('education', key, 'persons_to_education', pid);
              });
            }
          }
        }
      }
    }
    // longterm
    const gross = (w: number) => w >= 0 && !!weeks[w] && GROSS.has(weeks[w]!.g);
    for (let w = 0; w < N; w++) {
      if (!gross(w)) continue;
      let n = 0;
      for (let u = w - 51; u <= w; u++) if (gross(u)) n++;
      const r = weeks[w]!;
      const vals = (valuesOf.get(r.g) ?? []).filter((v) => LONGTERM.has(v));
      for (const per of periodsOf.get(w) ?? []) {
        if (per.weeks[0]! < 51) continue;
        each(pid, r.k, vals, per, (key) => {
          addP('longterm', key, 'gross_persons', pid);
          if (n >= 42) { add('longterm', key, 'longterm_person_weeks', 1); addP('longterm', key, 'longterm_persons', pid); }
        });
      }
    }
    // gross persons also for weeks of the three values that are not long-term: handled above (every gross week).
  }
  // activation: distinct offer person-weeks per kind and for all
  const offerWeeks = new Map<string, Set<number>>(); // `${pid}|${kind}` → week set
  for (const a of data.activities ?? []) {
    if (a.kind === 'interview' || !a.start_week) continue;
    const s = (toDay(a.start_week) - first) / 7, e = (toDay(a.end_week ?? a.start_week) - first) / 7;
    for (const kind of [a.kind, 'all']) {
      const set = offerWeeks.get(`${a.person_id}|${kind}`) ?? new Set<number>();
      for (let w = s; w <= e; w++) set.add(w);
      offerWeeks.set(`${a.person_id}|${kind}`, set);
    }
  }
  for (const [pk, set] of offerWeeks) {
    const [pidS, kind] = pk.split('|') as [string, string];
    const pid = Number(pidS);
    const weeks = reg.get(pid);
    if (!weeks) continue;
    for (const w of set) {
      if (w < 0 || w >= N || !weeks[w]) continue;
      const r = weeks[w]!;
      for (const per of periodsOf.get(w) ?? []) each(pid, r.k, valuesOf.get(r.g) ?? [], per, (key) => {
        if (kind !== 'all' && !key.endsWith('|total|total')) return;
        add('activation', `${key}|${kind}`, 'activated_weeks', 1);
        addP('activation', `${key}|${kind}`, 'activated', pid);
      });
    }
  }
  // timeliness
  for (const a of data.activities ?? []) {
    if (a.kind !== 'interview' || !a.due_week) continue;
    const due = (toDay(a.due_week) - first) / 7;
    if (due < 0 || due >= N) continue;
    const weeks = reg.get(a.person_id);
    if (!weeks) continue;
    let w = due;
    while (w >= 0 && !weeks[w]) w--;
    if (w < 0) continue;
    const r = weeks[w]!;
    const onTime = a.start_week !== null && toDay(a.start_week) <= toDay(a.due_week);
    for (const per of periodsOf.get(due) ?? []) each(a.person_id, r.k, valuesOf.get(r.g) ?? [], per, (key) => {
      add('timeliness', key, 'interviews_due', 1);
      addP('timeliness', key, 'persons_due', a.person_id);
      if (onTime) { add('timeliness', key, 'interviews_on_time', 1); addP('timeliness', key, 'persons_on_time', a.person_id); }
    });
  }

  // population
  const pop = new Map<string, { population: number; workforce: number }>();
  for (const r of data.population ?? []) {
    for (const area of areasOf.get(r.municipality) ?? []) {
      for (const [bd, bv] of [['total', 'total'], ['gender', r.gender], ['age_band', r.age_band], ['origin', r.origin]] as const) {
        const k = `${area}|${r.year}|${bd}|${bv}`;
        const x = pop.get(k) ?? { population: 0, workforce: 0 };
        x.population += r.population;
        x.workforce += r.workforce;
        pop.set(k, x);
      }
    }
  }
  const perByKey = new Map(periods.map((p) => [`${p.freq}|${p.label}`, p]));
  const lastW = N - 1;
  const n = (a: Acc | undefined, k: string) => a?.n[k] ?? 0;
  const s = (a: Acc | undefined, k: string) => a?.s[k]?.size ?? 0;
  for (const [key, a] of accs.volume) {
    const [area, , freq, label, bd, bv] = key.split('|') as string[];
    const per = perByKey.get(`${freq}|${label}`)!;
    const ft = n(a, 'person_weeks') / per.weeks.length;
    const pp = pop.get(`${area}|${per.year}|${bd}|${bv}`);
    cube.volume.set(key, {
      persons: s(a, 'persons'), fulltime: ft, person_weeks: n(a, 'person_weeks'),
      pct_population: pp && pp.population > 0 ? (100 * ft) / pp.population : null,
      pct_workforce: pp && pp.workforce > 0 ? (100 * ft) / pp.workforce : null,
    });
    for (const kind of ['all', ...offerKinds]) {
      if (kind !== 'all' && bd !== 'total') continue;
      const x = accs.activation.get(`${key}|${kind}`);
      const aw = n(x, 'activated_weeks');
      cube.activation.set(`${key}|${kind}`, {
        activated: s(x, 'activated'), activated_weeks: aw, fulltime_activated: aw / per.weeks.length,
        activation_rate: n(a, 'person_weeks') > 0 ? (100 * aw) / n(a, 'person_weeks') : null, persons: s(a, 'persons'),
      });
    }
  }
  for (const [key, a] of accs.flow) {
    const [, , freq, label] = key.split('|') as string[];
    const per = perByKey.get(`${freq}|${label}`)!;
    const censored = Math.max(...per.weeks) + 4 > lastW;
    cube.flow.set(key, {
      inflow: n(a, 'inflow'), outflow: n(a, 'outflow'), outflow_self_support: censored ? null : n(a, 'outflow_self_support'),
      avg_duration: n(a, 'dur_n') > 0 ? n(a, 'dur_sum') / n(a, 'dur_n') : null,
      inflow_persons: s(a, 'inflow_persons'), outflow_persons: s(a, 'outflow_persons'), self_support_persons: censored ? null : s(a, 'self_support_persons'),
    });
  }
  for (const [key, a] of accs.longterm) {
    const [, , freq, label] = key.split('|') as string[];
    const per = perByKey.get(`${freq}|${label}`)!;
    cube.longterm.set(key, {
      longterm_fulltime: n(a, 'longterm_person_weeks') / per.weeks.length, longterm_persons: s(a, 'longterm_persons'), gross_persons: s(a, 'gross_persons'),
      longterm_share: s(a, 'gross_persons') > 0 ? (100 * s(a, 'longterm_persons')) / s(a, 'gross_persons') : null, longterm_person_weeks: n(a, 'longterm_person_weeks'),
    });
  }
  for (const [key, a] of accs.timeliness) {
    cube.timeliness.set(key, {
      interviews_due: n(a, 'interviews_due'), interviews_on_time: n(a, 'interviews_on_time'),
      timeliness: n(a, 'interviews_due') > 0 ? (100 * n(a, 'interviews_on_time')) / n(a, 'interviews_due') : null,
      persons_due: s(a, 'persons_due'), persons_on_time: s(a, 'persons_on_time'),
    });
  }
  for (const [key, a] of accs.education) {
    const [, , freq, label] = key.split('|') as string[];
    const per = perByKey.get(`${freq}|${label}`)!;
    const censored = Math.max(...per.weeks) + 4 > lastW;
    cube.education.set(key, {
      persons_ended: s(a, 'persons_ended'), persons_to_education: censored ? null : s(a, 'persons_to_education'),
      education_rate: censored || s(a, 'persons_ended') === 0 ? null : (100 * s(a, 'persons_to_education')) / s(a, 'persons_ended'),
    });
  }
  return cube;
}

/** The published periods per freq, as the reference sees them (for checks of CubeInfo.periods). */
export function referencePeriods(register: RegisterRow[]): Record<Freq, string[]> {
  const first = Math.min(...register.map((r) => toDay(r.week)));
  const last = Math.max(...register.map((r) => toDay(r.week)));
  const out: Record<Freq, string[]> = { M: [], Q: [], Y: [], R: [] };
  for (const p of allPeriods(first, (last - first) / 7 + 1)) out[p.freq].push(p.label);
  for (const f of Object.keys(out) as Freq[]) out[f].sort((a, b) => (a.slice(-7) + a).localeCompare(b.slice(-7) + b));
  return out;
}
