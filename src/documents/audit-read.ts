/**
 * The audit's readings of the statistics bank: cells with the reason a value is missing, and
 * the peer cluster compared like with like (a rate as the cluster's mean rate; a count as the
 * cluster's count per inhabitant 16–66 scaled to the jobcenter's population).
 */
import { measureUnit, missingReason, noData, resolveSelection, type StatbankService } from '../statbank/index.js';
import { freqOf } from '../targets/index.js';

export type Cell = { value: number | null; why: string | null };
/** Per area id, then period, then dimension value id ('' without a dimension). */
export type Cells = Map<string, Map<string, Map<string, Cell>>>;

/** Reads areas' cells of a table's measure for some periods, per value of one dimension (or the whole table). */
export async function readCells(statbank: StatbankService, release: number, table: string, measure: string, areas: string[], periods: string[], dims: Record<string, string>, byDim?: string): Promise<{ cells: Cells; decimals: number }> {
  const t = await statbank.table(table, release);
  const query: Record<string, string> = { 'mgroup.*': measure };
  // One period parameter per frequency (M, Q, Y, R).
  for (const p of periods) {
    const f = freqOf(p);
    query[`period.${f}`] = query[`period.${f}`] ? `${query[`period.${f}`]},${p}` : p;
  }
  // The country and jobcenters by the jobcenter hierarchy, employment regions (B1) and clusters (KL1) by their own.
  const kl = areas.filter((a) => a.startsWith('KL')), er = areas.filter((a) => /^B\d/.test(a)), jc = areas.filter((a) => !kl.includes(a) && !er.includes(a));
  if (jc.length) query['hierarchy._jobcenter'] = jc.join(',');
  if (er.length) query['hierarchy._beskregion'] = er.join(',');
  if (kl.length) query['hierarchy._klynge'] = kl.join(',');
  for (const [d, v] of Object.entries(dims)) query[`dimension.${d}`] = v;
  if (byDim) query[`dimension.${byDim}`] = '*';
  const res = await statbank.data(t, resolveSelection(t, query));
  const mgroup = t.mgroups.find((g) => g.id === measure)!;
  const col = res.columns.indexOf(mgroup.name);
  const idOfArea = new Map([...t.areaName].map(([id, name]) => [name, id]));
  const dimCol = byDim ? res.columns.indexOf(t.dimById.get(byDim)!.def.name) : -1;
  const idByName = byDim ? new Map([...t.dimById.get(byDim)!.values].map(([id, v]) => [v.name, id])) : null;
  const cells: Cells = new Map();
  res.rows.forEach((r, i) => {
    // A cluster's name is not among the table's areas; a query reads at most one cluster.
    const area = idOfArea.get(String(r[1])) ?? kl[0] ?? String(r[1]);
    const byPeriod = cells.get(area) ?? new Map<string, Map<string, Cell>>();
    const byKey = byPeriod.get(String(r[0])) ?? new Map<string, Cell>();
    const v = r[col];
    byKey.set(idByName ? idByName.get(String(r[dimCol]))! : '', { value: res.status[i] === 'published' && typeof v === 'number' ? v : null, why: missingReason(res.status[i]!, v, measure) });
    byPeriod.set(String(r[0]), byKey);
    cells.set(area, byPeriod);
  });
  return { cells, decimals: mgroup.decimals };
}

export const cellAt = (c: Cells | null, area: string, period: string, key = ''): Cell => c?.get(area)?.get(period)?.get(key) ?? { value: null, why: noData };

/**
 * Population 16–66 of each area in each period, from all public support's published full-time
 * persons and their share of the population (fulltime ÷ pct × 100), so anyone can redo it from the bank.
 */
export async function readPopulations(statbank: StatbankService, release: number, areas: string[], periods: string[]): Promise<Map<string, Map<string, number>>> {
  const [ft, pct] = await Promise.all(['fulltime', 'pct_population'].map((m) => readCells(statbank, release, 'ptv_a02', m, areas, periods, {})));
  const out = new Map<string, Map<string, number>>();
  for (const a of areas) {
    const m = new Map<string, number>();
    for (const p of periods) {
      const f = cellAt(ft!.cells, a, p).value, s = cellAt(pct!.cells, a, p).value;
      if (f !== null && s !== null && s > 0) m.set(p, (f / s) * 100);
    }
    out.set(a, m);
  }
  return out;
}

/**
 * The peer cluster's value to compare with the jobcenter's: for a rate the cluster's own cell
 * (the mean of its jobcenters' published rates); for a count the members' published counts
 * per inhabitant, summed, times the jobcenter's population. Needs half the members' cells.
 */
export function clusterComparable(measure: string, members: string[], me: string, period: string, memberCells: Cells | null, clusterCell: Cell, pop: Map<string, Map<string, number>>, key = '', decimals = 0): Cell {
  if (measureUnit(measure).kind === 'rate') return clusterCell;
  const myPop = pop.get(me)?.get(period);
  if (myPop === undefined) return { value: null, why: 'Jobcentrets befolkning 16-66 år er ikke offentliggjort, så klyngen kan ikke omregnes.' };
  let sum = 0, people = 0, n = 0;
  for (const j of members) {
    const v = cellAt(memberCells, j, period, key).value, p = pop.get(j)?.get(period);
    if (v === null || p === undefined) continue;
    sum += v;
    people += p;
    n++;
  }
  if (n * 2 < members.length || people === 0) return { value: null, why: 'Under halvdelen af klyngens jobcentre har et offentliggjort tal.' };
  return { value: Math.round((sum / people) * myPop * 10 ** decimals) / 10 ** decimals, why: null };
}
