/**
 * A document as readers see it: its content with every target's status and series and every
 * live figure's value against one release. The API sends it to the web app, and the HTML and
 * PDF are rendered from it, so the three show the same numbers.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { findRelease } from '../indicators/index.js';
import { areaById } from '../reference/index.js';
import { clusterAreaName } from '../statbank/index.js';
import { describeIndicator, describeTarget, IndicatorError, meets, type SeriesPoint, type TargetEvaluator } from '../targets/index.js';
import { documentPeriodName, kindNames, kindSpec, type DocumentKind, type DocumentView, type FigureView, type LinkedView, type StatusReport, type StoredDocument, type TargetView } from './kinds/index.js';
import { targetsOf } from './content.js';
import { checkContent } from './minimum.js';
import { stateNames, type DocumentState } from './names.js';

export type { DocumentView, TargetView } from './kinds/index.js';

/** An area's name, for clusters too. */
export const areaName = (id: string) => (id.startsWith('KL') ? clusterAreaName(Number(id.slice(2))) : (areaById.get(id)?.name ?? id));

export async function documentView(db: Kysely<Database>, evaluator: TargetEvaluator, doc: StoredDocument): Promise<DocumentView> {
  const release = await findRelease(db);
  const items = targetsOf(doc.kind, doc.content);
  const targets: TargetView[] = [];
  const figures: FigureView[] = [];
  const described = (t: (typeof items)[number]['target']) => ({ description: describeTarget(t), indicator: t.indicator ? describeIndicator(t.indicator) : null });
  const spec = kindSpec(doc.kind);
  const to = spec.lastYear?.(doc.content as never, doc.year) ?? null;
  const years = to === null ? [] : Array.from({ length: to - doc.year + 1 }, (_, i) => doc.year + i);
  const rows: StatusReport['rows'] = [];
  if (release) {
    const evals = await evaluator.evaluate(items.map((i) => i.target), release.version);
    for (const [k, i] of items.entries()) {
      const s = i.target.indicator ? await evaluator.read(i.target.indicator, release.version) : [];
      const series = s instanceof IndicatorError ? [] : s;
      targets.push({ path: i.path, section: i.section, evaluation: evals[k]!, ...described(i.target), series: series.slice(-36) });
      rows.push({ path: i.path, section: i.section, title: i.target.title, measure: i.target.indicator?.measure ?? null, target: evals[k]!.target, years: years.map((y) => yearValue(series, y, evals[k]!.target)) });
    }
    const live = kindSpec(doc.kind).sections(doc.content).flatMap((s) => (s.type === 'figures' && s.live ? s.live.map((f, i) => ({ path: `${s.path}.${i}`, f })) : []));
    for (const { path, f } of live) {
      const s = await evaluator.read(f.indicator, release.version);
      if (s instanceof IndicatorError) {
        figures.push({ path, label: f.label, period: f.period, value: null, note: s.message });
        continue;
      }
      const p = f.period ? s.find((x) => x.period === f.period) : [...s].reverse().find((x) => x.value !== null);
      figures.push({ path, label: f.label, period: p?.period ?? f.period, value: p?.value ?? null, note: p ? (p.value === null ? 'Tallet er diskretioneret (for få personer).' : null) : `Perioden ${f.period ?? ''} findes ikke i udgivelsen.` });
    }
  } else {
    items.forEach((i) => {
      targets.push({ path: i.path, section: i.section, evaluation: { status: 'no_data', target: null, latest: null, atDeadline: null, forecast: null, probability: null, reason: 'Der er ingen udgivelse endnu.' }, ...described(i.target), series: [] });
      rows.push({ path: i.path, section: i.section, title: i.target.title, measure: i.target.indicator?.measure ?? null, target: null, years: years.map((year) => ({ year, period: null, value: null, met: null })) });
    });
  }
  const span = to !== null && to > doc.year ? `${doc.year} til ${to}` : String(doc.year);
  const linked: LinkedView[] = [];
  for (const l of kindSpec(doc.kind).links?.(doc) ?? []) {
    const other = await db.selectFrom('document').selectAll().where('kind', '=', l.kind as DocumentKind).where('area', '=', doc.area).where('year', '=', l.year).where('period', '=', '').executeTakeFirst();
    if (!other || (doc.state === 'published' && other.state !== 'published')) continue;
    const spec = kindSpec(other.kind as DocumentKind);
    linked.push({ id: other.id, kind: other.kind, title: `${kindNames[other.kind as DocumentKind]} ${other.year}`, state: other.state as DocumentState, state_name: stateNames[other.state as DocumentState], lines: (() => { const c = spec.schema.safeParse(other.content); return c.success ? (spec.digest?.(c.data) ?? []) : []; })() });
  }
  return {
    document: doc,
    title: `${kindNames[doc.kind]} ${to !== null && to > doc.year ? `${doc.year}–${to}` : documentPeriodName(doc)} – ${areaName(doc.area)}`,
    area_name: areaName(doc.area),
    state_name: stateNames[doc.state],
    release: release ? { version: release.version, cutoff_week: release.cutoff_week } : null,
    check: checkContent(doc.kind, doc.content),
    targets,
    figures,
    linked,
    status: to === null ? null : { title: `Status på mål i ${kindNames[doc.kind].toLowerCase()} ${span}`, from: doc.year, to, rows },
  };
}

/** The value in the year's last period with a number (a rolling year by its last month), and whether it meets the target. */
export function yearValue(series: readonly SeriesPoint[], year: number, target: StatusReport['rows'][number]['target']): StatusReport['rows'][number]['years'][number] {
  const endYear = (period: string) => Number((period.includes('-') ? period.split('-')[1]! : period).slice(0, 4));
  const p = [...series].reverse().find((x) => x.value !== null && endYear(x.period) === year);
  if (!p || p.value === null) return { year, period: null, value: null, met: null };
  return { year, period: p.period, value: p.value, met: target ? meets(p.value, target) : null };
}
