import cliProgress from 'cli-progress';

/** Progress of long work, as every long-running function reports it. */
interface Progress {
  stage: string;
  done: number;
  total: number;
  /** What inside the stage is under way, e.g. the dataset being computed. */
  detail?: string;
}
type OnProgress = (p: Progress) => void;

/**
 * A terminal progress bar per stage (a plain line per stage when not on a TTY), plus an
 * optional listener, e.g. the start page showing the demo's progress.
 */
const label = (p: Progress) => (p.detail ? `${p.stage}: ${p.detail}` : p.stage);

export function progressBars(listener?: OnProgress): { onProgress: OnProgress; stop: () => void } {
  const tty = process.stderr.isTTY;
  const multi = tty
    ? new cliProgress.MultiBar(
        { format: ' {bar} {percentage}% | {stage} | {value}/{total} | {duration_formatted}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const bars = new Map<string, cliProgress.SingleBar>();
  const lastPct = new Map<string, number>();
  return {
    onProgress: (p) => {
      listener?.(p);
      if (multi) {
        let bar = bars.get(p.stage);
        if (!bar) {
          bar = multi.create(Math.max(p.total, 1), 0, { stage: label(p) });
          bars.set(p.stage, bar);
        }
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.done, { stage: label(p) });
        return;
      }
      // Not a terminal (CI, logs): one line per 25 % per stage.
      const pct = p.total > 0 ? Math.floor((p.done / p.total) * 4) * 25 : 0;
      if (lastPct.get(p.stage) !== pct) {
        lastPct.set(p.stage, pct);
        process.stderr.write(`${p.stage}: ${pct} %\n`);
      }
    },
    stop: () => multi?.stop(),
  };
}
