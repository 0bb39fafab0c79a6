/**
 * Drafting the RBR's yearly analysis report (seed 000: "RBR udarbejder hvert år i januar en
 * analyserapport") for each employment region: the region's key measures in the past year
 * (rolling year to December) against the year before and the country; each jobcenter's share
 * on public support against its expected level, its rank and its result problems; and, as
 * candidates for the recommended focus areas, the measures most of the region's jobcenters do
 * worse on than expected. Numbers are the bank's cells and the benchmarking's, the prose is
 * templates; the RBR writes the analysis and chooses the focus areas. Redrafting keeps them.
 */
import type { Kysely } from 'kysely';
import { areaWithin, type AuditActor } from '../access/index.js';
import { benchmarkMeasureById, findFlags, findReleaseAndRun, findRun, findBenchmarkSeries } from '../benchmark/index.js';
import type { Database } from '../db/index.js';
import { analysisContentSchema, cellAt, createDocument, DocumentError, fmtNumber, findDocumentFor, readCells, saveContent, type AnalysisContent, type AnalysisGenerated, type KeyMeasureRow } from '../documents/index.js';
import { areas } from '../reference/index.js';
import { measureUnit, periodName, type StatbankService } from '../statbank/index.js';
import { keyMeasures } from './report.js';


async function draftAnalysis(db: Kysely<Database>, statbank: StatbankService, year: number, regionId: string, release: number): Promise<AnalysisGenerated> {
  const region = areas.find((a) => a.id === regionId)!;
  const period = `${year - 1}M01-${year - 1}M12`, previous = `${year - 2}M01-${year - 2}M12`;
  const market: KeyMeasureRow[] = await Promise.all(
    keyMeasures.map(async (m) => {
      const got = await readCells(statbank, release, m.table, m.measure, [region.id, 'DK'], [previous, period], m.dims).catch(() => null);
      const missing: KeyMeasureRow['missing'] = {};
      const put = (k: keyof KeyMeasureRow['missing'], area: string, p: string) => {
        const c = cellAt(got?.cells ?? null, area, p);
        if (c.value === null && c.why) missing[k] = c.why;
        return c.value;
      };
      const label = m.label ?? (await statbank.table(m.table, release)).mgroups.find((g) => g.id === m.measure)!.name;
      const current = put('current', region.id, period);
      return { id: m.id, label, table: m.table, measure: m.measure, dims: m.dims, unit: measureUnit(m.measure).unit, decimals: got?.decimals ?? 1, higher_is_better: m.higherIsBetter, current, previous: put('previous', region.id, previous), cluster: null, region: current, country: put('country', 'DK', period), missing };
    }),
  );

  const jcs = areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, region.id));
  const run = await findRun(db, release);
  const t = run ? run.periods.indexOf(period) : -1;
  const series = run && t >= 0 ? (await findBenchmarkSeries(db, run, ['share_public_support'], jcs.map((j) => j.id))).get('share_public_support') : undefined;
  const flags = run ? (await findFlags(db, run.id, jcs.map((j) => j.id))).filter((f) => f.direction === 'worse' && f.status !== 'resolved') : [];
  const round = (v: number | null | undefined, d: number) => (v === null || v === undefined ? null : Math.round(v * 10 ** d) / 10 ** d);
  const jobcenters = jcs.map((j) => {
    const p = series?.get(j.id)?.[t];
    return { id: j.id, name: j.name, actual: round(p?.actual, 2), expected: round(p?.expected, 2), ratio: round(p?.ratio, 3), rank: round(p?.rank, 0), problems: flags.filter((f) => f.jobcenter === j.id).length };
  }).sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0));

  const byMeasure = new Map<string, string[]>();
  for (const f of flags) byMeasure.set(f.measure, [...(byMeasure.get(f.measure) ?? []), jcs.find((j) => j.id === f.jobcenter)!.name]);
  const candidates = [...byMeasure].map(([measure, names]) => ({ measure, label: benchmarkMeasureById.get(measure)?.label ?? 'Rettidighed i samtaler', jobcenters: names })).sort((a, b) => b.jobcenters.length - a.jobcenters.length).slice(0, 5);

  const share = market[0]!;
  const worse = jobcenters.filter((j) => j.ratio !== null && j.ratio > 1).length;
  const text = {
    market: share.current === null ? `Andelen af offentligt forsørgede i ${region.name} er ikke offentliggjort for ${periodName(period)}.` : `${region.name} havde i ${periodName(period)} ${fmtNumber(share.current, share.decimals)} ${share.unit} på offentlig forsørgelse mod ${fmtNumber(share.previous, share.decimals)} året før; hele landet ${fmtNumber(share.country, share.decimals)}.`,
    results: run === null || t < 0 ? `Udgivelsen er ikke benchmarket for ${periodName(period)}.` : `${worse} af regionens ${jcs.length} jobcentre har flere offentligt forsørgede end forventet ud fra rammevilkårene; ${flags.length} resultatproblemer er åbne.`,
    candidates: candidates.length === 0 ? 'Benchmarkingen peger ikke på mål, hvor flere af regionens jobcentre ligger dårligere end forventet.' : `Mål, hvor flest af regionens jobcentre har resultatproblemer: ${candidates.map((c) => `${c.label} (${c.jobcenters.length})`).join('; ')}.`,
  };
  const found = await findReleaseAndRun(db, release);
  return { generated_at: new Date().toISOString(), release: { version: release, cutoff_week: found?.release.cutoff_week ?? null }, run: run?.id ?? null, period, previous_period: previous, region: { id: region.id, name: region.name }, market, jobcenters, candidates, text };
}

/** Drafts (or redrafts, keeping what the RBR wrote) the analysis reports of `year` for `regions` (default: all four). */
export async function generateAnalysisReports(db: Kysely<Database>, statbank: StatbankService, actor: AuditActor, o: { year: number; release?: number; regions?: string[] }) {
  const found = await findReleaseAndRun(db, o.release);
  if (!found) throw new DocumentError(404, 'no_release', 'Der er endnu ingen udgivelse.');
  const t = await statbank.table('ptv_a02', found.release.version);
  if (!(t.periodsByFreq.get('R') ?? []).includes(`${o.year - 1}M01-${o.year - 1}M12`)) throw new DocumentError(400, 'year', `Udgivelse ${found.release.version} har ikke hele ${o.year - 1}, som analyserapporten for ${o.year} bygger på. Vælg et andet år.`, { field: 'year' });
  const regions = o.regions ?? areas.filter((a) => a.level === 'employment_region').map((a) => a.id);
  for (const r of regions) if (!areas.some((a) => a.id === r && a.level === 'employment_region')) throw new DocumentError(400, 'invalid_field', `${r} er ikke en beskæftigelsesregion (B1 til B4).`, { field: 'region' });
  const out = { created: 0, updated: 0, skipped: 0, documents: [] as number[] };
  for (const r of regions) {
    const existing = await findDocumentFor(db, 'analysis_report', r, o.year);
    if (existing && existing.state !== 'draft') {
      out.skipped++;
      out.documents.push(existing.id);
      continue;
    }
    const generated = await draftAnalysis(db, statbank, o.year, r, found.release.version);
    if (existing) {
      await saveContent(db, actor, existing.id, existing.revision, { ...(existing.content as AnalysisContent), generated }, 'generated');
      out.updated++;
      out.documents.push(existing.id);
    } else {
      out.created++;
      out.documents.push((await createDocument(db, actor, { kind: 'analysis_report', area: r, year: o.year, content: analysisContentSchema.parse({ generated }), event: 'generated' })).id);
    }
  }
  return { ...out, release: found.release.version, year: o.year };
}
