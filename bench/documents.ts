/**
 * The steering documents: drafting every jobcenter's results audit, printing one as PDF, and
 * recomputing every plan target's status after a new release. Baselines in this process:
 * one bank query of the kind an audit makes, printing an empty page in the same Chromium,
 * and reading the targets' series without forecasting them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/index.js';
import { createDocument, findDocumentFor, generateAudits, PdfPrinter, readCells } from '../src/documents/index.js';
import { generateFollowupReports, quarterOf } from '../src/followup/index.js';
import { newDocumentContent, type PlanContent } from '../src/documents/index.js';
import { renderDocumentHtml } from '../src/documents/render.js';
import { documentView } from '../src/documents/view.js';
import { findRelease } from '../src/indicators/index.js';
import { areas } from '../src/reference/index.js';
import { resolveSelection, StatbankService } from '../src/statbank/index.js';
import { readIndicator, TargetEvaluator, type Indicator, type Target } from '../src/targets/index.js';

const actor = { id: null, label: 'bench' };

/** Eight measurable targets of a jobcenter on its own indicators, monthly and rolling-year. */
function benchTargets(jc: string, year: number): Target[] {
  const ind = (table: string, measure: string, dims: Record<string, string>, freq: Indicator['freq']): Indicator => ({ table, measure, area: jc, dims, freq });
  const indicators = [
    ...['category_dagpenge', 'category_kontanthjaelp', 'category_sygedagpenge', 'category_foertidspension'].map((b) => ind('ptv_a02', 'pct_population', { ydelsesgrupper: b }, 'M')),
    ind('y25i09', 'longterm_persons', {}, 'M'),
    ind('styr_aktivering', 'activated', { tilbud: 'virksomhedspraktik' }, 'M'),
    ind('ptv_a02', 'fulltime', {}, 'R'),
    ind('styr_uddannelse', 'education_rate', {}, 'R'),
  ];
  return indicators.map((indicator, i) => ({
    title: `Mål ${i + 1}`,
    indicator,
    baseline: null,
    goal: { kind: 'level', value: 1 },
    direction: 'at_most',
    deadline: indicator.freq === 'R' ? `${year}M01-${year}M12` : `${year}M12`,
  }));
}

export async function documentsBench(db: Kysely<Database>, year: number, chromium?: string) {
  const statbank = new StatbankService(db);
  const release = (await findRelease(db))!.version;

  // Baseline: one query as an audit makes it (a jobcenter's benefits by group, two rolling years).
  const t = await statbank.table('ptv_a02');
  const sel = resolveSelection(t, { 'period.R': `${year - 1}M01-${year - 1}M12,${year}M01-${year}M12`, 'hierarchy._jobcenter': 'J101', 'mgroup.*': 'fulltime', 'dimension.ydelsesgrupper': '*' });
  await statbank.data(t, sel);
  let t0 = performance.now();
  for (let i = 0; i < 20; i++) await statbank.data(t, sel);
  const queryMs = (performance.now() - t0) / 20;

  t0 = performance.now();
  const drafted = await generateAudits(db, new StatbankService(db), actor, { year });
  const auditSeconds = (performance.now() - t0) / 1000;
  const audits = drafted.created + drafted.updated;

  // The quarter's follow-up reports of all 94 jobcenters, against one bank query of the kind
  // they are made of (all jobcenters' cells of a measure in two quarters) times the distinct
  // queries they make.
  const quarter = await quarterOf(statbank, release);
  const jcs = areas.filter((a) => a.level === 'jobcenter').map((a) => a.id);
  const prevQ = `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`;
  await readCells(statbank, release, 'ptv_a02', 'pct_population', ['DK', ...jcs], [prevQ, quarter], {});
  t0 = performance.now();
  for (let i = 0; i < 10; i++) await readCells(statbank, release, 'ptv_a02', 'pct_population', ['DK', ...jcs], [prevQ, quarter], {});
  const followupQueryMs = (performance.now() - t0) / 10;
  t0 = performance.now();
  const followups = await generateFollowupReports(db, new StatbankService(db), actor, { quarter });
  const followup = { quarter, reports: followups.created + followups.updated, seconds: (performance.now() - t0) / 1000, reads: followups.bank_reads, queryMs: followupQueryMs };

  // Plans with targets for every jobcenter (setup, not timed).
  const jobcenters = areas.filter((a) => a.level === 'jobcenter').map((a) => a.id);
  const targets: Target[] = [];
  for (const jc of jobcenters) {
    const content = (await newDocumentContent(db, 'employment_plan', year)) as PlanContent;
    const own = benchTargets(jc, year);
    targets.push(...own);
    if (!(await findDocumentFor(db, 'employment_plan', jc, year))) await createDocument(db, actor, { kind: 'employment_plan', area: jc, year, content: { ...content, citizen: { strategy: '', targets: own } } });
  }
  // After a new release: nothing cached. The floor reads every distinct series once; the status also forecasts.
  const cold = new StatbankService(db);
  await cold.table('ptv_a02');
  t0 = performance.now();
  const distinct = new Map(targets.map((x) => [JSON.stringify(x.indicator), x.indicator!]));
  for (const ind of distinct.values()) await readIndicator(cold, ind, release).catch(() => []);
  const readSeconds = (performance.now() - t0) / 1000;
  const evaluator = new TargetEvaluator(new StatbankService(db));
  t0 = performance.now();
  const evals = await evaluator.evaluate(targets, release);
  const statusSeconds = (performance.now() - t0) / 1000;
  const statuses = evals.reduce<Record<string, number>>((a, e) => ({ ...a, [e.status]: (a[e.status] ?? 0) + 1 }), {});

  // One PDF: the audit of København, against printing an empty page in the same browser.
  let pdf: { ms: number; floorMs: number; bytes: number } | null = null;
  const printer = new PdfPrinter(chromium);
  try {
    await printer.print('<!doctype html><html lang="da"><title>x</title><p>x</p></html>', 'x');
    t0 = performance.now();
    await printer.print('<!doctype html><html lang="da"><title>x</title><p>x</p></html>', 'x');
    const floorMs = performance.now() - t0;
    const doc = (await findDocumentFor(db, 'results_audit', 'J101', year))!;
    t0 = performance.now();
    const html = renderDocumentHtml(await documentView(db, new TargetEvaluator(statbank), doc));
    const bytes = (await printer.print(html, `bench · udgivelse ${release}`)).length;
    pdf = { ms: performance.now() - t0, floorMs, bytes };
  } catch (err) {
    console.log(`PDF skipped: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await printer.close();
  }
  return { audits, auditSeconds, queryMs, followup, targets: targets.length, distinct: distinct.size, readSeconds, statusSeconds, statuses, pdf };
}
