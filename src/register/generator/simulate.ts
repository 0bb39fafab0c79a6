/**
 * Per-person semi-Markov simulation. Each person is simulated from the first Monday on or
 * after their 16th birthday (so long spells such as førtidspension are already running when
 * the register window opens — a natural burn-in) to the last Monday before their 67th
 * birthday or the window's last week. Only what overlaps the window is emitted.
 */
import { birthdayDay, civilFromDays, daysFromCivil, isoWeekday, mondayOf, mondayOfWeekIndex, weekIndexOfDay } from '../weeks.js';
import type { Batch } from './buffers.js';
import { ON_TIME, NEVER_HELD, type MunicipalityConditions, type PlantedEffect } from './conditions.js';
import {
  AGE_BAND, AGE_WEIGHTS, ATTACH_THRESHOLD, DAGPENGE_MAX_WEEKS, DURATION, EFTERLON, ENTRY, ENTRY_BASE, INSURED, MOVE_RATE,
  NEXT, NSTATES, S, SEASON_KIND, SEASON_MAX, SICK_MAX_WEEKS, SICK_REVIEW_WEEK, SICK_TO_JAF, STATE_CATEGORY, Z_SHIFT, efterlonAge, seasonFactor,
} from './model.js';
import { Rng } from './rng.js';
import { FundDrawer } from './funds.js';

const WEEKS_PER_YEAR = 365.2425 / 7;
/** Ages at which entry hazards change (band limits); efterløn age is added per person. */
const BREAK_AGES = [18, 20, 25, 30, 40, 50, 55, 60, 63];
/** Offers per state: [mean weeks to first offer, mean gap between offers, P(praktik), P(løntilskud), share of spells with any offer] (rest vejledning). */
const OFFERS: Record<number, [number, number, number, number, number]> = {
  [S.DAG]: [18, 55, 0.3, 0.25, 0.6], [S.KHJ]: [10, 50, 0.45, 0.15, 0.5], [S.KHA]: [14, 65, 0.5, 0.05, 0.6], [S.UDD]: [10, 55, 0.35, 0.05, 0.55],
  [S.INT]: [10, 50, 0.55, 0.1, 0.6], [S.SYG]: [12, 130, 0.8, 0, 0.2], [S.JAF]: [12, 80, 0.6, 0, 0.5], [S.RES]: [14, 70, 0.55, 0, 0.6],
};
/** Offer lengths in weeks by kind 1..3: [min, max]. */
const OFFER_LEN = [[0, 0], [3, 13], [13, 26], [2, 10]] as const;
const INTERVIEW_STATES = new Set<number>([S.DAG, S.KHJ, S.KHA, S.UDD, S.INT, S.SYG, S.JAF]);

/** Everything that is shared by all persons of one run. */
interface SimContext {
  seed: number;
  /** Register window, as week indices (inclusive). */
  w0: number;
  w1: number;
  years: number[];
  conditions: MunicipalityConditions[];
  planted: PlantedEffect[];
  lateJobcenters: Set<string>;
}

/** Population tally dimensions: year × municipality × gender × age band × origin × (population, workforce). */
export const POP_BANDS = [16, 25, 30, 40, 50, 60, 67];

export class Simulator {
  readonly ctx: SimContext;
  readonly nTotal: number;
  readonly population: Int32Array;
  private readonly rng: Rng;
  private readonly funds: FundDrawer;
  private readonly aliveShare: number;
  private readonly ageCum: Float64Array;
  private readonly muniCum: Float64Array;
  private readonly regionMunis: Map<number, { idx: number[]; cum: Float64Array }>;
  private readonly jcMult: Float64Array;
  private readonly late: Uint8Array;
  private readonly seasonBase: number;
  private readonly season: Float32Array[];
  private readonly jan1Week: Int32Array;
  private readonly jan1Day: Int32Array;
  // Per-person scratch.
  private readonly pf = new Float64Array(NSTATES);
  private readonly rate = new Float64Array(NSTATES);
  private readonly w = new Float64Array(NSTATES);
  private readonly durF = new Float64Array(NSTATES);
  private moveWeek: number[] = [];
  private moveMuni: number[] = [];
  private readonly stateAtJan: Int32Array;

  constructor(ctx: SimContext, persons: number) {
    this.ctx = ctx;
    this.rng = new Rng(ctx.seed, -1);
    this.funds = new FundDrawer(ctx.seed);
    const nm = ctx.conditions.length;
    // Ages 16..66 at the window start, weighted by 5-year groups; entrants (turning 16 in the window) at the 16-year weight.
    const ageW = Array.from({ length: 51 }, (_, i) => AGE_WEIGHTS[Math.floor(i / 5)]!);
    this.ageCum = cumulative(ageW);
    const spanYears = (ctx.w1 - ctx.w0 + 1) / WEEKS_PER_YEAR;
    const alive = this.ageCum[50]!;
    this.aliveShare = alive / (alive + AGE_WEIGHTS[0]! * spanYears);
    this.nTotal = Math.round(persons / this.aliveShare);
    this.muniCum = cumulative(ctx.conditions.map((c) => c.population));
    this.regionMunis = new Map();
    for (const region of new Set(ctx.conditions.map((c) => c.regionCode))) {
      const idx = ctx.conditions.flatMap((c, i) => (c.regionCode === region ? [i] : []));
      this.regionMunis.set(region, { idx, cum: cumulative(idx.map((i) => ctx.conditions[i]!.population)) });
    }
    // Exit-rate multipliers of planted jobcenters per municipality × state; durations are divided
    // by them (and, for førtidspension/fleksjob, entries too).
    this.jcMult = new Float64Array(nm * NSTATES).fill(1);
    ctx.conditions.forEach((c, i) => {
      for (const p of ctx.planted) {
        if (p.jobcenter !== c.jobcenter) continue;
        for (let s = 0; s < NSTATES; s++) if (STATE_CATEGORY[s] === p.category) this.jcMult[i * NSTATES + s] = p.exit_rate_multiplier;
      }
    });
    this.late = Uint8Array.from(ctx.conditions, (c) => (ctx.lateJobcenters.has(c.jobcenter) ? 1 : 0));
    // Season tables per kind over every week a person can be simulated in.
    this.seasonBase = ctx.w0 - Math.ceil(52 * WEEKS_PER_YEAR);
    const nw = ctx.w1 - this.seasonBase + 2;
    this.season = SEASON_MAX.map((_, kind) =>
      Float32Array.from({ length: nw }, (_, i) => {
        const thu = mondayOfWeekIndex(this.seasonBase + i) + 3;
        const y = civilFromDays(thu).year;
        return seasonFactor(kind, (thu - daysFromCivil(y, 1, 1)) / 365.25);
      }),
    );
    this.jan1Day = Int32Array.from(ctx.years, (y) => daysFromCivil(y, 1, 1));
    this.jan1Week = Int32Array.from(this.jan1Day, (d) => weekIndexOfDay(d));
    this.stateAtJan = new Int32Array(ctx.years.length);
    this.population = new Int32Array(ctx.years.length * nm * 2 * 6 * 3 * 2);
  }

  /** Simulates one person (ids 1..nTotal) and appends their rows to the batch. */
  person(pid: number, out: Batch): void {
    const { ctx, rng, pf, durF } = this;
    rng.reseed(ctx.seed, pid);
    const w0Day = mondayOfWeekIndex(ctx.w0);
    const ageAtW0 = rng.next() < this.aliveShare ? 16 + pickCum(this.ageCum, rng.next()) + rng.next() : 16 - rng.next() * ((ctx.w1 - ctx.w0 + 1) / WEEKS_PER_YEAR);
    const birth = w0Day - Math.floor(ageAtW0 * 365.2425) - 1;
    const gender = rng.next() < 0.505 ? 1 : 0;
    const muni = pickCum(this.muniCum, rng.next());
    const c = ctx.conditions[muni]!;
    const u = rng.next();
    const origin = u < c.nonWesternShare ? 2 : u < c.nonWesternShare + c.westernShare ? 1 : 0;
    const z = rng.normal() + Z_SHIFT[origin]!;
    const insured = rng.next() < INSURED[origin]! * Math.exp(0.15 * z);
    const attach = 0.5 * z + 0.87 * rng.normal();
    const birthYear = civilFromDays(birth).year;
    const eftAge = efterlonAge(birthYear);
    const taker = insured && rng.next() < EFTERLON.take * (gender === 0 ? 1.15 : 0.85);
    out.persons.push(pid, birth, gender, origin);

    const bd16 = birthdayDay(birth, 16);
    const tFirst = weekIndexOfDay(isoWeekday(bd16) === 1 ? bd16 : mondayOf(bd16) + 7);
    const tLast = Math.min(weekIndexOfDay(mondayOf(birthdayDay(birth, 67) - 1)), ctx.w1);
    const birthWeekF = (birth - 4) / 7;
    const ageAt = (t: number): number => Math.floor((t - birthWeekF) / WEEKS_PER_YEAR);
    const weekOfAge = (a: number): number => Math.ceil(birthWeekF + a * WEEKS_PER_YEAR);

    // Person factors of the entry hazards and durations.
    for (let s = 0; s < NSTATES; s++) {
      const spec = ENTRY[s];
      let f = 0;
      if (spec) {
        f = ENTRY_BASE[s]! * spec.origin[origin]! * (gender === 0 ? spec.women : 1) * Math.exp(spec.zCoef * z) * Math.pow(c.risk, spec.riskExp);
        f *= Math.exp(spec.eduCoef * (c.educationLevel - 0.3) + spec.urbanCoef * (c.urban - 0.5));
        if (spec.needs === 1) f *= insured ? 1 : 0;
        else if (spec.needs === 2) f *= insured ? 0.3 : 3;
        else if (spec.needs === 3) f *= attach > -1.2 ? 1 : 0.15;
      }
      // A jobcenter's award practice moves entries to førtidspension/fleksjob (planted effects).
      if (STATE_CATEGORY[s] === 'foertidspension') f /= this.jcMult[muni * NSTATES + s]!;
      pf[s] = f;
      const dur = DURATION[s];
      durF[s] = dur ? Math.exp(-dur.zExp * z) * Math.pow(c.risk, dur.riskExp) : 1;
    }
    const breaks = [...BREAK_AGES, eftAge].sort((a, b) => a - b);

    this.planMoves(Math.max(ctx.w0, tFirst), tLast, muni, ageAtW0, rng);
    this.stateAtJan.fill(0);

    let t = tFirst;
    let s: number = S.SELF;
    let bandAge = -1;
    let lamMax = 0;
    while (t <= tLast) {
      if (s === S.SELF) {
        // Waiting time to the next entry: piecewise-constant hazard between age breaks, seasonal by thinning.
        const age = ageAt(t);
        if (age !== bandAge) {
          bandAge = age;
          const band = AGE_BAND[Math.min(age, 66)]!;
          lamMax = 0;
          for (let b = 1; b < NSTATES; b++) {
            const spec = ENTRY[b];
            this.rate[b] = spec ? pf[b]! * spec.age[band]! : 0;
            lamMax += this.rate[b]! * SEASON_MAX[SEASON_KIND[b]!]!;
          }
          this.rate[S.EFT] = taker && age >= eftAge ? EFTERLON.hazard : 0;
          lamMax += this.rate[S.EFT]!;
        }
        let nextBreak = tLast + 1;
        for (const a of breaks) if (a > bandAge) { nextBreak = Math.min(nextBreak, weekOfAge(a)); break; }
        const tc = lamMax > 0 ? t + Math.floor(rng.exp(lamMax)) : Infinity;
        if (tc >= nextBreak) {
          t = nextBreak;
          bandAge = -1; // recompute at the new age
          continue;
        }
        t = tc;
        let total = 0;
        const si = t - this.seasonBase;
        for (let b = 1; b < NSTATES; b++) {
          const k = SEASON_KIND[b]!;
          this.w[b] = this.rate[b]! * (k === 0 ? 1 : this.season[k]![si]!);
          total += this.w[b]!;
        }
        if (rng.next() * lamMax >= total) continue; // thinned: no event, keep waiting from here
        this.w[0] = 0;
        s = rng.pick(this.w, NSTATES, total);
        bandAge = -1;
        continue;
      }
      // A benefit spell starting in week t.
      const age = ageAt(t);
      const m = this.muniAt(t);
      let next = -1;
      let len: number;
      const spec = DURATION[s];
      if (s === S.FP) {
        len = tLast - t + 1;
      } else if (s === S.EFT) {
        len = rng.next() < 0.85 ? tLast - t + 1 : Math.ceil(rng.lognormal(60, 0.5));
        next = S.SELF;
      } else if (s === S.SU) {
        const v = rng.next();
        const thuDay = mondayOfWeekIndex(t) + 3;
        const doyWeek = Math.floor((thuDay - daysFromCivil(civilFromDays(thuDay).year, 1, 1)) / 7);
        if (v < 0.22) {
          len = rng.int(6, 60);
          next = this.draw([0.6, 0, 0.05, 0.05, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], age, insured, taker, eftAge, origin);
        } else {
          const years = v < 0.55 ? rng.int(1, 3) : rng.int(3, 5);
          let off = 25 - doyWeek; // end in the last week of June
          if (off < -26) off += 52;
          len = Math.max(8, years * 52 + off + rng.int(-1, 2));
        }
      } else {
        len = Math.max(1, Math.ceil(rng.lognormal(spec!.median, spec!.sigma) * durF[s]! / this.jcMult[m * NSTATES + s]!));
        if (s === S.DAG && len > DAGPENGE_MAX_WEEKS) {
          len = DAGPENGE_MAX_WEEKS;
          next = this.draw([0.7, 0, 0.15, 0.1, 0, 0, 0, 0.05, 0, 0, 0, 0, 0, 0, 0], age, insured, taker, eftAge, origin);
        } else if (s === S.SYG && len > SICK_REVIEW_WEEK) {
          if (rng.next() < SICK_TO_JAF && age < 65) {
            len = SICK_REVIEW_WEEK;
            next = S.JAF;
          } else len = Math.min(len, SICK_MAX_WEEKS);
        }
      }
      if (next < 0) next = this.draw(NEXT[s]!, age, insured, taker, eftAge, origin);
      const end = Math.min(t + len, tLast + 1); // exclusive
      for (let y = 0; y < this.jan1Week.length; y++) if (this.jan1Week[y]! >= t && this.jan1Week[y]! < end) this.stateAtJan[y] = s;
      if (end > ctx.w0) this.emit(pid, s, t, end, out);
      t = t + len;
      // Self-support lasts at least one week, so a spell that ends to self-support is a real exit.
      s = next;
      if (s === S.SELF) t += 1;
      bandAge = -1;
    }
    this.tallyPopulation(birth, gender, origin, attach);
    // A-kasse membership: its own stream, after everything else, so no other value moves.
    if (insured) this.funds.draw(pid, ctx.w0, ctx.w1, out.memberships);
  }

  /** Draws the next state from a transition row, applying the age and eligibility rules. */
  private draw(row: readonly number[], age: number, insured: boolean, taker: boolean, eftAge: number, origin: number): number {
    const w = this.w;
    for (let i = 0; i < NSTATES; i++) w[i] = row[i] ?? 0;
    w[S.SU] = w[S.SU]! * (age < 25 ? 1 : age < 30 ? 0.4 : 0.03);
    if (age >= 30) { w[S.KHA] = w[S.KHA]! + w[S.UDD]!; w[S.UDD] = 0; }
    if (!insured) { w[S.KHJ] = w[S.KHJ]! + w[S.DAG]!; w[S.DAG] = 0; }
    if (origin === 0) { w[S.KHA] = w[S.KHA]! + w[S.INT]!; w[S.INT] = 0; }
    if (taker && age >= eftAge) w[S.EFT] = w[S.EFT]! + 0.5;
    else { w[S.SELF] = w[S.SELF]! + w[S.EFT]!; w[S.EFT] = 0; }
    if (age < 18) { w[S.SELF] = w[S.SELF]! + w[S.SU]!; w[S.SU] = 0; }
    return this.rng.pick(w, NSTATES);
  }

  /** Moves within the window: exponential waiting times; destinations population-weighted, mostly within the region. */
  private planMoves(from: number, to: number, home: number, ageAtW0: number, rng: Rng): void {
    this.moveWeek = [from];
    this.moveMuni = [home];
    const yearly = ageAtW0 >= 16 && ageAtW0 < 33 ? MOVE_RATE.young : MOVE_RATE.other;
    let t = from;
    let cur = home;
    for (;;) {
      t += Math.max(1, Math.ceil(rng.exp(yearly / WEEKS_PER_YEAR)));
      if (t > to) break;
      let dest = cur;
      for (let tries = 0; tries < 5 && dest === cur; tries++) {
        if (rng.next() < MOVE_RATE.sameRegion) {
          const r = this.regionMunis.get(this.ctx.conditions[cur]!.regionCode)!;
          dest = r.idx[pickCum(r.cum, rng.next())]!;
        } else dest = pickCum(this.muniCum, rng.next());
      }
      if (dest === cur) continue;
      cur = dest;
      this.moveWeek.push(t);
      this.moveMuni.push(cur);
    }
  }

  private muniAt(t: number): number {
    let m = this.moveMuni[0]!;
    for (let i = 1; i < this.moveWeek.length && this.moveWeek[i]! <= t; i++) m = this.moveMuni[i]!;
    return m;
  }

  /** Emits the window part of a spell [start, end) as municipality segments, plus its offers and interviews. */
  private emit(pid: number, s: number, start: number, end: number, out: Batch): void {
    const { w0, w1 } = this.ctx;
    let a = Math.max(start, w0);
    for (let i = 0; i < this.moveWeek.length && a < end; i++) {
      const segEnd = i + 1 < this.moveWeek.length ? Math.min(end, Math.max(a, this.moveWeek[i + 1]!)) : end;
      if (segEnd > a) {
        out.segments.push(pid, a, segEnd - a, this.ctx.conditions[this.moveMuni[i]!]!.code, s);
        a = segEnd;
      }
    }
    const rng = this.rng;
    const offer = OFFERS[s];
    if (offer && rng.next() < offer[4]) {
      let o = start + Math.floor(rng.exp(1 / offer[0]));
      while (o < end) {
        const u = rng.next();
        const kind = u < offer[2] ? 1 : u < offer[2] + offer[3] ? 2 : 3;
        const last = Math.min(o + rng.int(OFFER_LEN[kind]![0], OFFER_LEN[kind]![1]) - 1, end - 1);
        if (last >= w0) out.activities.push(pid, kind, -1, o, last);
        o = last + 1 + Math.max(1, Math.floor(rng.exp(1 / offer[1])));
      }
    }
    if (INTERVIEW_STATES.has(s)) {
      for (let due = start + 3; due < end; due += 13) {
        if (due < w0 || due > w1) continue;
        const late = this.late[this.muniAt(due)] === 1;
        const u = rng.next();
        const onTime = late ? ON_TIME.late : ON_TIME.normal;
        const never = late ? NEVER_HELD.late : NEVER_HELD.normal;
        const held = u < never ? -1 : u < never + onTime ? due - rng.int(0, Math.min(2, due - start)) : due + rng.int(1, 4);
        out.activities.push(pid, 0, due, held, held);
      }
    }
  }

  /** Adds the person to population and workforce on 1 January of each year where they are 16–66. */
  private tallyPopulation(birth: number, gender: number, origin: number, attach: number): void {
    const nm = this.ctx.conditions.length;
    for (let y = 0; y < this.jan1Day.length; y++) {
      const jan = this.jan1Day[y]!;
      if (jan < birthdayDay(birth, 16) || jan >= birthdayDay(birth, 67)) continue;
      const age = this.ctx.years[y]! - civilFromDays(birth).year - 1; // on 1 January the birthday is still ahead (or today)
      const exactAge = jan >= birthdayDay(birth, age + 1) ? age + 1 : age;
      let band = 0;
      while (exactAge >= POP_BANDS[band + 1]!) band++;
      const st = this.stateAtJan[y]!;
      const working = st === S.SELF ? attach > ATTACH_THRESHOLD[AGE_BAND[exactAge]!]! : st === S.DAG || st === S.KHJ || st === S.SYG || st === S.FLEX || st === S.LED;
      const m = this.muniAt(this.jan1Week[y]!);
      const i = ((((y * nm + m) * 2 + gender) * 6 + band) * 3 + origin) * 2;
      this.population[i]! += 1;
      if (working) this.population[i + 1]! += 1;
    }
  }
}

function cumulative(w: readonly number[]): Float64Array {
  const out = new Float64Array(w.length);
  let s = 0;
  w.forEach((x, i) => (out[i] = s += x));
  return out;
}

/** Index i with cum[i-1] ≤ u·total < cum[i] (binary search). */
function pickCum(cum: Float64Array, u: number): number {
  const x = u * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
