/**
 * The savings potential's one definition, in Danish, for the benchmarking page and the results
 * audit alike. No dependencies: the web app imports this file as it is.
 *
 * The headline is the row of all public support (offentligt forsørgede i alt): full-time persons
 * above the expected level of the total × its unit cost. The benefits' rows are modelled one by
 * one and count 0 where the jobcenter is below its level, so they do not add up to it.
 */
interface SavingsRow {
  category: string;
  fulltime_vs_expected: number;
  dkk_vs_expected: number;
  fulltime_vs_best_quartile: number;
  dkk_vs_best_quartile: number;
}

/** Millions of kroner with one decimal: 1.597.567 → "1,6 mio. kr.". */
export const mioKr = (dkk: number) => `${(Math.round(dkk / 1e5) / 10).toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} mio. kr.`;

/** The headline: all public support's row (undefined when the benchmarking has none). */
export const savingsTotal = <T extends SavingsRow>(rows: readonly T[]) => rows.find((r) => r.category === 'public_support');

/** How the numbers are made, with the unit cost of the total. */
export function savingsMethod(unitCostTotal: number | undefined): string {
  const cost = unitCostTotal === undefined ? '' : ` (${unitCostTotal.toLocaleString('da-DK')} kr. for offentligt forsørgede i alt)`;
  return `Besparelsespotentialet er antallet af fuldtidspersoner over det forventede niveau (andelen af befolkningen 16-66 år over den forventede andel × befolkningen) gange en enhedspris pr. fuldtidsperson-år${cost}. Det samlede tal er beregnet på offentligt forsørgede i alt. Ydelserne er beregnet hver for sig og tæller 0, hvor jobcentret ligger under sit forventede niveau; de summerer derfor ikke til det samlede tal.`;
}

/** The headline sentence (the full-time persons rounded, "ca."; the tables give them whole, as the audit stores them). */
export function savingsSentence(name: string, period: string, total: SavingsRow | undefined): string {
  if (!total) return `Benchmarkingen har intet tal for offentligt forsørgede i alt (løbende år ${period}).`;
  if (total.dkk_vs_expected <= 0) return `${name} ligger ikke over sit forventede niveau for offentligt forsørgede i alt, så der er intet samlet besparelsespotentiale (løbende år ${period}).`;
  return `Hvis ${name} lå på sit forventede niveau for offentligt forsørgede i alt, ville ca. ${Math.round(total.fulltime_vs_expected).toLocaleString('da-DK')} færre fuldtidspersoner være på offentlig forsørgelse, og udgiften ville være ca. ${mioKr(total.dkk_vs_expected)} lavere om året (løbende år ${period}).`;
}
