/**
 * The demo's grants (`npm start`): every LBR's frame for the demo's last year and the next,
 * the national 196,5 mio. kr. (the 2010 grant, seed 000) shared by the jobcentres' workforce;
 * København's plan for the last year, heard at the jobcenter (within the frame), adopted and
 * published, with its initiatives' accounts (one evaluated and accounted for, one overdue, one
 * running); and its draft plan for the next year.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { createDocument, documentView, findDocumentFor, saveContent, transition, type GrantPlanContent } from '../documents/index.js';
import { findRelease } from '../indicators/index.js';
import { areas, municipalities } from '../reference/index.js';
import type { StatbankService } from '../statbank/index.js';
import { IndicatorError, TargetEvaluator, type Target } from '../targets/index.js';
import { saveAccount } from './accounts.js';
import { grantHooks, setFrame } from './grants.js';

const actor = { id: null, label: 'demodata' };
const NATIONAL = 196_500_000;
const JC = 'J101';

/** A measurable result of København's: 3 % fewer on cash benefit (full-time persons, rolling year), from the bank's value the year before. */
async function cashBenefit(evaluator: TargetEvaluator, release: number, year: number): Promise<Target[]> {
  const indicator = { table: 'ptv_a02', measure: 'fulltime', area: JC, dims: { ydelsesgrupper: 'category_kontanthjaelp' }, freq: 'R' as const };
  const period = `${year - 1}M01-${year - 1}M12`;
  const series = await evaluator.read(indicator, release);
  const value = series instanceof IndicatorError ? null : series.find((p) => p.period === period)?.value;
  if (value === null || value === undefined) return [];
  return [{ title: 'Færre kontanthjælpsmodtagere i København', indicator, baseline: { period, value }, goal: { kind: 'relative_change', value: -0.03 }, deadline: `${year}M01-${year}M12` }];
}

function plan(year: number, targets: Target[]): GrantPlanContent {
  return {
    summary: `Rådet bruger LBR-midlerne ${year} på at bringe ledige tættere på virksomhederne og på at forebygge, at sygemeldte mister fodfæstet på arbejdsmarkedet.`,
    excludes_operations: true,
    initiatives: [
      { id: 'brobygning', title: 'Brobygning mellem kontanthjælpsmodtagere og lokale virksomheder', purpose: 'Virksomhedspraktik og mentorer i små og mellemstore virksomheder, så flere får ordinære timer.', target_group: 'Kontanthjælpsmodtagere med mindst et års ledighed.', plan_targets: ['business.targets.0'], targets, budget: 11_000_000 },
      { id: 'sygemeldte', title: 'Tidlig dialog med virksomheder om sygemeldte', purpose: 'Virksomhedskonsulenter tager kontakt i de første uger af en sygemelding.', target_group: 'Sygemeldte i job.', plan_targets: ['citizen.targets.0'], targets: [], budget: 8_000_000 },
      { id: 'jobmesse', title: 'Jobmesse for unge uden uddannelse', purpose: 'Unge møder virksomheder med lære- og praktikpladser.', target_group: 'Unge 18–29 år uden uddannelse.', plan_targets: [], targets: [], budget: 4_500_000 },
    ],
  };
}

/** Each jobcentre's share of the national grant, by the workforce of its municipalities (rounded to 1.000 kr.). */
function frames(): Map<string, number> {
  const work = new Map(municipalities.map((m) => [m.code, m.approxWorkforce]));
  const total = municipalities.reduce((s, m) => s + m.approxWorkforce, 0);
  return new Map(areas.filter((a) => a.level === 'jobcenter').map((j) => [j.id, Math.round((NATIONAL * j.municipalities.reduce((s, c) => s + (work.get(c) ?? 0), 0)) / total / 1000) * 1000]));
}

export async function ensureDemoGrants(db: Kysely<Database>, statbank: StatbankService, year: number): Promise<void> {
  if (await db.selectFrom('council_grant').select('year').executeTakeFirst()) return;
  const release = await findRelease(db);
  const evaluator = new TargetEvaluator(statbank);
  const councils = new Map((await db.selectFrom('organisation').select(['id', 'code']).where('code', 'like', 'LBR-%').execute()).map((o) => [o.code.slice(4), o.id]));
  for (const [jc, amount] of frames()) {
    const id = councils.get(jc);
    if (!id) continue;
    for (const y of [year, year + 1]) await setFrame(db, actor, id, y, { amount, note: y === year ? 'Fordelt efter arbejdsstyrken.' : 'Foreløbig ramme.' });
  }
  const hook = grantHooks();
  if (!(await findDocumentFor(db, 'grant_plan', JC, year))) {
    let doc = await createDocument(db, actor, { kind: 'grant_plan', area: JC, year, content: plan(year, release ? await cashBenefit(evaluator, release.version, year) : []) });
    doc = await transition(db, actor, doc.id, doc.revision, 'send_to_hearing', { hook });
    // The jobcenter's answer, as the hearings module stores it: within the frame.
    const h = await db.insertInto('hearing').values({ document_id: doc.id, revision: doc.revision, deadline: `${year - 1}-12-15`, require_all: true, opened_at: new Date(`${year - 1}-11-20T09:00:00Z`), opened_by: actor.label }).returning('id').executeTakeFirstOrThrow();
    const jobcenter = await db.selectFrom('organisation').select('id').where('code', '=', JC).executeTakeFirstOrThrow();
    await db.insertInto('hearing_body').values({ hearing_id: h.id, organisation_id: jobcenter.id, response: 'Planen ligger inden for beskæftigelsesplanens rammer og understøtter den virksomhedsrettede indsats.', state: 'adopted', revision: 2, adopted_at: new Date(`${year - 1}-12-05T12:00:00Z`), adopted_by: 'Jobcenter København (Rikke Redaktør)', meeting_id: null, late: false, verdict: 'within_frame', updated_at: new Date(`${year - 1}-12-05T12:00:00Z`), updated_by: 'redaktoer@demo.styringshjulet.dk' }).execute();
    doc = await transition(db, actor, doc.id, doc.revision, 'approve', { hook, approval: { date: `${year - 1}-12-12`, decision: 'Rådet vedtog handleplanen for LBR-midlerne.' } });
    await db.updateTable('hearing').set({ closed_at: new Date(`${year - 1}-12-12T16:00:00Z`) }).where('id', '=', h.id).execute();
    doc = await transition(db, actor, doc.id, doc.revision, 'publish', { hook });
    // The accounts as the secretariat keeps them; the first initiative's evaluation measured by the bank.
    const today = (d: string) => ({ today: d, now: new Date(`${d}T12:00:00Z`), measured: async () => (await documentView(db, evaluator, doc)).targets });
    const keep = (id: string, input: Parameters<typeof saveAccount>[4], day: string) => saveAccount(db, actor, doc, id, input, today(day));
    await keep('brobygning', { version: 0, committed: 11_000_000, spent: 10_650_000, due: `${year + 1}-03-31`, evaluation: '118 kontanthjælpsmodtagere var i virksomhedspraktik; 31 fik ordinære timer.', evaluated: true, accounts: 'Mentorløn 7.150.000 kr., praktikvejledning 3.500.000 kr.', accounts_given: true }, `${year + 1}-02-20`);
    await keep('sygemeldte', { version: 0, committed: 8_000_000, spent: 5_900_000, due: `${year + 1}-10-31`, evaluation: '', evaluated: false, accounts: '', accounts_given: false }, `${year + 1}-02-20`);
    await keep('jobmesse', { version: 0, committed: 4_000_000, spent: 1_100_000, due: `${year + 2}-03-31`, evaluation: '', evaluated: false, accounts: '', accounts_given: false }, `${year + 1}-02-20`);
  }
  if (!(await findDocumentFor(db, 'grant_plan', JC, year + 1))) {
    const next = await createDocument(db, actor, { kind: 'grant_plan', area: JC, year: year + 1, content: plan(year + 1, []) });
    await saveContent(db, actor, next.id, next.revision, { ...plan(year + 1, []), summary: `Rådet viderefører brobygningen og prøver en ny indsats for unge i ${year + 1}.` });
  }
}
