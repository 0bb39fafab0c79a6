/**
 * The Danish unemployment insurance funds (a-kasser), as the register's a-kasse membership and
 * the statistics' A-kasse breakdown use them: a stable id, the Danish name, and an approximate
 * number of members that sizes the synthetic register.
 *
 * Source and precision: the 22 a-kasser as a-kasser.dk lists them in 2024. Member numbers are
 * rounded to 5 000 and approximate (±25 %): Akademikernes (≈ 252 000) and Krifa (≈ 145 000) as
 * a-kasser.dk gives them for 1 January 2024 (from STAR's count of member contributions), BUPL,
 * Lærernes, Socialpædagogerne, NNF and Byggefagene from the funds' own reported sizes, the others
 * estimated from figures reported 2017–2024. Together ≈ 2.3 mio., a little above the funds' total (2 054 551 on
 * 1 January 2024). They give the synthetic register realistic relative sizes; they are not
 * official statistics.
 *
 * Ids are lower-case and never clash with the other breakdown values (gender, age band, origin).
 */
export interface UnemploymentFund {
  /** Stable id, used in a_kasse.parquet, the DREAM mapping and as the breakdown value. */
  id: string;
  /** Danish name. */
  name: string;
  /** Approximate members (2024, rounded); relative sizes for the generator. */
  approxMembers: number;
}

const f = (id: string, name: string, approxMembers: number): UnemploymentFund => ({ id, name, approxMembers });

/** The 22 a-kasser, largest first. */
export const unemploymentFunds: readonly UnemploymentFund[] = [
  f('aka', 'Akademikernes A-kasse', 250_000),
  f('3f', '3F A-kasse', 230_000),
  f('dfh', 'Det Faglige Hus A-kasse', 220_000),
  f('hk', 'HK A-kasse', 185_000),
  f('ftfa', 'FTF-A', 160_000),
  f('krifa', 'Krifa A-kasse', 145_000),
  f('ase', 'Ase A-kasse', 145_000),
  f('foa', 'FOA A-kasse', 140_000),
  f('ca', 'CA A-kasse', 125_000),
  f('dsa', 'Din Sundhedsfaglige A-kasse (DSA)', 100_000),
  f('lederne', 'Ledernes A-kasse', 95_000),
  f('metal', 'Dansk Metals A-kasse', 90_000),
  f('laerernes', 'Lærernes A-kasse', 75_000),
  f('min', 'Min A-kasse', 75_000),
  f('bupl', 'BUPL-A', 60_000),
  f('dana', 'A-kassen Dana (selvstændige)', 45_000),
  f('sla', 'Socialpædagogernes A-kasse', 40_000),
  f('tl', 'Teknikernes A-kasse', 30_000),
  f('el', 'Dansk El-Forbunds A-kasse', 25_000),
  f('nnf', 'Fødevareforbundet NNF’s A-kasse', 20_000),
  f('bfa', 'Byggefagenes A-kasse', 15_000),
  f('ajks', 'AJKS – A-kassen for journalistik, kommunikation og sprog', 15_000),
];

export const unemploymentFundById: ReadonlyMap<string, UnemploymentFund> = new Map(unemploymentFunds.map((x) => [x.id, x]));

/**
 * The breakdown value of the persons without a fund in the a-kasse breakdown (not insured). It is
 * computed and takes part in disclosure control (total = Σ funds + not insured) but is never
 * published: disclosure control removes its cells (docs/measures.md, "Disclosure").
 */
export const NOT_INSURED = 'ikke_forsikret';
