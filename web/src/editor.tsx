/**
 * The documents' editor parts: the target editor (title; optionally an indicator from the
 * statistics bank with its baseline, goal, direction and deadline) and a target's live status
 * with its series and forecast.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api } from './api';
import { goalsResponse } from '../../src/documents/shared';
import { statusClass, statusLabels, type Freq, type GoalKind, type Indicator, type MinisterialGoal, type Target, type TargetStatus, type TargetView } from './documents';
import { shortPeriod } from './format';
import { AREA_DIMENSION, areaParameter, dataResponse, formatValue, periodName, tableResponse, tablesResponse } from '../../src/statbank/shared';
import { Field, NumberField, Select } from './forms';
import { freqNames, type TableInfo } from './statbank';

// The statistics bank's tables and their metadata, read once per page visit.
let tablesPromise: Promise<{ id: string; name: string }[]> | null = null;
const tableInfos = new Map<string, Promise<TableInfo>>();
export function useTables(): { id: string; name: string }[] {
  const [tables, setTables] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    tablesPromise ??= api('/v3/tables', tablesResponse).then((subjects) => subjects.flatMap((s) => s.table_groups.flatMap((g) => g.tables.map((t) => ({ id: t.table_id, name: t.table_name })))));
    tablesPromise.then(setTables, () => {
      tablesPromise = null;
    });
  }, []);
  return tables;
}
export function useTableInfo(id: string | null): TableInfo | null {
  const [info, setInfo] = useState<TableInfo | null>(null);
  useEffect(() => {
    if (!id) return setInfo(null);
    if (!tableInfos.has(id)) tableInfos.set(id, api(`/v3/table/${encodeURIComponent(id)}`, tableResponse));
    let live = true;
    tableInfos.get(id)!.then(
      (t) => live && setInfo(t),
      () => {
        tableInfos.delete(id);
        if (live) setInfo(null);
      },
    );
    return () => {
      live = false;
    };
  }, [id]);
  return info?.table_id.toLowerCase() === id?.toLowerCase() ? info : null;
}

/** The /v3 query parameter and value that select an area (DK is the country, '/'). */
function areaParam(t: TableInfo, area: string): [string, string] | null {
  const hs = t.dimensions.find((d) => d.dimension_id === AREA_DIMENSION)?.hierarchies ?? [];
  if (area === 'DK') {
    const h = hs.find((x) => x.levels.some((l) => l.level_id === 'country'));
    return h ? [h.parameter, '/'] : null;
  }
  const h = hs.find((x) => x.levels.some((l) => l.values.some((v) => v.value_id === area))) ?? (area.startsWith('KL') ? hs.find((x) => x.parameter === 'hierarchy._klynge') : undefined);
  return h ? [areaParameter(h.parameter), area] : null;
}

/** An indicator's value in one period, as the bank publishes it (null: not published). */
export async function readValue(t: TableInfo, ind: Indicator, period: string): Promise<number | null> {
  const area = areaParam(t, ind.area);
  if (!area) return null;
  const q = new URLSearchParams({ [`period.${ind.freq}`]: period, [area[0]]: area[1], 'mgroup.*': ind.measure });
  for (const [d, v] of Object.entries(ind.dims)) q.set(t.dimensions.find((x) => x.dimension_id === d)?.parameter ?? `dimension.${d}`, v);
  const res = await api(`/v3/data/${encodeURIComponent(t.table_id)}?${q}`, dataResponse);
  const name = t.mgroups.find((m) => m.mgroup_id === ind.measure)?.mgroup_name;
  const col = name ? res.columns.indexOf(name) : -1;
  const row = res.rows[0];
  return row && col >= 0 && res.status[0] === 'published' && typeof row[col] === 'number' ? row[col] : null;
}

/** The table's areas by name (the country first); an area the table does not have is kept, named as such. */
function areaChoices(t: TableInfo, current: string): { value: string; label: string }[] {
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const h of t.dimensions.find((d) => d.dimension_id === AREA_DIMENSION)?.hierarchies ?? []) {
    for (const l of h.levels) {
      for (const v of l.values) {
        const id = l.level_id === 'country' ? 'DK' : v.value_id;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ value: id, label: l.level_id === 'country' ? v.value_name : `${v.value_name} (${l.level_name.toLowerCase()})` });
      }
    }
  }
  if (current && !seen.has(current)) out.unshift({ value: current, label: 'Det gemte område (findes ikke i tabellen)' });
  return out;
}

// The ministerial goals of every year, read once per page visit.
let goalsPromise: Promise<{ year: number; goals: MinisterialGoal[] }[]> | null = null;

/** A plan's ministerial goal: the year's own goal set, or else the newest set before it (as the server's goalsInForce). */
export function useGoalIndicators(goal: { year: number; number: number } | undefined): MinisterialGoal['indicators'] {
  const [indicators, setIndicators] = useState<MinisterialGoal['indicators']>([]);
  useEffect(() => {
    if (!goal) return;
    goalsPromise ??= api('/api/goals', goalsResponse);
    let live = true;
    goalsPromise.then(
      (years) => {
        const set = years.filter((y) => y.year <= goal.year).sort((a, b) => b.year - a.year)[0];
        if (live) setIndicators(set?.goals.find((g) => g.number === goal.number)?.indicators ?? []);
      },
      () => {
        goalsPromise = null;
      },
    );
    return () => {
      live = false;
    };
  }, [goal?.year, goal?.number]);
  return indicators;
}

/** A goal's indicator as a target's: bound to the document's own area. */
const fromGoal = (g: MinisterialGoal['indicators'][number], area: string): Indicator => ({ table: g.table, measure: g.measure, area, dims: { ...g.dims }, freq: g.freq });

/**
 * A new target: under a ministerial goal it is bound to the goal's (first) indicator in the
 * document's area, titled by the indicator; otherwise empty.
 */
export function newTarget(area: string, indicators: MinisterialGoal['indicators'] = []): Target {
  const first = indicators[0];
  return first ? { title: first.label, indicator: fromGoal(first, area), baseline: null, goal: null, deadline: null } : { title: '', indicator: null, baseline: null, goal: null, deadline: null };
}

/** The choice of a table, measure, area, dimension values and frequency. */
export function IndicatorFields({ id, value, onChange }: { id: string; value: Indicator; onChange: (i: Indicator) => void }) {
  const tables = useTables();
  const info = useTableInfo(value.table || null);
  const set = (p: Partial<Indicator>) => onChange({ ...value, ...p });
  const dims = info?.dimensions.filter((d) => d.dimension_id !== AREA_DIMENSION) ?? [];
  const freqs = info ? Object.keys(info.periods_by_freq) : [];
  // A new table: its first measure and frequency, and the dimensions at their totals.
  useEffect(() => {
    if (!info) return;
    const patch: Partial<Indicator> = {};
    if (!info.mgroups.some((m) => m.mgroup_id === value.measure)) patch.measure = info.mgroups[0]?.mgroup_id ?? '';
    if (!(value.freq in info.periods_by_freq)) patch.freq = (Object.keys(info.periods_by_freq)[0] ?? 'M') as Freq;
    const known = Object.fromEntries(Object.entries(value.dims).filter(([d]) => info.dimensions.some((x) => x.dimension_id === d)));
    // A dimension without a total needs a value: its first.
    for (const d of info.dimensions) {
      const first = d.hierarchies[0]?.levels[0]?.values[0]?.value_id;
      if (d.dimension_id !== AREA_DIMENSION && d.total === undefined && !(d.dimension_id in known) && first) known[d.dimension_id] = first;
    }
    if (JSON.stringify(known) !== JSON.stringify(value.dims)) patch.dims = known;
    if (Object.keys(patch).length > 0) onChange({ ...value, ...patch });
  }, [info, value, onChange]);
  return (
    <div className="indicator-fields">
      <Select id={`${id}-table`} label="Tabel i statistikbanken" value={value.table} onChange={(table) => set({ table, dims: {} })} options={[{ value: '', label: 'Vælg tabel' }, ...(tables.some((t) => t.id === value.table) || !value.table ? [] : [{ value: value.table, label: 'Den gemte tabel (findes ikke i udgivelsen)' }]), ...tables.map((t) => ({ value: t.id, label: t.name }))]} />
      {info && (
        <>
          <Select id={`${id}-measure`} label="Mål (tal i tabellen)" value={value.measure} onChange={(measure) => set({ measure })} options={info.mgroups.map((m) => ({ value: m.mgroup_id, label: m.mgroup_name }))} />
          <Select id={`${id}-area`} label="Område" hint="Jobcentrets eget område er valgt på forhånd; vælg fx regionen, hele landet eller jobcentrets klynge til sammenligning." value={value.area} onChange={(area) => set({ area })} options={areaChoices(info, value.area)} />
          {dims.map((d) => {
            const values = d.hierarchies.flatMap((h) => h.levels.flatMap((l) => l.values));
            return (
              <Select
                key={d.dimension_id}
                id={`${id}-dim-${d.dimension_id}`}
                label={d.dimension_name}
                value={value.dims[d.dimension_id] ?? ''}
                onChange={(v) => {
                  const next = { ...value.dims };
                  if (v === '') delete next[d.dimension_id];
                  else next[d.dimension_id] = v;
                  set({ dims: next });
                }}
                options={[...(d.total === undefined ? [] : [{ value: '', label: 'I alt' }]), ...values.filter((v) => v.value_id !== d.total).map((v) => ({ value: v.value_id, label: v.value_name }))]}
              />
            );
          })}
          <Select id={`${id}-freq`} label="Hyppighed" value={value.freq} onChange={(freq) => set({ freq: freq as Freq })} options={freqs.map((f) => ({ value: f, label: freqNames[f] ?? f }))} />
        </>
      )}
    </div>
  );
}

const goalKindNames: Record<GoalKind, string> = { level: 'Et niveau', change: 'En ændring (i enheder)', relative_change: 'En ændring i procent' };

/**
 * One target's form. `id` prefixes its fields' ids; `area` is the document's area; `goal`, the
 * ministerial goal the target is under: an empty target gets the goal's indicator in `area`.
 */
export function TargetEditor({ id, target, onChange, onRemove, area, view, heading, goal }: { id: string; target: Target; onChange: (t: Target) => void; onRemove: () => void; area: string; view?: TargetView; heading: string; goal?: { year: number; number: number } }) {
  const ind = target.indicator;
  const suggested = useGoalIndicators(goal);
  const prefilled = useRef(false);
  useEffect(() => {
    // Once, for a target just added: unticking "målbart" afterwards stays unticked.
    if (prefilled.current || suggested.length === 0) return;
    prefilled.current = true;
    if (target.title === '' && target.indicator === null) onChange(newTarget(area, suggested));
  }, [suggested, target, area, onChange]);
  const info = useTableInfo(ind?.table || null);
  const [fetching, setFetching] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const set = (p: Partial<Target>) => onChange({ ...target, ...p });
  const periods = ind && info ? (info.periods_by_freq[ind.freq] ?? []) : [];
  const latest = periods.at(-1);
  const chooseBaseline = async (period: string) => {
    if (!period) return set({ baseline: null });
    set({ baseline: { period, value: target.baseline?.value ?? NaN } });
    if (!ind || !info) return;
    setFetching(true);
    setNote(null);
    try {
      const v = await readValue(info, ind, period);
      if (v === null) setNote(`Statistikbanken har ikke et offentliggjort tal for ${periodName(period)}. Skriv udgangspunktet selv.`);
      onChange({ ...target, baseline: { period, value: v ?? NaN } });
    } catch (e) {
      setNote((e as Error).message);
    } finally {
      setFetching(false);
    }
  };
  const goalValue = target.goal ? (target.goal.kind === 'relative_change' ? Math.round(target.goal.value * 100 * 1e6) / 1e6 : target.goal.value) : null;
  return (
    <fieldset className="target-editor">
      <legend className="h5">{heading}</legend>
      <Field id={`${id}-title`} label="Mål (tekst)" hint="Fx: Andelen på kontanthjælp skal falde med 5 %." value={target.title} onChange={(title) => set({ title })} />
      <div className="form-group form-group-checkbox">
        <input
          className="form-checkbox"
          type="checkbox"
          id={`${id}-measurable`}
          checked={ind !== null}
          onChange={(e) => set(e.target.checked ? { indicator: suggested[0] ? fromGoal(suggested[0], area) : { table: '', measure: '', area, dims: {}, freq: 'M' } } : { indicator: null })}
        />
        <label htmlFor={`${id}-measurable`}>Bind målet til et tal i statistikbanken (målbart mål)</label>
      </div>
      {ind && (
        <>
          {suggested.length > 1 && (
            <Select
              id={`${id}-goal-indicator`}
              label="Ministermålets indikatorer"
              hint="Vælg en af ministermålets indikatorer, eller vælg tabel og tal selv nedenfor."
              value={String(suggested.findIndex((g) => g.table === ind.table && g.measure === ind.measure && JSON.stringify(g.dims) === JSON.stringify(ind.dims)))}
              onChange={(i) => suggested[Number(i)] && set({ indicator: fromGoal(suggested[Number(i)]!, ind.area) })}
              options={[{ value: '-1', label: 'Egen indikator' }, ...suggested.map((g, i) => ({ value: String(i), label: g.label }))]}
            />
          )}
          <IndicatorFields id={id} value={ind} onChange={(indicator) => set({ indicator })} />
          {info && (
            <div className="target-goal-fields">
              <Select
                id={`${id}-baseline-period`}
                label="Udgangspunkt: periode"
                hint="Værdien hentes fra statistikbanken, når du vælger perioden."
                value={target.baseline?.period ?? ''}
                onChange={(p) => void chooseBaseline(p)}
                options={[{ value: '', label: 'Intet udgangspunkt' }, ...[...periods].reverse().map((p) => ({ value: p, label: periodName(p) }))]}
              />
              <p role="status" className="target-fetch form-hint">{fetching ? 'Henter udgangspunktet …' : (note ?? '')}</p>
              {target.baseline && (
                <NumberField id={`${id}-baseline-value`} label="Udgangspunkt: værdi" value={Number.isFinite(target.baseline.value) ? target.baseline.value : null} onChange={(v) => set({ baseline: { period: target.baseline!.period, value: v ?? NaN } })} />
              )}
              <Select
                id={`${id}-goal-kind`}
                label="Målet er"
                value={target.goal?.kind ?? ''}
                onChange={(k) => set({ goal: k ? { kind: k as GoalKind, value: target.goal?.value ?? 0 } : null, ...(k === 'level' && !target.direction ? { direction: 'at_least' as const } : {}) })}
                options={[{ value: '', label: 'Vælg' }, ...(Object.keys(goalKindNames) as GoalKind[]).map((k) => ({ value: k, label: goalKindNames[k] }))]}
              />
              {target.goal && (
                <NumberField
                  id={`${id}-goal-value`}
                  label={target.goal.kind === 'level' ? 'Niveau' : target.goal.kind === 'change' ? 'Ændring' : 'Ændring i procent'}
                  hint={target.goal.kind === 'relative_change' ? 'Fx −5 for et fald på 5 %.' : target.goal.kind === 'change' ? 'Fx −2 for et fald på 2 (i tallets enhed).' : 'Det niveau, tallet skal nå.'}
                  value={goalValue}
                  onChange={(v) => set({ goal: { kind: target.goal!.kind, value: v === null ? 0 : target.goal!.kind === 'relative_change' ? v / 100 : v } })}
                />
              )}
              <Select
                id={`${id}-direction`}
                label="Retning"
                hint={target.goal?.kind === 'level' ? 'Skal niveauet nås som mindst eller som højst?' : 'Følger ændringens fortegn, hvis du ikke vælger.'}
                value={target.direction ?? ''}
                onChange={(d) => {
                  const next = { ...target };
                  if (d) next.direction = d as 'at_least' | 'at_most';
                  else delete next.direction;
                  onChange(next);
                }}
                options={[...(target.goal?.kind === 'level' ? [] : [{ value: '', label: 'Følger ændringen' }]), { value: 'at_least', label: 'Mindst (højere er bedre)' }, { value: 'at_most', label: 'Højst (lavere er bedre)' }]}
              />
              <Field
                id={`${id}-deadline`}
                label="Frist (periode)"
                hint={`Samme hyppighed som tallet, fx ${ind.freq === 'R' ? '2026M01-2026M12' : ind.freq === 'Q' ? '2026Q4' : ind.freq === 'Y' ? '2026' : '2026M12'}.${latest ? ` Nyeste periode i udgivelsen: ${latest}.` : ''}`}
                className="input-width-m"
                value={target.deadline ?? ''}
                onChange={(d) => set({ deadline: d.trim() === '' ? null : d.trim() })}
              />
            </div>
          )}
        </>
      )}
      <TargetStatusView view={view} measurable={ind !== null} measure={ind?.measure} />
      <button type="button" className="button button-tertiary" onClick={onRemove}>Fjern målet<span className="sr-only">: {target.title || heading}</span></button>
    </fieldset>
  );
}

/** A value in its measure's unit; without the measure at most two decimals ("652", not "652,00"). */
const num = (v: number, measure?: string) => (measure ? formatValue(v, measure) : new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }).format(v));
/** An axis label: the measure's decimals, no unit (the caption names it). */
const axis = (v: number, measure?: string) => (measure ? formatValue(v, measure, { unit: false }) : new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }).format(v));

export function StatusBadge({ status }: { status: TargetStatus }) {
  return <span className={statusClass(status)}>{statusLabels[status]}</span>;
}

/** The live status of a saved target: the badge, the reason and the series with the forecast. */
export function TargetStatusView({ view, measurable, measure }: { view?: TargetView; measurable?: boolean; measure?: string }) {
  const headingId = useId();
  if (!view) return measurable === false ? null : <p className="form-hint">Gem planen for at se målets status.</p>;
  const e = view.evaluation;
  return (
    <div className="target-status" aria-labelledby={headingId} role="group">
      <p className="mb-2" id={headingId}>
        Status: <StatusBadge status={e.status} />
        {e.latest && <> · seneste {periodName(e.latest.period)}: {num(e.latest.value, measure)}</>}
        {e.target && <> · målværdi {e.target.direction === 'at_least' ? 'mindst' : 'højst'} {num(e.target.value, measure)}</>}
      </p>
      <p className="form-hint mt-0">{e.reason}</p>
      {e.target && <TargetChart view={view} measure={measure} />}
    </div>
  );
}


/** Periods between two period ids of one frequency (M, Q, Y or rolling year, by its last month). */
function stepsBetween(a: string, b: string): number {
  const k = (p: string) => {
    const m = /^(\d{4})(?:([MQ])(\d{1,2}))?$/.exec(p.includes('-') ? p.split('-')[1]! : p);
    if (!m) return 0;
    const y = Number(m[1]);
    return m[2] === 'M' ? y * 12 + Number(m[3]) : m[2] === 'Q' ? y * 4 + Number(m[3]) : y;
  };
  return k(b) - k(a);
}

/** The series, the target line and the forecast with its interval out to the deadline. */
export function TargetChart({ view, measure }: { view: TargetView; measure?: string }) {
  const e = view.evaluation;
  const observed = view.series.map((p, i) => ({ i, v: p.value })).filter((p): p is { i: number; v: number } => p.v !== null);
  if (observed.length < 2 || !e.target) return null;
  const fc = e.forecast;
  const n = view.series.length + (fc ? Math.max(1, stepsBetween(view.series.at(-1)!.period, fc.period)) : 0);
  const values = [...observed.map((p) => p.v), e.target.value, ...(fc ? [fc.lower, fc.upper] : [])];
  let lo = Math.min(...values), hi = Math.max(...values);
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.1;
  [lo, hi] = [lo - pad, hi + pad];
  const W = 560, H = 170, L = 56, R = 12, T = 10, B = 24;
  const x = (i: number) => L + (i / Math.max(1, n - 1)) * (W - L - R);
  const y = (v: number) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
  const last = observed.at(-1)!;
  const line = observed.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
  const side = e.target.direction === 'at_least' ? 'mindst' : 'højst';
  const label = `Graf: ${view.series[0]!.period} til ${view.series.at(-1)!.period}, seneste værdi ${num(last.v, measure)}; målet er ${side} ${num(e.target.value, measure)}${fc ? `; prognosen for ${fc.period} er ${num(fc.value, measure)} (${Math.round(fc.level * 100)} %-interval ${num(fc.lower, measure)} til ${num(fc.upper, measure)})` : ''}.`;
  return (
    <figure className="chart target-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} fontSize="11">
        {fc && (
          <>
            <path d={`M${x(last.i)},${y(last.v)}L${x(n - 1)},${y(fc.upper)}L${x(n - 1)},${y(fc.lower)}Z`} fill="#cfe2f3" />
            <line x1={x(last.i)} y1={y(last.v)} x2={x(n - 1)} y2={y(fc.value)} stroke="#004993" strokeDasharray="4 3" strokeWidth="2" />
          </>
        )}
        <line x1={L} x2={W - R} y1={y(e.target.value)} y2={y(e.target.value)} stroke="#b51d09" strokeWidth="1.5" />
        <path d={line} fill="none" stroke="#1a1a1a" strokeWidth="2" />
        {[lo + pad, hi - pad].map((t) => <text key={t} x={L - 4} y={y(t) + 4} textAnchor="end">{axis(t, measure)}</text>)}
        <text x={L} y={H - 6}>{shortPeriod(view.series[0]!.period)}</text>
        <text x={W - R} y={H - 6} textAnchor="end">{shortPeriod(fc?.period ?? view.series.at(-1)!.period)}</text>
      </svg>
      <figcaption>Sort: faktisk. Rød: målværdien ({num(e.target.value, measure)}).{fc ? ` Blå: prognose med ${Math.round(fc.level * 100)} %-interval.` : ''}</figcaption>
    </figure>
  );
}
