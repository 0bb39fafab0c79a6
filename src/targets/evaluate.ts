/**
 * Status of many targets against a release: each indicator's series is read once (targets
 * that share an indicator share the read) and kept per release, so a page of targets, a
 * region's overview or all plans after a new release cost one read per distinct indicator.
 */
import type { StatbankService } from '../statbank/index.js';
import type { SeriesPoint } from './forecast.js';
import { IndicatorError, readIndicator } from './indicator.js';
import { evaluateTarget, type TargetEvaluation } from './status.js';
import { isMeasurable, type Indicator, type Target } from './target.js';

export class TargetEvaluator {
  private series = new Map<string, Promise<SeriesPoint[] | IndicatorError>>();

  /** `demoNote`: in demo mode, said of every target set before the data (real scale against the demo's numbers). */
  constructor(
    private readonly statbank: StatbankService,
    private readonly demoNote?: string,
  ) {}

  /** The indicator's series in `release` (cached; an unknown table or measure is an IndicatorError, not a throw). */
  read(ind: Indicator, release: number): Promise<SeriesPoint[] | IndicatorError> {
    const key = `${release}|${ind.table}|${ind.measure}|${ind.area}|${ind.freq}|${JSON.stringify(Object.entries(ind.dims).sort())}`;
    let got = this.series.get(key);
    if (!got) {
      got = readIndicator(this.statbank, ind, release).catch((e: unknown) => {
        if (e instanceof IndicatorError) return e;
        throw e;
      });
      this.series.set(key, got);
      // Keep the cache to the releases in use (a new release makes the old keys dead weight).
      if (this.series.size > 20_000) this.series.clear();
    }
    return got;
  }

  async evaluate(targets: readonly Target[], release: number): Promise<TargetEvaluation[]> {
    return Promise.all(
      targets.map(async (t) => {
        if (!isMeasurable(t)) return evaluateTarget(t, []);
        const s = await this.read(t.indicator, release);
        if (s instanceof IndicatorError) return { ...evaluateTarget(t, []), status: 'no_data' as const, reason: s.message };
        const e = evaluateTarget(t, s);
        return e.before_data && this.demoNote ? { ...e, reason: `${e.reason} Målet er sat i reel skala. ${this.demoNote}` } : e;
      }),
    );
  }
}
