/**
 * The results audit's words for what its tables cannot show, and the numbering of them as
 * footnotes, for the document page and the HTML/PDF alike. No dependencies: the web app
 * imports this file as it is.
 */
export const noChange = 'Udviklingen kan ikke beregnes, fordi et af årenes tal mangler (eller er 0).';
export const notRated = 'Ikke vurderet: løfteevne og placering kræver et faktisk og et forventet tal.';
export const scaledNote = 'Klyngen: andele og satser er gennemsnittet af klyngens jobcentre. Antal er omregnet til jobcentrets størrelse: klyngens jobcentres antal pr. indbygger 16-66 år gange jobcentrets befolkning 16-66 år.';

/** The change from `prev` to `cur` in per cent (null when one is missing or `prev` is 0). */
export const change = (cur: number | null, prev: number | null) => (cur === null || prev === null || prev === 0 ? null : ((cur - prev) / prev) * 100);

/** Footnotes for missing values: each distinct reason once, in the order met; `number` gives a reason's number. */
export function footnotes() {
  const reasons: string[] = [];
  return { reasons, number: (why: string) => reasons.indexOf(why) + 1 || reasons.push(why) };
}
