/** Scores result-problem flags against the generator's planted truth (truth.json). */
import type { Truth } from '../../src/register/index.js';
import { benchmarkMeasures } from '../../src/benchmark/index.js';

export interface FlagLike {
  jobcenter: string;
  measure: string;
  kind: string;
  direction: string;
  status: string;
}

export interface Score {
  /**
   * Flagged (jobcenter, category, direction) units on the category measures that match a
   * planted effect (any size) or its built-in consequence (see `consequences`).
   */
  precision: number;
  /** The same, counting a consequence as a false alarm. */
  strictPrecision: number;
  /** Serious planted effects found (a flag on any measure of the category, in the planted direction). */
  recall: number;
  flagged: string[];
  missed: string[];
  falseAlarms: string[];
  timeliness: { precision: number; recall: number };
}

/**
 * The deviations a planted effect causes in another category by the generator's own rules
 * (src/register/generator): a sygedagpenge effect lengthens or shortens sick spells and
 * jobafklaring; a longer sick spell passes the 22-week review more often, and half of those
 * go on to jobafklaring, whose next states are largely ressourceforløb and fleksjob
 * (model.ts SICK_TO_JAF, NEXT). So førtidspension/fleksjob moves the same way as the
 * planted sygedagpenge effect: a real deviation in the data, not a false alarm.
 */
export function consequences(truth: Truth): string[] {
  return truth.planted.filter((p) => p.category === 'sygedagpenge').map((p) => `${p.jobcenter}|foertidspension|${p.direction}`);
}

/**
 * A flag counts while it is active (new or lasting). Units are (jobcenter, category,
 * direction); flags on all public support have no single planted category and are not
 * scored. Timeliness flags are scored against the often-late jobcenters.
 */
export function score(flags: FlagLike[], truth: Truth): Score {
  const category = new Map(benchmarkMeasures.map((m) => [m.id, m.category as string]));
  const active = flags.filter((f) => f.status !== 'resolved');
  const units = new Set(
    active.filter((f) => f.kind === 'expected_level' && category.get(f.measure) !== 'public_support').map((f) => `${f.jobcenter}|${category.get(f.measure)}|${f.direction}`),
  );
  const planted = new Set(truth.planted.map((p) => `${p.jobcenter}|${p.category}|${p.direction}`));
  const serious = truth.planted.filter((p) => p.size === 'serious').map((p) => `${p.jobcenter}|${p.category}|${p.direction}`);
  const caused = new Set(consequences(truth));
  const hits = [...units].filter((u) => planted.has(u) || caused.has(u));
  const late = new Set(truth.lateInterviewJobcenters.map((l) => l.jobcenter));
  const onTime = new Set(active.filter((f) => f.measure === 'timeliness').map((f) => f.jobcenter));
  return {
    precision: units.size === 0 ? 1 : hits.length / units.size,
    strictPrecision: units.size === 0 ? 1 : [...units].filter((u) => planted.has(u)).length / units.size,
    recall: serious.filter((u) => units.has(u)).length / serious.length,
    flagged: [...units],
    missed: serious.filter((u) => !units.has(u)),
    falseAlarms: [...units].filter((u) => !planted.has(u) && !caused.has(u)),
    timeliness: {
      precision: onTime.size === 0 ? 1 : [...onTime].filter((j) => late.has(j)).length / onTime.size,
      recall: [...late].filter((j) => onTime.has(j)).length / late.size,
    },
  };
}
