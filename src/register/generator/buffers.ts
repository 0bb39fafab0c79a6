/** Growable column buffers for one batch of simulated output (typed arrays, no per-row objects). */

class IntColumns {
  n = 0;
  cols: Int32Array[];
  constructor(ncol: number, cap = 1 << 16) {
    this.cols = Array.from({ length: ncol }, () => new Int32Array(cap));
  }
  protected room(): void {
    if (this.n < this.cols[0]!.length) return;
    this.cols = this.cols.map((c) => {
      const bigger = new Int32Array(c.length * 2);
      bigger.set(c);
      return bigger;
    });
  }
  clear(): void {
    this.n = 0;
  }
}

/** Register segments: `n` consecutive weeks from week index `start` in one municipality on one state. */
class Segments extends IntColumns {
  constructor() {
    super(5);
  }
  push(person: number, start: number, n: number, muni: number, state: number): void {
    this.room();
    const i = this.n++;
    const c = this.cols;
    c[0]![i] = person;
    c[1]![i] = start;
    c[2]![i] = n;
    c[3]![i] = muni;
    c[4]![i] = state;
  }
}

/** Activities: kind 0 interview, 1 virksomhedspraktik, 2 løntilskud, 3 vejledning/opkvalificering; weeks as indices, −1 = null. */
class Activities extends IntColumns {
  constructor() {
    super(5);
  }
  push(person: number, kind: number, due: number, start: number, end: number): void {
    this.room();
    const i = this.n++;
    const c = this.cols;
    c[0]![i] = person;
    c[1]![i] = kind;
    c[2]![i] = due;
    c[3]![i] = start;
    c[4]![i] = end;
  }
}

/** Persons: birth as epoch day, gender 0 K / 1 M, origin 0 dansk / 1 vestlig / 2 ikke-vestlig. */
class Persons extends IntColumns {
  constructor() {
    super(4);
  }
  push(person: number, birth: number, gender: number, origin: number): void {
    this.room();
    const i = this.n++;
    const c = this.cols;
    c[0]![i] = person;
    c[1]![i] = birth;
    c[2]![i] = gender;
    c[3]![i] = origin;
  }
}

/** A-kasse memberships: fund index into unemploymentFunds, first and last week as indices (−1 = open end). */
class Memberships extends IntColumns {
  constructor() {
    super(4);
  }
  push(person: number, fund: number, from: number, to: number): void {
    this.room();
    const i = this.n++;
    const c = this.cols;
    c[0]![i] = person;
    c[1]![i] = fund;
    c[2]![i] = from;
    c[3]![i] = to;
  }
}

/** One batch of output. */
export interface Batch {
  segments: Segments;
  activities: Activities;
  persons: Persons;
  memberships: Memberships;
}

export function newBatch(): Batch {
  return { segments: new Segments(), activities: new Activities(), persons: new Persons(), memberships: new Memberships() };
}
