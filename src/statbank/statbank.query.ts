import type { Freq } from '../indicators/index.js';
import { invalidParameter } from './statbank.errors.js';
import { mgroupListSchema, parseParam, periodPatterns, periodSchema, selectorSchema, type Selector } from './statbank.schema.js';
import { ourPeriodId } from './vocabulary.js';
import type { CompiledDimension, CompiledTable } from './table.compile.js';

/** What a data query selects, resolved against one table of one release. */
export interface Selection {
  /** Period ids in output order (M, Q, Y, R; ascending). */
  periods: string[];
  /** Area ids in output order. */
  areas: string[];
  /** Selected value ids per dimension id. */
  dims: Map<string, Set<string>>;
  /** Indices into `table.mgroups`, in table order. */
  mgroups: number[];
  /** How rows write quarters and years: `jobindsats` when the request speaks the real API's vocabulary. */
  periodFormat: 'jobindsats' | 'styr';
}

const common = new Set(['format', 'release', 'include', 'periodformat']);
const freqs: Freq[] = ['M', 'Q', 'Y', 'R'];

const periodHelp = 'brug latest:N (N = 1–99999), * eller en kommasepareret liste af perioder';
const selectorHelp = 'brug * (alle), / (i alt), en sti som /2/ (se value_path i /v3/table), level:<niveau> eller en kommasepareret liste af værdi-id\'er';

function selectPeriods(t: CompiledTable, query: Record<string, string | string[]>, real: { used: boolean }): string[] {
  const chosen = new Map<Freq, Set<string>>();
  for (const key of Object.keys(query)) {
    if (!key.startsWith('period.')) continue;
    const f = key.slice(7) as Freq;
    const cause = `Unknown period type: ${key.slice(7)}`;
    if (!freqs.includes(f)) throw invalidParameter(key, `ukendt frekvens; tilladt: ${[...t.periodsByFreq.keys()].map((x) => `period.${x}`).join(', ')}.`, cause);
    const available = t.periodsByFreq.get(f);
    if (!available) throw invalidParameter(key, `tabellen ${t.def.table_id} har ingen perioder med frekvensen ${f} i udgivelse ${t.release.version}; tilladt: ${[...t.periodsByFreq.keys()].join(', ') || 'ingen'}.`, cause);
    const sel = parseParam(periodSchema, key, query[key], `${periodHelp} som ${periodPatterns[f].example}.`);
    let ids: string[];
    if (sel.kind === 'all') ids = available;
    else if (sel.kind === 'latest') ids = available.slice(-sel.n);
    else {
      const have = new Set(available);
      // The real API's quarters and years (2024Q04, 2024Y01) are ours (2024Q4, 2024).
      ids = sel.ids.map((id) => {
        const ours = ourPeriodId(id);
        if (ours !== id) real.used = true;
        if (!periodPatterns[f].re.test(ours)) throw invalidParameter(key, `"${id}" er ikke en periode med frekvensen ${f} (f.eks. ${periodPatterns[f].example}).`, `Invalid period: ${id}`);
        if (!have.has(ours)) throw invalidParameter(key, `perioden ${id} findes ikke i udgivelse ${t.release.version}; tilladt: ${available[0]} – ${available[available.length - 1]}.`, `Unknown periods: ['${id}']`);
        return ours;
      });
    }
    chosen.set(f, new Set(ids));
  }
  if (chosen.size === 0) {
    // Default: every period of the table's first frequency.
    const [first] = t.periodsByFreq;
    return first ? first[1] : [];
  }
  return freqs.flatMap((f) => (t.periodsByFreq.get(f) ?? []).filter((p) => chosen.get(f)?.has(p)));
}

function selectAreas(t: CompiledTable, query: Record<string, string | string[]>, dimHierarchies: Map<string, CompiledDimension>, real: { used: boolean }): string[] {
  const out = new Set<string>();
  let any = false;
  for (const key of Object.keys(query)) {
    if (!key.startsWith('hierarchy.')) continue;
    const hid = key.slice(10);
    if (dimHierarchies.has(hid)) continue;
    const h = t.hierarchies.get(hid);
    if (!h) throw invalidParameter(key, `ukendt hierarki; tilladt: ${[...t.hierarchies.keys(), ...dimHierarchies.keys()].map((x) => `hierarchy.${x}`).join(', ')}.`, `Unknown hierarchies: ['${hid}']`);
    if (h.real && hid !== '_nykom') real.used = true;
    any = true;
    const sel = parseParam(selectorSchema, key, query[key], `${selectorHelp}.`);
    // Regions were in our _nykom before it became the real API's (country and municipalities): still accepted there.
    const wider = hid === '_nykom' ? (t.hierarchies.get('_reko') ?? h) : h;
    const leaf = h.levels[h.levels.length - 1];
    if (sel.kind === 'all') (h.real ? h.levels : [leaf]).forEach((l) => l?.areas.forEach((a) => out.add(a.id)));
    else if (sel.kind === 'total') {
      const top = h.levels[0];
      if (!top || top.level_id !== 'country') throw invalidParameter(key, 'tabellen har ingen total for hele landet; brug * eller level:<niveau>.');
      top.areas.forEach((a) => out.add(a.id));
    } else if (sel.kind === 'path') {
      real.used = true;
      const found = [...t.areaPaths.get(hid)!].find(([, p]) => p === sel.path);
      if (!found) throw invalidParameter(key, `stien ${sel.path} findes ikke i hierarkiet ${hid} (se value_path i /v3/table/${t.def.table_id}).`, `Unknown values: ['${sel.path}']`);
      out.add(found[0]);
    } else if (sel.kind === 'level') {
      const level = wider.levels.find((l) => l.level_id === sel.level);
      if (!level) throw invalidParameter(key, `ukendt niveau "${sel.level}"; tilladt: ${h.levels.map((l) => `level:${l.level_id}`).join(', ')}.`, `Unknown level: ${sel.level}`);
      level.areas.forEach((a) => out.add(a.id));
    } else {
      const inH = new Set(wider.levels.flatMap((l) => l.areas.map((a) => a.id)));
      for (const id of sel.ids) {
        if (!inH.has(id)) throw invalidParameter(key, `området "${id}" findes ikke i hierarkiet ${hid} (id'er som DK, R1084, K101, J561, B1; se /v3/table/${t.def.table_id}).`, `Unknown values: ['${id}']`);
        out.add(id);
      }
    }
  }
  if (!any) {
    // Default: the total (Hele landet), or every area when the table has no total.
    if (t.areaName.has('DK')) return ['DK'];
    return [...t.areaName.keys()].filter((a) => !t.clusters.has(a));
  }
  return [...out];
}

function resolveSelector(d: CompiledDimension, key: string, sel: Selector): Set<string> {
  if (sel.kind === 'all') return new Set(d.allIds);
  if (sel.kind === 'path') {
    const found = [...d.paths].find(([, p]) => p === sel.path);
    if (!found) throw invalidParameter(key, `stien ${sel.path} findes ikke i dimensionen ${d.def.id}; tilladt: ${[...d.paths.values()].join(', ') || 'ingen'}.`, `Unknown values: ['${sel.path}']`);
    return new Set([found[0]]);
  }
  if (sel.kind === 'total') {
    if (d.def.total === undefined) throw invalidParameter(key, `dimensionen ${d.def.id} har ingen total; brug * eller en liste.`);
    return new Set([d.def.total]);
  }
  if (sel.kind === 'level') {
    const ids = d.levels.get(sel.level);
    if (!ids) throw invalidParameter(key, `ukendt niveau "${sel.level}"; tilladt: ${[...d.levels.keys()].map((l) => `level:${l}`).join(', ')}.`);
    return new Set(ids);
  }
  for (const id of sel.ids) {
    if (!d.values.has(id)) throw invalidParameter(key, `ukendt værdi "${id}"; tilladt: ${d.allIds.join(', ')}.`, `Unknown values: ['${id}']`);
  }
  return new Set(sel.ids);
}

function selectMgroups(t: CompiledTable, query: Record<string, string | string[]>): number[] {
  // Our ids and the real API's (mgrpa02_1 …) both name an mgroup.
  const ids = new Map(t.mgroups.flatMap((g, i) => [g.id, ...g.aliases].map((id) => [id, i] as const)));
  const allowed = t.mgroups.map((g) => g.id).join(', ');
  const chosen = new Set<number>();
  let any = false;
  const add = (key: string, list: string[] | null) => {
    any = true;
    if (list === null) return t.mgroups.forEach((_, i) => chosen.add(i));
    for (const id of list) {
      const i = ids.get(id);
      if (i === undefined) throw invalidParameter(key, `ukendt målgruppe "${id}"; tilladt: ${allowed}.`, `Unknown mgroups: ['${id}']`);
      chosen.add(i);
    }
  };
  for (const key of Object.keys(query)) {
    if (key === 'mgroup' || key === 'mgroup.*') add(key, parseParam(mgroupListSchema, key, query[key], `brug * eller en kommasepareret liste af målgrupper (${allowed}).`));
    else if (key.startsWith('mgroup.')) {
      // mgroup.<id>=* or, as the real API picks single measures, mgroup.<id>=<measure id>: ours
      // have one measure per mgroup, named by any of the mgroup's ids.
      const id = key.slice(7);
      const i = ids.get(id);
      const names = i === undefined ? [id] : [t.mgroups[i]!.id, ...t.mgroups[i]!.aliases];
      parseParam(mgroupListSchema.refine((v) => v === null || v.every((m) => names.includes(m)), `kun * eller ${names.join(' eller ')}`), key, query[key], `brug * eller ${names.join(' eller ')}.`);
      add(key, [id]);
    }
  }
  return any ? [...chosen].sort((a, b) => a - b) : t.mgroups.map((_, i) => i);
}

/**
 * Resolves a validated query against a table (grammar: period.<F>, hierarchy.<id>,
 * dimension.<id>, mgroup[.<id>|.*], format, release, include, periodformat). Throws a 422 StatbankError
 * naming the parameter on anything it cannot honour.
 */
export function resolveSelection(t: CompiledTable, query: Record<string, string | string[]>, periodFormat?: 'jobindsats' | 'styr'): Selection {
  // Each dimension answers to ours (`_ydelsesgrupper`) and to the real API's hierarchy id (`_ygrpi09`).
  const dimHierarchies = new Map(t.dimensions.flatMap((d) => [[`_${d.def.id}`, d] as const, ...(d.realHierarchy ? [[d.realHierarchy, d] as const] : [])]));
  const real = { used: false };
  for (const key of Object.keys(query)) {
    if (common.has(key) || /^(period|hierarchy|dimension)\./.test(key) || key === 'mgroup' || key.startsWith('mgroup.')) continue;
    throw invalidParameter(key, 'ukendt parameter; tilladt: period.M/Q/Y/R, hierarchy.<id>, dimension.<id>, mgroup.<id>, format, release, include, periodformat.', `Unknown parameters: ['${key}']`);
  }
  const dims = new Map<string, Set<string>>();
  for (const d of t.dimensions) dims.set(d.def.id, d.def.total !== undefined ? new Set([d.def.total]) : new Set(d.allIds));
  for (const key of Object.keys(query)) {
    let d: CompiledDimension | undefined;
    if (key.startsWith('dimension.')) {
      d = t.dimById.get(key.slice(10));
      if (!d) throw invalidParameter(key, `ukendt dimension; tilladt: ${t.dimensions.map((x) => `dimension.${x.def.id}`).join(', ') || 'ingen'}.`);
    } else if (key.startsWith('hierarchy.')) {
      d = dimHierarchies.get(key.slice(10));
      if (d && key.slice(10) === d.realHierarchy) real.used = true;
    }
    if (!d) continue;
    const sel = parseParam(selectorSchema, key, query[key], `${selectorHelp}.`);
    if (sel.kind === 'path') real.used = true;
    dims.set(d.def.id, resolveSelector(d, key, sel));
  }
  const periods = selectPeriods(t, query, real);
  const areas = selectAreas(t, query, dimHierarchies, real);
  return { periods, areas, dims, mgroups: selectMgroups(t, query), periodFormat: periodFormat ?? (real.used ? 'jobindsats' : 'styr') };
}
