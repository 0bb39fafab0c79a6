/**
 * Drafting the results audit (resultatrevision) of every jobcenter for a year, following the
 * template (seed 000): how the jobcenter did against last year, its peer cluster and its
 * expected level; the ministerial goals; people on benefits by target group; the savings
 * potential; improvement areas; and the status of the year's plan targets. Every number is
 * read from the release (through the statistics bank) and its benchmarking, rounded as the
 * bank publishes it, and the prose is made from templates with those numbers only.
 * Regenerating replaces `generated` and keeps what people wrote (analysis, comments).
 */
import type { Kysely } from 'kysely';
import type { AuditActor } from '../access/index.js';
import { benchmarkMeasureById, findBenchmarkSeries, findPeers, findRun, type StoredRun } from '../benchmark/index.js';
import type { Database } from '../db/index.js';
import { areaName, employmentRegionOf } from '../reference/index.js';
import { censoredSelfSupport, measureUnit, periodName, type StatbankService } from '../statbank/index.js';
import { savingsMethod, savingsSentence, savingsTotal } from '../benchmark/shared.js';
import { describeTarget, statusLabels, TargetEvaluator, yearEnd, type TargetStatus } from '../targets/index.js';
import { cellAt, clusterComparable, readCells, readPopulations, type Cell } from './audit-read.js';
import { targetsOf } from './content.js';
import { auditContentSchema, type AuditContent, type AuditGenerated, type IndicatorRow, type OverviewRow } from './kinds/index.js';
import { createDocument, findDocumentFor } from './documents.repository.js';
import { saveContent } from './documents.service.js';
import { DocumentError } from './errors.js';
import { goalsInForce } from './goals.js';

const round = (v: number | null | undefined, d: number) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);
const mean = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
};
export const fmtNumber = (v: number | null, decimals = 0) => (v === null ? '–' : v.toLocaleString('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
const pctChange = (cur: number | null, prev: number | null) => (cur === null || prev === null || prev === 0 ? null : ((cur - prev) / prev) * 100);
const changeWord = (c: number) => (c > 0 ? 'en stigning' : c < 0 ? 'et fald' : 'uændret');

/** Everything shared by the year's audits: the release, the run, the series of all jobcenters. */
interface AuditBasis {
  run: StoredRun;
  year: number;
  t: number;
  tPrev: number;
  peers: Awaited<ReturnType<typeof findPeers>>;
  series: Map<string, Map<string, { actual: number | null; expected: number | null; ratio: number | null; rank: number | null }[]>>;
  goals: Awaited<ReturnType<typeof goalsInForce>>;
  /** The bank's reads every audit of the run makes alike, made once (see `once`). */
  reads: Map<string, Promise<unknown>>;
}

/**
 * A read shared by the run's audits: the first audit that needs it starts it, the others wait
 * for the same answer (so 94 audits read the jobcenters' cells once, not once each).
 */
function once<T>(basis: AuditBasis, key: unknown[], read: () => Promise<T>): Promise<T> {
  const k = JSON.stringify(key);
  let got = basis.reads.get(k) as Promise<T> | undefined;
  if (!got) {
    got = read();
    basis.reads.set(k, got);
  }
  return got;
}

async function loadBasis(db: Kysely<Database>, year: number, release?: number): Promise<AuditBasis> {
  const run = await findRun(db, release);
  if (!run) throw new DocumentError(404, 'no_benchmark', release ? `Udgivelse ${release} er ikke benchmarket. Kør styr benchmark først.` : 'Der er ingen benchmarking endnu. Kør styr benchmark først.');
  const period = `${year}M01-${year}M12`;
  const t = run.periods.indexOf(period);
  const tPrev = run.periods.indexOf(`${year - 1}M01-${year - 1}M12`);
  if (t < 0 || tPrev < 0) {
    throw new DocumentError(400, 'year', `Udgivelse ${run.release.version} dækker ikke både ${year - 1} og ${year} (løbende år ${run.periods[0]} til ${run.periods.at(-1)}). Vælg et andet år.`, { field: 'year' });
  }
  const measures = run.measures.filter((m) => 'kind' in m).map((m) => m.id);
  return { run, year, t, tPrev, peers: await findPeers(db, run.id), series: await findBenchmarkSeries(db, run, measures), goals: await goalsInForce(db, year), reads: new Map() };
}

/** The period of a goal indicator at the end of the year, in its frequency. */

/** Why the benchmarking has no value: censored self-support at the end of the data, or not published / too few persons. */
function benchmarkMissing(measure: string, period: string, cutoff: string | null): string {
  const end = /(\d{4})M(\d{2})$/.exec(period);
  const endDate = end ? Date.UTC(Number(end[1]), Number(end[2]), 0) : NaN;
  if (measure.startsWith('self_support_') && cutoff && endDate + 28 * 864e5 > Date.parse(cutoff)) return censoredSelfSupport;
  return 'Ikke beregnet: tallet er ikke offentliggjort, eller der er for få personer bag det.';
}

export async function draftAudit(db: Kysely<Database>, statbank: StatbankService, evaluator: TargetEvaluator, basis: AuditBasis, jobcenter: string): Promise<AuditGenerated> {
  const { run, t, tPrev, year } = basis;
  const release = run.release.version;
  const me = basis.peers.find((p) => p.jobcenter === jobcenter);
  if (!me) throw new DocumentError(404, 'not_found', `${areaName(jobcenter)} er ikke med i benchmarkingen.`);
  const members = basis.peers.filter((p) => p.cluster === me.cluster).map((p) => p.jobcenter);
  const clusterId = `KL${me.cluster}`;
  const all = basis.peers.map((p) => p.jobcenter);
  /** The cells of every jobcenter (read once per run) and of this audit's cluster (once per cluster). */
  const cellsOf = (table: string, measure: string, periods: string[], dims: Record<string, string>, byDim?: string) => [
    once(basis, ['cells', 'jobcenters', table, measure, periods, dims, byDim], () => readCells(statbank, release, table, measure, all, periods, dims, byDim)),
    once(basis, ['cells', clusterId, table, measure, periods, dims, byDim], () => readCells(statbank, release, table, measure, [clusterId], periods, dims, byDim)),
  ];
  const period = run.periods[t]!, previous = run.periods[tPrev]!;

  // Results overview: the benchmarking's measures, as styr_benchmark publishes them.
  const cutoff = run.release.cutoff_week;
  const overview: OverviewRow[] = [...basis.series].map(([measure, byJc]) => {
    const m = benchmarkMeasureById.get(measure)!;
    const s = byJc.get(jobcenter);
    const row = {
      measure, label: m.label, unit: m.unit, decimals: 2, higher_is_better: m.higherIsBetter,
      current: round(s?.[t]?.actual, 2), previous: round(s?.[tPrev]?.actual, 2),
      cluster: round(mean(members.map((j) => round(byJc.get(j)?.[t]?.actual, 2))), 2),
      expected: round(s?.[t]?.expected, 2), ratio: round(s?.[t]?.ratio, 3), rank: round(s?.[t]?.rank, 0),
    };
    const missing: OverviewRow['missing'] = {};
    if (row.current === null) missing.current = benchmarkMissing(measure, period, cutoff);
    if (row.previous === null) missing.previous = benchmarkMissing(measure, previous, cutoff);
    if (row.cluster === null) missing.cluster = benchmarkMissing(measure, period, cutoff);
    if (row.expected === null) missing.expected = row.current === null ? missing.current! : 'Ikke beregnet: modellen har intet forventet niveau for jobcentret.';
    return { ...row, missing };
  });

  // Population 16–66 of the jobcenter and its cluster's members, to scale the cluster's counts.
  const goalPeriods = basis.goals.goals.flatMap((g) => g.indicators.flatMap((i) => [yearEnd(i.freq, year - 1), yearEnd(i.freq, year)]));
  // Per period, so that a period the release lacks does not hide the others.
  const pops = await Promise.all([...new Set([previous, period, ...goalPeriods])].map((p) => once(basis, ['population', p], () => readPopulations(statbank, release, all, [p])).catch(() => null)));
  const pop = new Map(members.map((j) => [j, new Map(pops.flatMap((m) => [...(m?.get(j) ?? [])]))]));

  /** One indicator for the jobcenter and its cluster, at two periods, every missing value with its reason. */
  const compare = (measure: string, periods: [string, string], decimals: number, mine: Cell[], cl: Cell[]) => {
    const [prev, cur] = periods;
    const missing: IndicatorRow['missing'] = {};
    const put = (k: keyof IndicatorRow['missing'], c: Cell) => {
      if (c.value === null && c.why) missing[k] = c.why;
      return c.value;
    };
    return {
      decimals, unit: measureUnit(measure).unit, period: cur, previous_period: prev, cluster_basis: measureUnit(measure).kind === 'rate' ? ('rate' as const) : ('scaled' as const),
      current: put('current', mine[1]!), previous: put('previous', mine[0]!), cluster_current: put('cluster_current', cl[1]!), cluster_previous: put('cluster_previous', cl[0]!), missing,
    };
  };

  // The ministerial goals' indicators, at the end of the year in their frequency (as the plan's targets).
  const indicatorRow = async (label: string, table: string, measure: string, dims: Record<string, string>, freq: string): Promise<IndicatorRow> => {
    const periods: [string, string] = [yearEnd(freq, year - 1), yearEnd(freq, year)];
    const [mine, theirs] = await Promise.all(cellsOf(table, measure, periods, dims).map((r) => r.catch(() => null)));
    const decimals = mine?.decimals ?? theirs?.decimals ?? 0;
    const cl = periods.map((p) => clusterComparable(measure, members, jobcenter, p, mine?.cells ?? null, cellAt(theirs?.cells ?? null, clusterId, p), pop, '', decimals));
    return { label, table, measure, dims, ...compare(measure, periods, decimals, periods.map((p) => cellAt(mine?.cells ?? null, jobcenter, p)), cl) };
  };
  const goals = {
    year: basis.goals.year,
    items: await Promise.all(basis.goals.goals.map(async (g) => ({ number: g.number, title: g.title, indicators: await Promise.all(g.indicators.map((i) => indicatorRow(i.label, i.table, i.measure, i.dims, i.freq))) }))),
  };

  // People on public benefits by target group: full-time persons, yearly average; the cluster scaled to the jobcenter.
  const rolling: [string, string] = [previous, period];
  const [mineB, theirsB] = await Promise.all(cellsOf('ptv_a02', 'fulltime', rolling, {}, 'ydelsesgrupper'));
  const ptv = await statbank.table('ptv_a02', release);
  const benefitDim = ptv.dimById.get('ydelsesgrupper')!;
  const levelOf = (id: string) => (id === 'public_support' ? 'total' : id.startsWith('category_') ? 'category' : 'group');
  const benefits = [...benefitDim.values]
    .filter(([id]) => id !== 'gross_unemployed')
    .map(([id, v]) => ({
      id, level: levelOf(id) as 'total' | 'category' | 'group', label: v.name, table: 'ptv_a02', measure: 'fulltime', dims: { ydelsesgrupper: id },
      ...compare('fulltime', rolling, mineB!.decimals, rolling.map((p) => cellAt(mineB!.cells, jobcenter, p, id)), rolling.map((p) => clusterComparable('fulltime', members, jobcenter, p, mineB!.cells, cellAt(theirsB!.cells, clusterId, p, id), pop, id, mineB!.decimals))),
    }));

  // Savings potential (the benchmarking's, for its newest period): one definition, src/benchmark/savings-text.ts.
  const catName = (c: string) => (c === 'public_support' ? 'Offentligt forsørgede i alt' : (benchmarkMeasureById.get(`share_${c}`)?.label.split(':')[0] ?? c));
  const line = (s: (typeof run.savings)[number]): AuditGenerated['savings']['rows'][number] => ({ category: s.category, label: catName(s.category), fulltime: round(s.fulltime_vs_expected, 0)!, dkk: round(s.dkk_vs_expected, 0)!, fulltime_best: round(s.fulltime_vs_best_quartile, 0)!, dkk_best: round(s.dkk_vs_best_quartile, 0)! });
  const mySavings = run.savings.filter((s) => s.jobcenter === jobcenter);
  const totalRow = savingsTotal(mySavings);
  const unitCosts = (run.settings as { unitCosts?: Record<string, number> }).unitCosts;
  const savings = {
    period: mySavings[0]?.period ?? run.periods.at(-1)!,
    rows: mySavings.filter((s) => s.category !== 'public_support').map(line),
    total: totalRow ? line(totalRow) : null,
    total_dkk: round(totalRow?.dkk_vs_expected ?? 0, 0)!,
    method: savingsMethod(unitCosts?.public_support),
  };

  // Improvement areas: worse than expected and than the cluster, worst first (by actual ÷ expected).
  const worse = (r: OverviewRow) => (r.higher_is_better ? 1 / r.ratio! : r.ratio!);
  const improvements = overview
    .filter((r) => r.current !== null && r.expected !== null && r.ratio !== null && worse(r) > 1 && (r.cluster === null || (r.higher_is_better ? r.current < r.cluster : r.current > r.cluster)))
    .sort((a, b) => worse(b) - worse(a))
    .slice(0, 3)
    .map((r) => ({
      measure: r.measure, label: r.label, unit: r.unit, decimals: r.decimals, actual: r.current!, expected: r.expected!, ratio: r.ratio!, cluster: r.cluster, rank: r.rank,
      text: `${r.label}: ${fmtNumber(r.current, 2)} ${r.unit} mod forventet ${fmtNumber(r.expected, 2)} ${r.unit} (faktisk i forhold til forventet ${fmtNumber(r.ratio, 3)})${r.cluster === null ? '' : ` og klyngens ${fmtNumber(r.cluster, 2)} ${r.unit}`}; placering ${fmtNumber(r.rank)} af ${basis.peers.length}.`,
    }));

  // The year's plan and its targets, against this release.
  const planDoc = await findDocumentFor(db, 'employment_plan', jobcenter, year);
  let plan: AuditGenerated['plan'] = null;
  if (planDoc) {
    const items = targetsOf('employment_plan', planDoc.content);
    const evals = await evaluator.evaluate(items.map((i) => i.target), release);
    plan = { id: planDoc.id, year, state: planDoc.state, targets: items.map((i, k) => ({ section: i.section, title: i.target.title, description: describeTarget(i.target), status: evals[k]!.status, status_label: statusLabels[evals[k]!.status], reason: evals[k]!.reason })) };
  }

  const name = areaName(jobcenter);
  const total = benefits.find((b) => b.id === 'public_support')!;
  const totalChange = pctChange(total.current, total.previous);
  const clusterChange = pctChange(total.cluster_current, total.cluster_previous);
  const share = overview.find((r) => r.measure === 'share_public_support');
  const text = {
    overview: share
      ? `${name} havde i ${year} ${fmtNumber(share.current, 2)} pct. af befolkningen 16-66 år på offentlig forsørgelse (fuldtidspersoner) mod ${fmtNumber(share.previous, 2)} pct. i ${year - 1}. Klyngen havde i gennemsnit ${fmtNumber(share.cluster, 2)} pct., og det forventede niveau ud fra rammevilkårene var ${fmtNumber(share.expected, 2)} pct. Placering ${fmtNumber(share.rank)} af ${basis.peers.length}.`
      : '',
    goals: goals.year === null ? `Der er ikke udmeldt ministermål for ${year} eller tidligere.` : `Ministermålene for ${goals.year}${goals.year === year ? '' : ` (de nyeste, der er udmeldt for ${year})`}: ${goals.items.length} mål med ${goals.items.reduce((a, g) => a + g.indicators.length, 0)} indikatorer.`,
    benefits: `Antallet af fuldtidspersoner på offentlig forsørgelse var ${fmtNumber(total.current, total.decimals)} i ${year} mod ${fmtNumber(total.previous, total.decimals)} i ${year - 1}${totalChange === null ? '' : `, ${changeWord(totalChange)} på ${fmtNumber(Math.abs(totalChange), 1)} %`}.${clusterChange === null ? '' : ` I klyngen var udviklingen ${changeWord(clusterChange)} på ${fmtNumber(Math.abs(clusterChange), 1)} %.`}`,
    savings: savingsSentence(name, periodName(savings.period), totalRow),
    improvements: improvements.length === 0 ? `${name} ligger ikke både over sit forventede niveau og under klyngen på nogen af målene.` : `${improvements.length} ${improvements.length === 1 ? 'område' : 'områder'}, hvor ${name} ligger dårligst i forhold til sit forventede niveau og klyngen.`,
    plan: plan ? `Beskæftigelsesplanen for ${year} har ${plan.targets.length} mål: ${(['met', 'missed', 'on_track', 'at_risk', 'off_track', 'no_data', 'not_measurable'] as TargetStatus[]).map((s) => [s, plan!.targets.filter((x) => x.status === s).length] as const).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${statusLabels[s].toLowerCase()}`).join(', ')}.` : `Der er ingen beskæftigelsesplan for ${year} i Styringshjulet.`,
  };

  const region = employmentRegionOf(jobcenter);
  return {
    generated_at: new Date().toISOString(),
    release: { version: release, cutoff_week: run.release.cutoff_week },
    run: run.id, year, period, previous_period: previous,
    jobcenter: { id: jobcenter, name, region: region ? { id: region.id, name: region.name } : null },
    cluster: { id: clusterId, number: me.cluster, members: members.map((id) => ({ id, name: areaName(id) })) },
    neighbours: me.neighbours.map((n) => ({ id: n.jobcenter, name: areaName(n.jobcenter) })),
    overview, goals, benefits, savings, improvements, plan, text,
  };
}

/**
 * Drafts (or redrafts) the audits of `jobcenters` (default: all in the benchmarking) for a
 * year. A new audit starts as a draft; an existing draft gets the new numbers and keeps its
 * analysis and comments; an audit past the draft is left alone (reported as skipped).
 */
export async function generateAudits(
  db: Kysely<Database>,
  statbank: StatbankService,
  actor: AuditActor,
  o: { year: number; release?: number; jobcenters?: string[]; onProgress?: (done: number, total: number) => void },
): Promise<{ created: number; updated: number; skipped: { jobcenter: string; reason: string }[]; release: number }> {
  const basis = await loadBasis(db, o.year, o.release);
  const evaluator = new TargetEvaluator(statbank);
  const list = o.jobcenters ?? basis.peers.map((p) => p.jobcenter);
  let created = 0, updated = 0, done = 0;
  const skipped: { jobcenter: string; reason: string }[] = [];
  for (const jc of list) {
    const existing = await findDocumentFor(db, 'results_audit', jc, o.year);
    if (existing && existing.state !== 'draft') {
      skipped.push({ jobcenter: jc, reason: `revisionen er ${existing.state === 'in_hearing' ? 'i høring' : existing.state === 'approved' ? 'godkendt' : 'offentliggjort'}` });
    } else {
      const generated = await draftAudit(db, statbank, evaluator, basis, jc);
      if (existing) {
        const kept = existing.content as AuditContent;
        await saveContent(db, actor, existing.id, existing.revision, { ...kept, generated }, 'generated');
        updated++;
      } else {
        await createDocument(db, actor, { kind: 'results_audit', area: jc, year: o.year, content: auditContentSchema.parse({ generated }), event: 'generated' });
        created++;
      }
    }
    o.onProgress?.(++done, list.length);
  }
  return { created, updated, skipped, release: basis.run.release.version };
}
