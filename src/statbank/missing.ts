/**
 * Why a value of the statistics bank is missing, in Danish: suppressed (disclosure control),
 * censored at the end of the data, or not in the data at all. No dependencies: the web app
 * imports this file as it is.
 */
export const censoredSelfSupport = 'Endnu ikke opgjort: afgang til selvforsørgelse kendes først, når der er gået 4 uger efter forløbets afslutning.';
const censoredRecent = 'Endnu ikke opgjort: perioden ligger for tæt på datagrundlagets slutdato.';
const suppressedPrimary = 'Diskretioneret: færre end 5 personer.';
const suppressedSecondary = 'Diskretioneret for at beskytte et andet tal (eller under halvdelen af klyngens jobcentre har et tal).';
const notComputed = 'Ikke opgjort for perioden.';
export const noData = 'Ingen data: statistikbanken har ikke tallet.';

/** Why a cell has no value (null when it has one); status as the statistics bank names it. */
export function missingReason(status: string, value: unknown, measure: string): string | null {
  if (status === 'published' && typeof value === 'number' && Number.isFinite(value)) return null;
  if (status === 'primary') return suppressedPrimary;
  if (status === 'secondary') return suppressedSecondary;
  if (status === 'unavailable') return notComputed;
  // Published without a value: censored at the end of the data (docs/measures.md).
  return measure === 'outflow_self_support' ? censoredSelfSupport : censoredRecent;
}
