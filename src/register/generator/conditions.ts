/**
 * Framework conditions of the 98 municipalities (deterministic, not seed dependent), the
 * seed-determined planted jobcenter effects and the "often late" jobcenters.
 *
 * The conditions are stylised but ordered like the real ones: high non-western shares in the
 * western Copenhagen suburbs, high education in the northern suburbs, Copenhagen, Aarhus;
 * high unemployment on Lolland-Falster, Langeland, Bornholm and in Nordjylland; low in
 * western Jutland.
 */
import { areas, municipalities } from '../../reference/index.js';
import { Rng } from './rng.js';

/** One municipality's framework conditions as the generator uses them. */
export interface MunicipalityConditions {
  code: number;
  name: string;
  regionCode: number;
  /** Jobcenter area id (`J<lowest code>`). */
  jobcenter: string;
  population: number;
  /** Shares of the 16–66 population by origin. */
  nonWesternShare: number;
  westernShare: number;
  /** Share with a higher education (0..1). */
  educationLevel: number;
  /** Urbanisation 0 (rural) .. 1 (city), from size and the capital area. */
  urban: number;
  /** Relative unemployment risk (population-weighted mean 1); multiplies entry hazards and durations. */
  risk: number;
  /** Expected gross unemployment rate implied by the risk (per cent of the workforce). */
  unemploymentLevel: number;
}

const NON_WESTERN: Record<string, number> = {
  København: 0.15, Frederiksberg: 0.1, Ballerup: 0.15, Brøndby: 0.3, Dragør: 0.05, Gentofte: 0.08, Gladsaxe: 0.15,
  Glostrup: 0.16, Herlev: 0.17, Albertslund: 0.25, Hvidovre: 0.15, 'Høje-Taastrup': 0.22, 'Lyngby-Taarbæk': 0.08,
  Rødovre: 0.18, Ishøj: 0.33, Tårnby: 0.12, Vallensbæk: 0.18, Furesø: 0.1, Greve: 0.12, Køge: 0.1, Odense: 0.14,
  Aarhus: 0.12, Aalborg: 0.09, Esbjerg: 0.08, Kolding: 0.09, Vejle: 0.08, Horsens: 0.09, Randers: 0.07, Herning: 0.07,
  Fredericia: 0.09, Slagelse: 0.09, Holbæk: 0.07, Næstved: 0.07, Helsingør: 0.09, Fredensborg: 0.09, Hillerød: 0.07,
  Roskilde: 0.07, Sønderborg: 0.07, Billund: 0.06, 'Ikast-Brande': 0.07, Rudersdal: 0.06, Hørsholm: 0.06,
};
const WESTERN: Record<string, number> = {
  København: 0.07, Frederiksberg: 0.07, Aabenraa: 0.07, Tønder: 0.08, Sønderborg: 0.06, Billund: 0.07,
  'Ikast-Brande': 0.06, Aarhus: 0.05, Odense: 0.05, Esbjerg: 0.055, Vejen: 0.06, Horsens: 0.055,
};
const EDUCATION: Record<string, number> = {
  Gentofte: 0.55, Rudersdal: 0.55, 'Lyngby-Taarbæk': 0.52, Hørsholm: 0.5, Frederiksberg: 0.55, København: 0.5,
  Furesø: 0.45, Allerød: 0.45, Dragør: 0.42, Aarhus: 0.45, Roskilde: 0.38, Odense: 0.33, Aalborg: 0.34, Lolland: 0.15,
  Langeland: 0.16, Guldborgsund: 0.18, Odsherred: 0.18, Ishøj: 0.2, Brøndby: 0.2, Albertslund: 0.22, Læsø: 0.16,
  Morsø: 0.17, Tønder: 0.18, Samsø: 0.2, Ærø: 0.2, Vesthimmerlands: 0.18, Lemvig: 0.19,
};
/** Extra log-risk beyond what origin and education imply (local labour markets). */
const RISK_EXTRA: Record<string, number> = {
  Lolland: 0.4, Langeland: 0.3, Guldborgsund: 0.25, Odsherred: 0.15, Bornholm: 0.2, Læsø: 0.15, Frederikshavn: 0.12,
  Kalundborg: 0.1, Slagelse: 0.1, Svendborg: 0.08, Billund: -0.3, 'Ikast-Brande': -0.2, 'Ringkøbing-Skjern': -0.3,
  Herning: -0.12, Hedensted: -0.15, Lemvig: -0.15, Skive: -0.05, Vejle: -0.05, Horsens: 0.03,
};
const REGION_DEFAULTS: Record<number, { nw: number; edu: number; risk: number }> = {
  1084: { nw: 0.07, edu: 0.35, risk: 0 },
  1085: { nw: 0.05, edu: 0.25, risk: 0.05 },
  1083: { nw: 0.045, edu: 0.24, risk: 0 },
  1082: { nw: 0.04, edu: 0.27, risk: -0.08 },
  1081: { nw: 0.035, edu: 0.23, risk: 0.1 },
};
/** National gross unemployment rate the risk index is expressed against (88 000 ÷ 3.03 mio.). */
const NATIONAL_GROSS_RATE = 2.9;

function jobcenterIdByName(): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of areas) if (a.level === 'jobcenter') for (const m of a.municipalities) out.set(String(m), a.id);
  return out;
}

/** The 98 municipalities' conditions, in reference order. */
export function buildConditions(): MunicipalityConditions[] {
  const jc = jobcenterIdByName();
  const noise = new Rng(20240611, 98); // fixed: conditions are part of the synthetic country, not of the seed
  const rows = municipalities.map((m) => {
    const def = REGION_DEFAULTS[m.regionCode] ?? { nw: 0.05, edu: 0.27, risk: 0 };
    const small = m.approxPopulation < 20000 ? 0.8 : 1;
    const nonWesternShare = NON_WESTERN[m.name] ?? def.nw * small;
    const westernShare = WESTERN[m.name] ?? 0.035;
    const educationLevel = EDUCATION[m.name] ?? def.edu;
    const capital = m.code < 200;
    const urban = Math.min(1, Math.max(0, (Math.log10(m.approxPopulation) - 3.7) / 1.9 + (capital ? 0.3 : 0)));
    const logRisk = 1.6 * (nonWesternShare - 0.09) - 1.2 * (educationLevel - 0.3) + def.risk + (RISK_EXTRA[m.name] ?? 0) + 0.06 * noise.normal();
    return {
      code: m.code, name: m.name, regionCode: m.regionCode, jobcenter: jc.get(String(m.code)) ?? `J${m.code}`,
      population: m.approxPopulation, nonWesternShare, westernShare, educationLevel, urban, risk: Math.exp(logRisk), unemploymentLevel: 0,
    };
  });
  const total = rows.reduce((s, r) => s + r.population, 0);
  const mean = rows.reduce((s, r) => s + r.risk * r.population, 0) / total;
  for (const r of rows) {
    r.risk /= mean;
    r.unemploymentLevel = Math.round(NATIONAL_GROSS_RATE * r.risk * 100) / 100;
  }
  return rows;
}

type Category = 'dagpenge' | 'kontanthjaelp' | 'sygedagpenge' | 'foertidspension';
const CATEGORIES: readonly Category[] = ['dagpenge', 'kontanthjaelp', 'sygedagpenge', 'foertidspension'];

/**
 * A planted jobcenter effect: exit rates of the category's spells multiplied beyond the
 * conditions (durations divided by the multiplier); for førtidspension/fleksjob, whose
 * pensions never end, entries (awards) are divided by it too.
 *
 * Sizes: 'serious' effects have a multiplier of 0.60–0.67 (worse: spells 1.5–1.67× as
 * long) or 1.50–1.67 (better), in the categories where the jobcenter's effort acts on exits
 * (dagpenge, kontanthjælp, sygedagpenge), in jobcenters with at least 30 000 residents
 * aged 16–66, so the demo's 5 % sample still carries them (≥ 1 500 persons). These are the
 * result problems a benchmarking must find. 'moderate' effects (0.80 or 1.25, any
 * category, jobcenters of 10 000–30 000) are real but not expected to be found at demo
 * scale; a flag on one is no false alarm.
 *
 * A sygedagpenge effect also moves førtidspension/fleksjob the same way: longer sick spells
 * pass the 22-week review more often, half of those go on to jobafklaring, and jobafklaring
 * leads on to ressourceforløb, fleksjob and førtidspension (model.ts SICK_TO_JAF, NEXT).
 */
export interface PlantedEffect {
  jobcenter: string;
  name: string;
  category: Category;
  exit_rate_multiplier: number;
  direction: 'better' | 'worse';
  size: 'serious' | 'moderate';
}

/** A jobcenter that is often late with interviews. */
export interface LateJobcenter {
  jobcenter: string;
  name: string;
  on_time_probability: number;
}

/** Probability an interview is held in or before its due week (ordinary vs. often-late jobcenters). */
export const ON_TIME = { normal: 0.9, late: 0.6 } as const;
/** Probability an interview is never held. */
export const NEVER_HELD = { normal: 0.02, late: 0.06 } as const;

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Seed-determined planted effects: 15 serious effects in jobcenters with ≥ 30 000
 * residents aged 16–66 (five per exit category, alternating worse and better) and 8
 * moderate effects in jobcenters of 10 000–30 000 (two per category). Plus 8 often-late
 * jobcenters for interview timeliness.
 */
export function plantEffects(seed: number): { planted: PlantedEffect[]; late: LateJobcenter[] } {
  const rng = new Rng(seed, 0x7a11);
  const jcs = areas.filter((a) => a.level === 'jobcenter');
  const pop = new Map(municipalities.map((m) => [m.code, m.approxPopulation]));
  const size = (a: (typeof jcs)[number]) => a.municipalities.reduce((s, c) => s + (pop.get(c) ?? 0), 0);
  const effect = (a: (typeof jcs)[number], category: Category, worse: boolean, serious: boolean): PlantedEffect => {
    const mult = serious ? (worse ? 0.6 + 0.07 * rng.next() : 1.5 + 0.17 * rng.next()) : worse ? 0.8 : 1.25;
    return { jobcenter: a.id, name: a.name, category, exit_rate_multiplier: Math.round(mult * 100) / 100, direction: worse ? 'worse' : 'better', size: serious ? 'serious' : 'moderate' };
  };
  const exitCategories: Category[] = ['dagpenge', 'kontanthjaelp', 'sygedagpenge'];
  const planted = [
    ...shuffled(jcs.filter((a) => size(a) >= 30000), rng).slice(0, 15).map((a, i) => effect(a, exitCategories[i % 3]!, Math.floor(i / 3) % 2 === 0, true)),
    ...shuffled(jcs.filter((a) => size(a) >= 10000 && size(a) < 30000), rng).slice(0, 8).map((a, i) => effect(a, CATEGORIES[i % 4]!, Math.floor(i / 4) === 0, false)),
  ];
  const late = shuffled(jcs, rng)
    .slice(0, 8)
    .map((a) => ({ jobcenter: a.id, name: a.name, on_time_probability: ON_TIME.late }));
  return { planted, late };
}
