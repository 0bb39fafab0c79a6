/**
 * A-kasse membership of the synthetic register. Every insured person of the model (the trait that
 * lets them receive a-dagpenge and efterløn) is a member of an unemployment fund for the whole
 * window; the uninsured are members of none. The first fund is drawn with the funds' approximate
 * sizes (src/reference/unemployment-funds.ts); members change fund at FUND_SWITCH_RATE a year, at
 * exponential waiting times, to another fund drawn the same way.
 *
 * The draws come from their own random stream per person (salt FUND_SALT), so adding or changing
 * them never moves any other value of the register.
 */
import { unemploymentFunds } from '../../reference/index.js';
import type { Batch } from './buffers.js';
import { Rng } from './rng.js';

/** Salt of the a-kasse streams (see Rng.reseed). */
export const FUND_SALT = 0x0a4a55e;
/** Yearly probability that a member changes fund (an assumption: a few per cent of the members a year). */
export const FUND_SWITCH_RATE = 0.05;
const WEEKS_PER_YEAR = 365.2425 / 7;
const weights = Float64Array.from(unemploymentFunds, (f) => f.approxMembers);

export class FundDrawer {
  private readonly rng = new Rng(0, 0);
  constructor(private readonly seed: number) {}

  /** Appends the memberships of insured person `pid` over the window weeks w0 … w1 (−1: open end). */
  draw(pid: number, w0: number, w1: number, out: Batch['memberships']): void {
    const rng = this.rng;
    rng.reseed(this.seed, pid, FUND_SALT);
    let fund = rng.pick(weights);
    let from = -1;
    let t = w0;
    for (;;) {
      t += Math.max(1, Math.ceil(rng.exp(FUND_SWITCH_RATE / WEEKS_PER_YEAR)));
      if (t > w1) break;
      out.push(pid, fund, from, t - 1);
      let next = fund;
      while (next === fund) next = rng.pick(weights);
      fund = next;
      from = t;
    }
    out.push(pid, fund, from, -1);
  }
}
