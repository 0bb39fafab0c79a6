/**
 * Secondary suppression to the fixpoint, on typed arrays (no SQL): the rule of
 * docs/measures.md, "Disclosure", applied round by round.
 *
 * Cells have integer coordinates, one per dimension (0 … size − 1). A relation is a
 * family (`total = Σ parts` along one dimension) together with the cell's coordinates in
 * the other dimensions, so relations are never listed: a relation's members are found by
 * swapping the family's values into a cell's key, and its number of suppressed members
 * lives in one byte of a dense array (family base + the key without that dimension).
 */

interface FixpointFamily {
  /** Index of the dimension the family runs along. */
  dim: number;
  total: number;
  parts: number[];
  /** The family does not hold where the cell's coordinate in dimension `dim` is one of `values` (never the family's own dimension). */
  unless?: { dim: number; values: ReadonlySet<number> };
}

interface FixpointInput {
  /** Size of each dimension; coordinates run 0 … size − 1. */
  sizes: number[];
  /** coords[d][cell]: the cell's coordinate in dimension d. Cell ids are the tie-break order. */
  coords: Int32Array[];
  /** First disclosure count of each cell (ranks the candidates). */
  n1: Float64Array;
  /** Sum of the other disclosure counts. */
  nrest: Float64Array;
  /** 1 where the cell is primary suppressed. */
  primary: Uint8Array;
  families: FixpointFamily[];
}

interface FixpointResult {
  /** 0 published, 1 primary, 2 secondary, per cell. */
  state: Uint8Array;
  /** Rounds that suppressed at least one cell. */
  iterations: number;
  /** (cell, relation) pairs. */
  memberships: number;
  /** Relations left with exactly one suppressed member that have a part among the cells. */
  unresolved: number;
}

export function secondarySuppression(input: FixpointInput): FixpointResult {
  const { sizes, coords, n1, nrest, primary, families } = input;
  const nDims = sizes.length;
  const nCells = primary.length;
  // Mixed-radix cell key, dimension 0 most significant.
  const stride = new Array<number>(nDims).fill(1);
  for (let d = nDims - 2; d >= 0; d--) stride[d] = stride[d + 1]! * sizes[d + 1]!;
  const space = stride[0]! * sizes[0]!;
  if (space > 2 ** 31) throw new Error(`disclosure: key space ${space} too large`);
  const key = new Int32Array(nCells);
  const cellAt = new Int32Array(space).fill(-1);
  for (let c = 0; c < nCells; c++) {
    let k = 0;
    for (let d = 0; d < nDims; d++) k += coords[d]![c]! * stride[d]!;
    key[c] = k;
    cellAt[k] = c;
  }

  // Relations: family f owns slots base[f] … base[f] + space / size(dim) − 1.
  const base: number[] = [];
  let slots = 0;
  for (const f of families) {
    base.push(slots);
    slots += space / sizes[f.dim]!;
  }
  const supCount = new Uint8Array(slots); // saturates at 2: only 0, 1, ≥ 2 matter
  // For each dimension and coordinate: the families it is a member of.
  const memberOf: number[][][] = sizes.map((n) => Array.from({ length: n }, () => []));
  families.forEach((f, i) => {
    memberOf[f.dim]![f.total]!.push(i);
    for (const p of f.parts) memberOf[f.dim]![p]!.push(i);
  });
  const famDim = Int32Array.from(families, (f) => f.dim);
  /** Whether family f holds for cell c (its `unless` coordinates excluded). */
  const holds = (f: number, c: number) => {
    const u = families[f]!.unless;
    return !u || !u.values.has(coords[u.dim]![c]!);
  };
  /** Slot of the relation of family f through the cell with key k: k without f's dimension. */
  const slotOf = (f: number, k: number) => {
    const d = famDim[f]!;
    return base[f]! + Math.floor(k / (stride[d]! * sizes[d]!)) * stride[d]! + (k % stride[d]!);
  };
  /** Best unsuppressed member of relation (f, k), or −1: the non-zero part with the fewest
   * persons, else the total, else a part non-zero in another count, else a zero row; ties
   * by cell id (key order). Sets `hasPart` as a side result. */
  let hasPart = false;
  const pick = (f: number, k: number) => {
    const { dim, total, parts } = families[f]!;
    const rest = k - (Math.floor(k / stride[dim]!) % sizes[dim]!) * stride[dim]!;
    let best = -1, bestTier = 4;
    hasPart = false;
    for (let i = -1; i < parts.length; i++) {
      const isTotal = i < 0;
      const c = cellAt[rest + (isTotal ? total : parts[i]!) * stride[dim]!]!;
      if (c < 0) continue;
      if (!isTotal) hasPart = true;
      if (state[c] !== 0) continue;
      const tier = !isTotal && n1[c]! > 0 ? 0 : isTotal ? 1 : nrest[c]! > 0 ? 2 : 3;
      if (best < 0 || tier < bestTier || (tier === bestTier && (n1[c]! < n1[best]! || (n1[c] === n1[best] && (nrest[c]! < nrest[best]! || (nrest[c] === nrest[best] && c < best)))))) {
        best = c;
        bestTier = tier;
      }
    }
    return best;
  };

  const state = new Uint8Array(nCells);
  let fresh: number[] = [];
  let memberships = 0;
  for (let c = 0; c < nCells; c++) {
    if (primary[c]) { state[c] = 1; fresh.push(c); }
    for (let d = 0; d < nDims; d++) for (const f of memberOf[d]![coords[d]![c]!]!) if (holds(f, c)) memberships++;
  }

  let iterations = 0;
  let unresolved = 0;
  for (;;) {
    // Count the fresh suppressions; relations reaching exactly one are this round's singles
    // (family, key of a member, slot).
    const singles: number[] = [];
    for (const c of fresh) {
      const k = key[c]!;
      for (let d = 0; d < nDims; d++) {
        for (const f of memberOf[d]![coords[d]![c]!]!) {
          if (!holds(f, c)) continue;
          const slot = slotOf(f, k);
          if (supCount[slot]! < 2 && ++supCount[slot]! === 1) singles.push(f, k, slot);
        }
      }
    }
    // Picks on the state at the round's start, applied after.
    const picks: number[] = [];
    for (let i = 0; i < singles.length; i += 3) {
      if (supCount[singles[i + 2]!] !== 1) continue;
      const best = pick(singles[i]!, singles[i + 1]!);
      if (best >= 0) picks.push(best);
      // Nothing left to suppress: the relation keeps its one suppressed member for good.
      else if (hasPart) unresolved++;
    }
    fresh = [];
    for (const c of picks) if (state[c] === 0) { state[c] = 2; fresh.push(c); }
    if (fresh.length === 0) break;
    iterations++;
  }

  return { state, iterations, memberships, unresolved };
}
