/**
 * Demo documents for `npm start`: Jobcenter København's employment plans for the demo's last
 * year (published, so its audit follows its targets up) and the year after (a draft with the
 * minimum content, ready to send to hearing), Frederiksberg's plan over the last three years, and every jobcenter's results audit for the last
 * year. Baselines are read from the demo release, so the targets' status is live.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { findRelease } from '../indicators/index.js';
import type { StatbankService } from '../statbank/index.js';
import { IndicatorError, TargetEvaluator, type Indicator, type Target } from '../targets/index.js';
import { generateAudits } from './audit.js';
import type { PlanContent } from './kinds/index.js';
import { newDocumentContent } from './content.js';
import { createDocument, findDocumentFor } from './documents.repository.js';
import { transition } from './documents.service.js';

const JC = 'J101';
const actor = { id: null, label: 'demodata' };

type Spec = { title: string; table: string; measure: string; dims?: Record<string, string>; goal: Target['goal'] };

const specs: Record<string, Spec> = {
  g1: { title: 'Færre på offentlig forsørgelse', table: 'ptv_a02', measure: 'pct_population', goal: { kind: 'relative_change', value: -0.02 } },
  g2: { title: 'Flere i vejledning og opkvalificering', table: 'styr_aktivering', measure: 'activated', dims: { tilbud: 'vejledning_opkvalificering' }, goal: { kind: 'relative_change', value: 0.05 } },
  g3: { title: 'Færre offentligt forsørgede med ikke-vestlig herkomst', table: 'ptv_a02', measure: 'fulltime', dims: { herkomst: 'ikke-vestlig' }, goal: { kind: 'relative_change', value: -0.03 } },
  g4: { title: 'Færre på kontanthjælp', table: 'y60a02', measure: 'persons', goal: { kind: 'relative_change', value: -0.03 } },
  g5: { title: 'Højere aktiveringsgrad for kontanthjælpsmodtagere', table: 'styr_aktivering', measure: 'activation_rate', dims: { ydelsesgrupper: 'category_kontanthjaelp' }, goal: { kind: 'change', value: 2 } },
  g6: { title: 'Flere i fleksjob', table: 'y08a02', measure: 'persons', goal: { kind: 'relative_change', value: 0.02 } },
  citizen: { title: 'Færre langtidsledige', table: 'y25i09', measure: 'longterm_persons', goal: { kind: 'relative_change', value: -0.1 } },
  business: { title: 'Flere i virksomhedspraktik', table: 'styr_aktivering', measure: 'activated', dims: { tilbud: 'virksomhedspraktik' }, goal: { kind: 'relative_change', value: 0.05 } },
};

/** A plan for `year` (to `lastYear`) whose targets start from December the year before and end with its last year. */
async function demoPlan(db: Kysely<Database>, evaluator: TargetEvaluator, release: number, year: number, area = JC, lastYear = year): Promise<PlanContent> {
  const base = `${year - 1}M12`;
  const target = async (s: Spec): Promise<Target[]> => {
    const indicator: Indicator = { table: s.table, measure: s.measure, area, dims: s.dims ?? {}, freq: 'M' };
    const series = await evaluator.read(indicator, release);
    const value = series instanceof IndicatorError ? undefined : series.find((p) => p.period === base)?.value;
    if (value === undefined || value === null) return [];
    return [{ title: s.title, indicator, baseline: { period: base, value }, goal: s.goal, deadline: `${lastYear}M12` }];
  };
  const content = (await newDocumentContent(db, 'employment_plan', year)) as PlanContent;
  const goals = await Promise.all(content.goals.map(async (g) => ({ ...g, strategy: `Jobcenteret arbejder med ministermål ${g.number} gennem en tidlig, virksomhedsrettet indsats og tæt opfølgning.`, targets: specs[`g${g.number}`] ? await target(specs[`g${g.number}`]!) : [] })));
  return {
    ...content,
    last_year: lastYear === year ? null : lastYear,
    goals: goals.map((g) => (g.targets.length ? g : { ...g, targets: [{ title: `${g.title}: følges op på ${area === JC ? "møder med LBR" : "jobcentrets kvartalsmøder"}`, indicator: null, baseline: null, goal: null, deadline: null }] })),
    challenges: [
      { title: 'Mange på kontanthjælp og i langtidsledighed', text: 'Andelen af befolkningen på kontanthjælp er højere end i sammenlignelige jobcentre, og mange ledige er langtidsledige.', figures: [
        { label: 'Personer på kontanthjælp m.v.', indicator: { table: 'y60a02', measure: 'persons', area, dims: {}, freq: 'M' }, period: null },
        { label: 'Langtidsledige personer', indicator: { table: 'y25i09', measure: 'longterm_persons', area, dims: {}, freq: 'M' }, period: null },
      ] },
    ],
    citizen: { strategy: 'Tidlig og virksomhedsrettet indsats for ledige med risiko for langtidsledighed.', targets: await target(specs.citizen!) },
    business: { strategy: 'Én indgang for virksomhederne og flere praktikpladser i private virksomheder.', targets: await target(specs.business!), council_grants: 'LBR-midlerne bruges til brobygning mellem kontanthjælpsmodtagere og lokale virksomheder.' },
    other_actors: { share_pct: 15, strategy: 'Andre aktører varetager specialiserede forløb for sygemeldte.' },
    budget: { lines: [{ label: 'Løntilskud og virksomhedspraktik', state: 12_500_000, municipal: 4_000_000 }, { label: 'Vejledning og opkvalificering', state: 6_000_000, municipal: 2_500_000 }], note: 'Beløb i kr. for hele året.' },
  };
}

/** Creates the demo documents that are missing; returns how many audits were drafted. */
export async function ensureDemoDocuments(db: Kysely<Database>, statbank: StatbankService, year: number): Promise<number> {
  const release = await findRelease(db);
  if (!release) return 0;
  const evaluator = new TargetEvaluator(statbank);
  // København's plan for the year; Frederiksberg's for three years, whose status report has a column a year.
  for (const [area, first, last, decision] of [[JC, year, year, 'Godkendt af kommunalbestyrelsen med LBR’s bemærkninger.'], ['J147', year - 2, year, 'Godkendt af kommunalbestyrelsen som flerårig plan.']] as const) {
    if (await findDocumentFor(db, 'employment_plan', area, first)) continue;
    let doc = await createDocument(db, actor, { kind: 'employment_plan', area, year: first, content: await demoPlan(db, evaluator, release.version, first, area, last) });
    doc = await transition(db, actor, doc.id, doc.revision, 'send_to_hearing');
    doc = await transition(db, actor, doc.id, doc.revision, 'approve', { approval: { date: `${first - 1}-09-24`, decision } });
    await transition(db, actor, doc.id, doc.revision, 'publish');
  }
  if (!(await findDocumentFor(db, 'employment_plan', JC, year + 1))) {
    await createDocument(db, actor, { kind: 'employment_plan', area: JC, year: year + 1, content: await demoPlan(db, evaluator, release.version, year + 1) });
  }
  if (await findDocumentFor(db, 'results_audit', JC, year)) return 0;
  return (await generateAudits(db, statbank, actor, { year })).created;
}
