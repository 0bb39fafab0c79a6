/**
 * Small, fast, seedable PRNG (xoshiro128**, seeded through splitmix32) with the few
 * distributions the generator needs. Each person gets its own stream derived from
 * (seed, person_id), so results do not depend on batch sizes or iteration order.
 */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare: number | null = null;

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /**
   * Restarts the generator on the stream (seed, stream); cheap enough to call once per person.
   * `salt` (default 0, the original streams) selects a family of streams independent of the
   * others, so a new kind of draw (e.g. the a-kasse) never shifts the existing ones.
   */
  reseed(seed: number, stream: number, salt = 0): void {
    let s = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream | 0, 0x85ebca6b) ^ 0x1b873593 ^ Math.imul(salt | 0, 0xc2b2ae35)) | 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
    this.spare = null;
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Standard normal (Marsaglia polar method). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Exponential with the given rate (mean 1/rate). */
  exp(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** Log-normal with the given median and log-sd. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Index drawn from non-negative weights (length n, total > 0). */
  pick(weights: ArrayLike<number>, n = weights.length, total = -1): number {
    let sum = total;
    if (sum < 0) {
      sum = 0;
      for (let i = 0; i < n; i++) sum += weights[i]!;
    }
    let u = this.next() * sum;
    for (let i = 0; i < n; i++) {
      u -= weights[i]!;
      if (u < 0) return i;
    }
    return n - 1;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
