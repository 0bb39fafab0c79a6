import type { Kysely } from 'kysely';
import { areaWithin } from '../access/index.js';
import { findFlags, findReleaseAndRun } from '../benchmark/index.js';
import { danishDate } from '../clock.js';
import type { Database } from '../db/index.js';
import type { Notifier } from '../notifications/index.js';
import { areas } from '../reference/index.js';
import type { StatbankService } from '../statbank/index.js';
import { addStep, closeCase, openCase } from './cases.js';
import { generateFollowupReports } from './report.js';

const actor = { id: null, label: 'demo' };
const daysFrom = (today: string, n: number) => new Date(Date.parse(today) + n * 864e5).toISOString().slice(0, 10);

/**
 * The demo's follow-up, once: the newest quarter's reports for the demo region (B1) drafted,
 * and cases in different steps: two result problems in dialogue (one with a dialogue meeting
 * and the task force offered, one overdue), a case by hand on København (whose LBR the demo
 * seats) and one closed by decision.
 */
export async function ensureDemoFollowup(db: Kysely<Database>, statbank: StatbankService, notifier: Notifier): Promise<void> {
  const jobcenters = areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, 'B1')).map((a) => a.id);
  const report = await db.selectFrom('document').select('id').where('kind', '=', 'followup_report').limit(1).executeTakeFirst();
  if (!report) await generateFollowupReports(db, statbank, actor, { jobcenters });
  if (await db.selectFrom('followup_case').select('id').limit(1).executeTakeFirst()) return;
  const today = danishDate(new Date());
  const run = (await findReleaseAndRun(db))?.runId;
  const flags = run ? (await findFlags(db, run, jobcenters)).filter((f) => f.direction === 'worse' && f.status !== 'resolved') : [];
  const deps = { notifier, today };
  const [a, b, c] = flags;
  if (a) {
    const x = await openCase(db, actor, today, { jobcenter: a.jobcenter, measure: a.measure, next_date: daysFrom(today, 30) });
    const v = await addStep(db, actor, deps, x.id, x.version, { kind: 'dialogue_meeting', date: daysFrom(today, -14), text: 'Dialogmøde med jobcenterchefen og LBR’s formand om resultaterne. Jobcentret gennemgår sine sager og vender tilbage med en plan.', with_lbr: true });
    await addStep(db, actor, deps, x.id, v.version, { kind: 'task_force', date: daysFrom(today, -7), text: 'Regionen tilbyder jobcentret et forløb med den rådgivende task force.', mode: 'offered' });
  }
  if (b) await openCase(db, actor, today, { jobcenter: b.jobcenter, measure: b.measure, next_date: daysFrom(today, -3) });
  if (c) {
    const x = await openCase(db, actor, today, { jobcenter: c.jobcenter, measure: c.measure });
    await closeCase(db, actor, x.id, { version: x.version, reason: 'decision', date: today, text: 'Forskellen skyldes en omlægning af sagsbehandlingen, som jobcentret har dokumenteret. Regionen følger op i den kvartalsvise opfølgning.' });
  }
  const kbh = await openCase(db, actor, today, { jobcenter: 'J101', title: 'Mange langvarige sygedagpengeforløb', next_date: daysFrom(today, 45) });
  await addStep(db, actor, deps, kbh.id, kbh.version, { kind: 'dialogue_meeting', date: daysFrom(today, -2), text: 'Jobcentret gennemgår de sygedagpengeforløb, der har varet over et år, og fremlægger resultatet på næste LBR-møde.', with_lbr: true });
}
