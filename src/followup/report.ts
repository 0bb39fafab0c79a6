/**
 * Drafting the region's quarterly follow-up reports (opfølgningsrapport): for each jobcenter,
 * the key measures of the quarter against the same quarter a year before, its peer cluster,
 * its employment region and the country; full-time persons by benefit category; timeliness
 * against the law's requirement; the status of the targets in the year's employment plan; the
 * result problems of the newest benchmarking with their evidence. Every number is a cell of
 * the statistics bank (so /v3/data gives the same), the prose is templates with those
 * numbers. Redrafting replaces `generated` and keeps the region's assessment.
 */
import type { Kysely } from 'kysely';
import type { AuditActor } from '../access/index.js';
import { benchmarkMeasureById, findFlags, findPeers, findReleaseAndRun } from '../benchmark/index.js';
import type { Database } from '../db/index.js';
import {
  cellAt, createDocument, DocumentError, fmtNumber, findDocumentFor, followupContentSchema, readCells, saveContent, stateNames, targetsOf,
  type Cells, type CountRow, type FollowupContent, type FollowupGenerated, type KeyMeasureRow,
} from '../documents/index.js';
import { areaById, areaName, areas, employmentRegionOf } from '../reference/index.js';
import { measureUnit, periodName, type StatbankService } from '../statbank/index.js';
import { describeTarget, statusLabels, TargetEvaluator, type TargetStatus } from '../targets/index.js';

/** The key measures: rates, so that areas of any size compare. */
export const keyMeasures: { id: string; table: string; measure: string; dims: Record<string, string>; higherIsBetter: boolean; label?: string }[] = [
  { id: 'public_support', table: 'ptv_a02', measure: 'pct_population', dims: {}, higherIsBetter: false, label: 'Offentligt forsørgede i pct. af befolkningen 16-66 år' },
  { id: 'gross_unemployed', table: 'y25i01', measure: 'pct_workforce', dims: {}, higherIsBetter: false, label: 'Bruttoledige i pct. af arbejdsstyrken 16-66 år' },
  { id: 'longterm', table: 'y25i09', measure: 'longterm_share', dims: {}, higherIsBetter: false, label: 'Langtidsledige i pct. af de ledige' },
  { id: 'kontanthjaelp', table: 'ptv_a02', measure: 'pct_population', dims: { ydelsesgrupper: 'category_kontanthjaelp' }, higherIsBetter: false, label: 'Kontanthjælp m.v. i pct. af befolkningen 16-66 år' },
  { id: 'sygedagpenge', table: 'ptv_a02', measure: 'pct_population', dims: { ydelsesgrupper: 'sygedagpenge' }, higherIsBetter: false, label: 'Sygedagpenge i pct. af befolkningen 16-66 år' },
  { id: 'activation', table: 'styr_aktivering', measure: 'activation_rate', dims: {}, higherIsBetter: true, label: 'Aktiveringsgrad for bruttoledige' },
  { id: 'timeliness', table: 'styr_rettidighed', measure: 'timeliness', dims: {}, higherIsBetter: true, label: 'Rettidige samtaler' },
];
/** Full-time persons by benefit category: all public support first. */
const benefitIds = ['public_support', 'category_dagpenge', 'category_kontanthjaelp', 'category_sygedagpenge', 'category_foertidspension'];

/** The employment region whose monitors follow the jobcenter up. */
const quarterBefore = (q: string) => `${Number(q.slice(0, 4)) - 1}${q.slice(4)}`;
const flagKinds = { expected_level: 'Under det forventede niveau', legal_requirement: 'Lovkrav ikke opfyldt' } as const;
const flagStatuses = { new: 'Nyt', lasting: 'Vedvarende', resolved: 'Løst' } as const;

/** Everything a quarter's reports share: the release, its benchmarking and the bank's reads, made once. */
interface Basis {
  release: { version: number; cutoff_week: string | null };
  runId: number | null;
  quarter: string;
  previous: string;
  peers: Awaited<ReturnType<typeof findPeers>>;
  threshold: number;
  reads: Map<string, Promise<{ cells: Cells; decimals: number } | null>>;
}

/** The newest quarter the release has whole (its last month is in the release), or an error naming the field. */
export async function quarterOf(statbank: StatbankService, release: number | undefined, quarter?: string): Promise<string> {
  const t = await statbank.table('ptv_a02', release);
  const months = new Set(t.periodsByFreq.get('M') ?? []);
  const whole = (t.periodsByFreq.get('Q') ?? []).filter((q) => months.has(`${q.slice(0, 4)}M${String(Number(q.slice(5)) * 3).padStart(2, '0')}`));
  if (quarter === undefined) {
    const last = whole.at(-1);
    if (!last) throw new DocumentError(400, 'quarter', 'Udgivelsen har intet helt kvartal.', { field: 'quarter' });
    return last;
  }
  if (!/^\d{4}Q[1-4]$/.test(quarter)) throw new DocumentError(400, 'invalid', `Kvartalet skal skrives som 2025Q3 (fik "${quarter}").`, { field: 'quarter' });
  if (!whole.includes(quarter) || !whole.includes(quarterBefore(quarter))) {
    throw new DocumentError(400, 'quarter', `Udgivelse ${t.release.version} har ikke både ${periodName(quarterBefore(quarter))} og ${periodName(quarter)} (hele kvartaler ${periodName(whole[0] ?? '')} til ${periodName(whole.at(-1) ?? '')}). Vælg et andet kvartal.`, { field: 'quarter' });
  }
  return quarter;
}

async function loadBasis(db: Kysely<Database>, statbank: StatbankService, quarter: string | undefined, version?: number): Promise<Basis> {
  const found = await findReleaseAndRun(db, version);
  if (!found) throw new DocumentError(404, 'no_release', version ? `Udgivelse ${version} findes ikke.` : 'Der er endnu ingen udgivelse.');
  const q = await quarterOf(statbank, found.release.version, quarter);
  const run = found.runId;
  const settings = run === null ? null : await db.selectFrom('benchmark_run').select('settings').where('id', '=', run).executeTakeFirst();
  return {
    release: { version: found.release.version, cutoff_week: found.release.cutoff_week },
    runId: run,
    quarter: q,
    previous: quarterBefore(q),
    peers: run === null ? [] : await findPeers(db, run),
    threshold: (settings?.settings as { timelinessThreshold?: number } | undefined)?.timelinessThreshold ?? 80,
    reads: new Map(),
  };
}

/** A read of the bank shared by the quarter's reports (all jobcenters' cells in one query, once). */
function read(statbank: StatbankService, b: Basis, table: string, measure: string, areaIds: string[], dims: Record<string, string>, byDim?: string) {
  const k = JSON.stringify([table, measure, areaIds, dims, byDim]);
  let got = b.reads.get(k);
  if (!got) {
    got = readCells(statbank, b.release.version, table, measure, areaIds, [b.previous, b.quarter], dims, byDim).catch(() => null);
    b.reads.set(k, got);
  }
  return got;
}

async function draftReport(db: Kysely<Database>, statbank: StatbankService, evaluator: TargetEvaluator, b: Basis, jobcenter: string): Promise<FollowupGenerated> {
  const me = b.peers.find((p) => p.jobcenter === jobcenter);
  const cluster = me ? { id: `KL${me.cluster}`, number: me.cluster, members: b.peers.filter((p) => p.cluster === me.cluster).map((p) => ({ id: p.jobcenter, name: areaName(p.jobcenter) })) } : null;
  const region = employmentRegionOf(jobcenter);
  const jobcenters = areas.filter((a) => a.level === 'jobcenter').map((a) => a.id);
  const regions = areas.filter((a) => a.level === 'employment_region').map((a) => a.id);
  const name = areaName(jobcenter);

  const measures: KeyMeasureRow[] = await Promise.all(
    keyMeasures.map(async (m) => {
      const [mine, regional, theirs] = await Promise.all([
        read(statbank, b, m.table, m.measure, ['DK', ...jobcenters], m.dims),
        read(statbank, b, m.table, m.measure, regions, m.dims),
        cluster ? read(statbank, b, m.table, m.measure, [cluster.id], m.dims) : Promise.resolve(null),
      ]);
      const t = await statbank.table(m.table, b.release.version);
      const missing: KeyMeasureRow['missing'] = {};
      const put = (k: keyof KeyMeasureRow['missing'], cells: Cells | null, area: string, period: string) => {
        const c = cellAt(cells, area, period);
        if (c.value === null && c.why) missing[k] = c.why;
        return c.value;
      };
      const row = {
        id: m.id, label: m.label ?? t.mgroups.find((g) => g.id === m.measure)!.name, table: m.table, measure: m.measure, dims: m.dims,
        unit: measureUnit(m.measure).unit, decimals: mine?.decimals ?? 1, higher_is_better: m.higherIsBetter,
        current: put('current', mine?.cells ?? null, jobcenter, b.quarter),
        previous: put('previous', mine?.cells ?? null, jobcenter, b.previous),
        cluster: cluster ? put('cluster', theirs?.cells ?? null, cluster.id, b.quarter) : null,
        region: region ? put('region', regional?.cells ?? null, region.id, b.quarter) : null,
        country: put('country', mine?.cells ?? null, 'DK', b.quarter),
      };
      if (!cluster) missing.cluster = 'Ingen benchmarking for udgivelsen, så jobcentret har ingen klynge.';
      return { ...row, missing };
    }),
  );

  const counts = await read(statbank, b, 'ptv_a02', 'fulltime', jobcenters, {}, 'ydelsesgrupper');
  const ptv = await statbank.table('ptv_a02', b.release.version);
  const benefitDim = ptv.dimById.get('ydelsesgrupper')!;
  const benefits: CountRow[] = benefitIds.map((id) => {
    const missing: CountRow['missing'] = {};
    const at = (k: keyof CountRow['missing'], period: string) => {
      const c = cellAt(counts?.cells ?? null, jobcenter, period, id);
      if (c.value === null && c.why) missing[k] = c.why;
      return c.value;
    };
    return { id, label: benefitDim.values.get(id)?.name ?? id, table: 'ptv_a02', measure: 'fulltime', dims: { ydelsesgrupper: id }, unit: measureUnit('fulltime').unit, decimals: counts?.decimals ?? 0, current: at('current', b.quarter), previous: at('previous', b.previous), missing };
  });

  // Timeliness against the law's requirement (the benchmarking's threshold).
  const tl = measures.find((m) => m.id === 'timeliness')!;
  const due = cellAt((await read(statbank, b, 'styr_rettidighed', 'interviews_due', ['DK', ...jobcenters], {}))?.cells ?? null, jobcenter, b.quarter).value;
  const timeliness = { threshold: b.threshold, current: tl.current, due, met: tl.current === null ? null : tl.current >= b.threshold, why: tl.missing.current ?? null, table: tl.table, measure: tl.measure };

  // The year's plan and its targets, against this release.
  const year = Number(b.quarter.slice(0, 4));
  const plan = await findDocumentFor(db, 'employment_plan', jobcenter, year);
  const items = plan ? targetsOf('employment_plan', plan.content) : [];
  const evals = items.length ? await evaluator.evaluate(items.map((i) => i.target), b.release.version) : [];
  const targets: FollowupGenerated['targets'] = {
    plan: plan ? { id: plan.id, year, state_name: stateNames[plan.state] } : null,
    rows: items.map((i, k) => ({ section: i.section, title: i.target.title, description: describeTarget(i.target), status: evals[k]!.status, status_label: statusLabels[evals[k]!.status], reason: evals[k]!.reason })),
  };

  // The result problems the newest benchmarking raises for the jobcenter (worse than expected, or the law's requirement missed), not resolved.
  const flags = b.runId === null ? [] : (await findFlags(db, b.runId, [jobcenter])).filter((f) => f.direction === 'worse' && f.status !== 'resolved');
  const problems = flags.map((f) => {
    const e = f.evidence;
    const m = benchmarkMeasureById.get(f.measure);
    const unit = m?.unit ?? 'pct.', d = m?.decimals ?? 1;
    const text = f.kind === 'legal_requirement'
      ? `${fmtNumber(e.actual, 1)} pct. rettidige samtaler i ${periodName(e.period)} mod lovkravet på ${fmtNumber(e.threshold ?? b.threshold)} pct.${e.interviews_due ? ` (${fmtNumber(e.interviews_due)} samtaler skulle holdes)` : ''}.`
      : `${fmtNumber(e.actual, d)} ${unit} i ${periodName(e.period)} mod forventet ${fmtNumber(e.expected ?? null, d)} ${unit}${e.lower !== undefined && e.upper !== undefined ? ` (forventet interval ${fmtNumber(e.lower, d)} til ${fmtNumber(e.upper, d)})` : ''}${e.rank ? `; placering ${fmtNumber(e.rank)} af ${b.peers.length}` : ''}.`;
    return { measure: f.measure, label: m?.label ?? 'Rettidighed', kind_label: flagKinds[f.kind], status_label: flagStatuses[f.status], since: f.first_period, period: e.period, text };
  });

  const share = measures[0]!;
  const changeText = (r: KeyMeasureRow) => (r.current === null || r.previous === null ? '' : ` mod ${fmtNumber(r.previous, r.decimals)} ${r.unit} i ${periodName(b.previous)}`);
  const total = benefits[0]!;
  const statusCount = (s: TargetStatus) => targets.rows.filter((r) => r.status === s).length;
  const text = {
    results: share.current === null ? `Andelen af offentligt forsørgede i ${name} er ikke offentliggjort for ${periodName(b.quarter)}.` : `${name} havde i ${periodName(b.quarter)} ${fmtNumber(share.current, share.decimals)} ${share.unit} på offentlig forsørgelse${changeText(share)}. ${region ? `${region.name} havde ${fmtNumber(share.region, share.decimals)}, ` : ''}hele landet ${fmtNumber(share.country, share.decimals)}${cluster ? ` og klyngen ${fmtNumber(share.cluster, share.decimals)}` : ''}.`,
    benefits: `${fmtNumber(total.current, total.decimals)} fuldtidspersoner var på offentlig forsørgelse i ${periodName(b.quarter)} mod ${fmtNumber(total.previous, total.decimals)} i ${periodName(b.previous)}.`,
    timeliness: timeliness.current === null ? `Rettidigheden er ikke offentliggjort for ${periodName(b.quarter)}.` : `${fmtNumber(timeliness.current, 1)} pct. af samtalerne blev holdt til tiden i ${periodName(b.quarter)}; lovkravet er mindst ${fmtNumber(b.threshold)} pct., så kravet er ${timeliness.met ? 'opfyldt' : 'ikke opfyldt'}.`,
    targets: plan ? `Beskæftigelsesplanen for ${year} (${stateNames[plan.state].toLowerCase()}) har ${targets.rows.length} mål${targets.rows.length ? `: ${(['met', 'missed', 'on_track', 'at_risk', 'off_track', 'no_data', 'not_measurable'] as TargetStatus[]).filter((s) => statusCount(s) > 0).map((s) => `${statusCount(s)} ${statusLabels[s].toLowerCase()}`).join(', ')}` : ''}.` : `Der er ingen beskæftigelsesplan for ${year} for ${name} i Styringshjulet.`,
    problems: b.runId === null ? 'Udgivelsen er ikke benchmarket, så der er ingen resultatproblemer at vise.' : problems.length === 0 ? `Benchmarkingen finder ingen resultatproblemer for ${name}.` : `Benchmarkingen finder ${problems.length} ${problems.length === 1 ? 'resultatproblem' : 'resultatproblemer'} for ${name}.`,
  };

  return {
    generated_at: new Date().toISOString(),
    release: b.release, run: b.runId, quarter: b.quarter, previous_quarter: b.previous,
    jobcenter: { id: jobcenter, name }, region: region ? { id: region.id, name: region.name } : null, cluster,
    measures, benefits, timeliness, targets, problems, text,
  };
}

export interface GenerateResult {
  quarter: string;
  release: number;
  created: number;
  updated: number;
  skipped: { jobcenter: string; reason: string }[];
  documents: number[];
  /** The distinct bank queries the reports were made of (each read once for all reports). */
  bank_reads: number;
}

/**
 * Drafts (or redrafts) the follow-up reports of a quarter (default: the newest whole one) for
 * `jobcenters` (default: all). A new report starts as a draft; a draft gets the new numbers
 * and keeps the region's assessment; a published report is left alone (reported as skipped).
 */
export async function generateFollowupReports(
  db: Kysely<Database>,
  statbank: StatbankService,
  actor: AuditActor,
  o: { quarter?: string; release?: number; jobcenters?: string[]; onProgress?: (done: number, total: number) => void },
): Promise<GenerateResult> {
  const b = await loadBasis(db, statbank, o.quarter, o.release);
  const evaluator = new TargetEvaluator(statbank);
  const list = o.jobcenters ?? areas.filter((a) => a.level === 'jobcenter').map((a) => a.id);
  for (const jc of list) if (areaById.get(jc)?.level !== 'jobcenter') throw new DocumentError(400, 'invalid', `${jc} er ikke et jobcenter.`, { field: 'jobcenter' });
  const year = Number(b.quarter.slice(0, 4));
  let created = 0, updated = 0, done = 0;
  const skipped: GenerateResult['skipped'] = [];
  const documents: number[] = [];
  for (const jc of list) {
    const existing = await findDocumentFor(db, 'followup_report', jc, year, b.quarter);
    if (existing && existing.state !== 'draft') {
      skipped.push({ jobcenter: jc, reason: 'rapporten er offentliggjort' });
      documents.push(existing.id);
    } else {
      const generated = await draftReport(db, statbank, evaluator, b, jc);
      if (existing) {
        const kept = existing.content as FollowupContent;
        await saveContent(db, actor, existing.id, existing.revision, { ...kept, generated }, 'generated');
        updated++;
        documents.push(existing.id);
      } else {
        const doc = await createDocument(db, actor, { kind: 'followup_report', area: jc, year, period: b.quarter, content: followupContentSchema.parse({ generated }), event: 'generated' });
        created++;
        documents.push(doc.id);
      }
    }
    o.onProgress?.(++done, list.length);
  }
  return { quarter: b.quarter, release: b.release.version, created, updated, skipped, documents, bank_reads: b.reads.size };
}
