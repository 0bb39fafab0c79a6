/**
 * The councils' composition rules as data, per type and period (docs/domain.md §2 for the
 * 2007–2014 system; the Act on the organisation of the employment effort, lov nr. 1482 of
 * 23 December 2014 § 28, for the RAR 2015–2024; lov nr. 1656 of 30 December 2024 for the
 * regional employment councils from 2025), and the composition check: vacant, over-filled and
 * expired seats, and the chair rules. A council is checked by the rules of its own era (eras/).
 */
import type { Era } from '../eras/index.js';
export const councilTypes = ['BER', 'RBR', 'LBR', 'RAR'] as const;
export type CouncilType = (typeof councilTypes)[number];
export const councilTypeNames: Record<CouncilType, string> = {
  BER: 'Beskæftigelsesrådet',
  RBR: 'Regionalt beskæftigelsesråd',
  LBR: 'Lokalt beskæftigelsesråd',
  RAR: 'Regionalt arbejdsmarkedsråd',
};

/** Seats that are not a labour-market organisation's (those use the organisation's code: DA, LO, …). */
export const seatNames: Record<string, string> = {
  chair: 'Formand',
  municipal_council: 'Kommunalbestyrelsen',
  municipalities: 'Kommunerne i regionen (KKR)',
  regional_council: 'Regionsrådet',
  integration_council: 'Integrationsrådet',
  local_associations: 'Lokale foreninger',
  DA: 'DA',
  LO: 'LO',
  FH: 'FH',
  FTF: 'FTF',
  AC: 'AC',
  SALA: 'SALA',
  LH: 'Ledernes Hovedorganisation',
  KL: 'KL',
  DH: 'DH',
  PLO: 'PLO (praktiserende læger)',
};

interface SeatRule {
  seat: string;
  min: number;
  max: number;
}

/** How the chair is found. */
type ChairRule =
  /** A seat of its own, appointed (BER). */
  | { kind: 'appointed' }
  /** Elected by the council among its members for at most `years` (RBR, RAR). */
  | { kind: 'elected'; years: number }
  /** The mayor by right, or the standing committee's chair: the municipal council's seat (LBR). */
  | { kind: 'by_right'; seat: string }
  /** Set by the minister's order, not by the act: only that there is one chair. */
  | { kind: 'by_order' };

interface Composition {
  type: CouncilType;
  /** The period the rules apply to (ISO dates, `to` inclusive, null: open). */
  from: string;
  to: string | null;
  /** null: the seats are set by the minister's order, which the platform does not hold. */
  seats: SeatRule[] | null;
  chair: ChairRule;
  /** Every member has a personal substitute. */
  substitutes: boolean;
  /** Where the rules come from. */
  source: string;
}

const exact = (seat: string, n: number): SeatRule => ({ seat, min: n, max: n });

const compositions: readonly Composition[] = [
  {
    type: 'BER',
    from: '2007-01-01',
    to: '2014-12-31',
    seats: [exact('chair', 1), exact('DA', 8), exact('LO', 8), exact('SALA', 1), exact('AC', 1), exact('LH', 1), exact('KL', 4), exact('DH', 1)],
    chair: { kind: 'appointed' },
    substitutes: false,
    source: 'Formand + 25 medlemmer, udpeget af ministeren efter indstilling.',
  },
  {
    type: 'RBR',
    from: '2007-01-01',
    to: '2014-12-31',
    seats: [exact('DA', 5), exact('LO', 5), exact('SALA', 1), exact('FTF', 1), exact('AC', 1), exact('LH', 1), exact('municipalities', 5), exact('DH', 1), exact('regional_council', 1)],
    chair: { kind: 'elected', years: 2 },
    substitutes: false,
    source: '21 medlemmer (dobbelt i Hovedstaden & Sjælland), udpeget af ministeren for 4 år; rådet vælger selv formand og næstformand for 2 år.',
  },
  {
    type: 'LBR',
    from: '2007-01-01',
    to: '2014-12-31',
    seats: [exact('municipal_council', 1), exact('DA', 3), exact('LO', 3), exact('FTF', 1), exact('AC', 1), exact('DH', 2), exact('PLO', 1), { seat: 'integration_council', min: 0, max: 1 }, exact('local_associations', 2)],
    chair: { kind: 'by_right', seat: 'municipal_council' },
    substitutes: true,
    source: 'Udpeges af kommunalbestyrelsen; borgmesteren er formand (eller formanden for det stående udvalg). Integrationsrådets plads kun hvor et sådant findes.',
  },
  {
    type: 'RAR',
    from: '2015-01-01',
    to: '2018-12-31',
    seats: [exact('DA', 6), exact('LO', 5), exact('FTF', 1), exact('AC', 1), exact('LH', 1), exact('municipalities', 5), exact('DH', 1), exact('regional_council', 1)],
    chair: { kind: 'elected', years: 2 },
    substitutes: true,
    source: 'Lov nr. 1482 af 23. december 2014 § 28: 21 medlemmer med hver sin suppleant, udpeget af ministeren efter indstilling.',
  },
  {
    type: 'RAR',
    from: '2019-01-01',
    to: '2024-12-31',
    seats: [exact('DA', 6), exact('FH', 6), exact('AC', 1), exact('LH', 1), exact('municipalities', 5), exact('DH', 1), exact('regional_council', 1)],
    chair: { kind: 'elected', years: 2 },
    substitutes: true,
    source: 'Lov nr. 1482 af 23. december 2014 § 28, efter at LO og FTF blev til FH i 2019: 6 DA, 6 FH, 1 Akademikerne, 1 Lederne, 5 fra kommunerne, 1 DH og 1 fra regionsrådet, hver med en suppleant.',
  },
  {
    type: 'RBR',
    from: '2025-01-01',
    to: null,
    seats: null,
    chair: { kind: 'by_order' },
    substitutes: false,
    source: 'Lov nr. 1656 af 30. december 2024: fem regionale beskæftigelsesråd; ministeren fastsætter sammensætningen ved bekendtgørelse.',
  },
];

/** Councils whose era has ended by law are checked as they stood on its last day. */
const abolished: Partial<Record<CouncilType, string>> = { RAR: '2024-12-31' };

/**
 * The rules for a council type on a date; `double` doubles the seats (RBR Hovedstaden & Sjælland).
 * A council kept after its period (the platform runs the 2007–2014 system in later years too)
 * keeps the newest rules of its type, marked `outside_period`.
 */
export function compositionFor(type: CouncilType, date: string, double = false, era?: Pick<Era, 'from' | 'to'>): (Composition & { outside_period: boolean }) | undefined {
  // Only the rules of the council's era: the 2007–2014 RBR is not checked by the 2025 council's.
  const own = compositions.filter((x) => x.type === type && (!era || (x.from.slice(0, 4) <= String(era.to ?? 9999) && (x.to === null || x.to.slice(0, 4) >= String(era.from)))));
  const inForce = own.find((x) => x.from <= date && (x.to === null || date <= x.to));
  const latest = own.filter((x) => x.from <= date).at(-1);
  const found = inForce ?? latest;
  if (!found) return undefined;
  const c = { ...found, outside_period: !inForce };
  if (!double || !c.seats) return c;
  return { ...c, seats: c.seats.map((s) => ({ ...s, min: s.min * 2, max: s.max * 2 })) };
}

/** The day a council's composition is checked on: today, or the last day of an abolished type. */
export const checkDate = (type: CouncilType, today: string) => {
  const end = abolished[type];
  return end && end < today ? end : today;
};

const years = (c: Composition) => (c.to ? `${c.from.slice(0, 4)}–${c.to.slice(0, 4)}` : `fra ${c.from.slice(0, 4)}`);

/**
 * Which rules the check used, said plainly: a council checked by rules no longer in force
 * (the 2007–2014 system run in later years) is told so, with what the result then means.
 */
export function rulesApplied(c: Composition & { outside_period: boolean }, date: string): { short: string; text: string } {
  const short = `reglerne for ${c.type} ${years(c)}`;
  const end = abolished[c.type];
  if (end && date === end) return { short: `${short}, på rådets sidste dag`, text: `De regionale arbejdsmarkedsråd blev nedlagt ${fmt(end)} og afløst af fem regionale beskæftigelsesråd (lov nr. 1656 af 30. december 2024). Rådet er kontrolleret, som det var sammensat ${fmt(end)}, efter ${short}.` };
  if (!c.seats) return { short, text: `${c.source} Platformen har ikke bekendtgørelsen, så kontrollen omfatter kun formanden og udløbne udpegninger, ikke antallet af pladser.` };
  if (!c.outside_period) return { short, text: `Kontrolleret efter ${short}, som gælder ${fmt(date)}.` };
  if (c.type === 'LBR') {
    return {
      short: `${short}, som kommunen følger frivilligt`,
      text: `Lokale beskæftigelsesråd har ikke været lovpligtige siden 1.1.2015 (lov nr. 1482 af 23. december 2014), men kommunen har bevaret sit råd. Det er kontrolleret efter ${short}, de sidste regler for et lokalt beskæftigelsesråd. Rådet høres fortsat over beskæftigelsesplanen og resultatrevisionen, sammen med det regionale råd.`,
    };
  }
  return {
    short: `${short}, som ikke længere gælder`,
    text: `Kontrolleret efter ${short}, som ikke længere gælder: fra ${fmt(c.to!)} afløste andre råd et ${councilTypeNames[c.type].toLowerCase()} af denne type. Kontrollen viser derfor kun, om rådet er sammensat som efter de gamle regler.`,
  };
}

export interface SeatHolder {
  id: number;
  seat: string;
  name: string;
  substitute_name: string | null;
  term_from: string;
  term_to: string | null;
  office: string | null;
  office_from: string | null;
  office_to: string | null;
}

export type CompositionProblem =
  | { kind: 'vacant'; seat: string; have: number; need: number; message: string }
  | { kind: 'over_filled'; seat: string; have: number; max: number; message: string }
  | { kind: 'expired'; seat: string; member: number; message: string }
  | { kind: 'unknown_seat'; seat: string; member: number; message: string }
  | { kind: 'no_substitute'; seat: string; member: number; message: string }
  | { kind: 'chair'; message: string };

const seatName = (s: string) => seatNames[s] ?? s;
const plural = (n: number) => (n === 1 ? 'plads' : 'pladser');
const fmt = (d: string) => d.split('-').reverse().join('.');

/**
 * Checks the members against the rules on `date`: a seat whose term has ended counts as
 * expired (and not as filled); then every seat must hold between min and max members.
 */
export function checkComposition(rules: Composition, members: readonly SeatHolder[], date: string): CompositionProblem[] {
  const problems: CompositionProblem[] = [];
  const active = members.filter((m) => m.term_from <= date && (m.term_to === null || date <= m.term_to));
  for (const m of members) {
    if (m.term_to !== null && m.term_to < date) problems.push({ kind: 'expired', seat: m.seat, member: m.id, message: `${m.name} (${seatName(m.seat)}): udpegningen udløb ${fmt(m.term_to)}.` });
  }
  const known = new Set((rules.seats ?? []).map((s) => s.seat));
  for (const m of active) if (rules.seats && !known.has(m.seat)) problems.push({ kind: 'unknown_seat', seat: m.seat, member: m.id, message: `${m.name}: pladsen "${seatName(m.seat)}" findes ikke i et ${councilTypeNames[rules.type].toLowerCase()}.` });
  for (const s of rules.seats ?? []) {
    const have = active.filter((m) => m.seat === s.seat).length;
    if (have < s.min) problems.push({ kind: 'vacant', seat: s.seat, have, need: s.min, message: `${seatName(s.seat)}: ${s.min - have} ${plural(s.min - have)} er ubesat (${have} af ${s.min}).` });
    if (have > s.max) problems.push({ kind: 'over_filled', seat: s.seat, have, max: s.max, message: `${seatName(s.seat)}: ${have} medlemmer, men højst ${s.max}.` });
  }
  if (rules.substitutes) {
    for (const m of active) if (!m.substitute_name) problems.push({ kind: 'no_substitute', seat: m.seat, member: m.id, message: `${m.name} (${seatName(m.seat)}) har ingen suppleant.` });
  }
  const chairs = active.filter((m) => m.office === 'chair' && (m.office_to === null || date <= m.office_to));
  if (chairs.length === 0) problems.push({ kind: 'chair', message: 'Rådet har ingen formand.' });
  if (chairs.length > 1) problems.push({ kind: 'chair', message: `Rådet har ${chairs.length} formænd: ${chairs.map((c) => c.name).join(', ')}.` });
  const chair = chairs.length === 1 ? chairs[0]! : undefined;
  if (chair && rules.chair.kind === 'by_right' && chair.seat !== rules.chair.seat) {
    problems.push({ kind: 'chair', message: `Formanden skal være borgmesteren eller formanden for det stående udvalg (pladsen "${seatName(rules.chair.seat)}"), men ${chair.name} sidder for ${seatName(chair.seat)}.` });
  }
  if (chair && rules.chair.kind === 'appointed' && chair.seat !== 'chair') problems.push({ kind: 'chair', message: `Formanden udpeges til formandspladsen; ${chair.name} sidder for ${seatName(chair.seat)}.` });
  if (chair && rules.chair.kind === 'elected') {
    if (!chair.office_from || !chair.office_to) problems.push({ kind: 'chair', message: `Formanden vælges for ${rules.chair.years} år: angiv valgperioden for ${chair.name}.` });
    else if (addYears(chair.office_from, rules.chair.years) < chair.office_to) problems.push({ kind: 'chair', message: `Formanden vælges for højst ${rules.chair.years} år, men ${chair.name} er valgt ${fmt(chair.office_from)}–${fmt(chair.office_to)}.` });
  }
  return problems;
}

/** The day before the same date `n` years later (a 2-year term from 2013-01-01 ends 2014-12-31). */
function addYears(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + n);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
