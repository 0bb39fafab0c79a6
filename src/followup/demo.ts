import type { Kysely } from 'kysely';
import { areaWithin } from '../access/index.js';
import { benchmarkCategories, benchmarkMeasureById, findFlags, findReleaseAndRun } from '../benchmark/index.js';
import { addDays, danishDate } from '../clock.js';
import type { Database } from '../db/index.js';
import { createDocument, transition, type AgreementContent } from '../documents/index.js';
import type { Notifier } from '../notifications/index.js';
import { areaName, areas } from '../reference/index.js';
import type { StatbankService } from '../statbank/index.js';
import { readIndicator, type Target } from '../targets/index.js';
import { addStep, closeCase, openCase } from './cases.js';
import { generateFollowupReports } from './report.js';

/** Who the demo's steps are recorded by (shown as the decider of notes and dialogue meetings). */
const actor = { id: null, label: 'Beskæftigelsesregionen (demodata)' };

/**
 * The demo's follow-up, once: the newest quarter's reports for the demo region (B1) drafted,
 * two held meetings of the region's RBR, and cases in every stage: in dialogue (one with a
 * dialogue meeting and the task force offered, one overdue, one by hand on København, whose
 * LBR the demo seats), with a signed written agreement, with an order to use another actor
 * (the jobcenter would not sign the agreement), and one closed by decision.
 */
export async function ensureDemoFollowup(db: Kysely<Database>, statbank: StatbankService, notifier: Notifier): Promise<void> {
  const jobcenters = areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, 'B1')).map((a) => a.id);
  const report = await db.selectFrom('document').select('id').where('kind', '=', 'followup_report').limit(1).executeTakeFirst();
  if (!report) await generateFollowupReports(db, statbank, actor, { jobcenters });
  if (await db.selectFrom('followup_case').select('id').limit(1).executeTakeFirst()) return;
  const today = danishDate(new Date());
  const run = (await findReleaseAndRun(db))?.runId;
  const flags = run ? (await findFlags(db, run, jobcenters)).filter((f) => f.direction === 'worse' && f.status !== 'resolved') : [];
  // One case per jobcenter, so that each stage shows on its own jobcenter.
  const [a, b, c, d, e] = flags.filter((f, i) => flags.findIndex((g) => g.jobcenter === f.jobcenter) === i);
  const deps = { notifier, today };
  /** Opened `days` before today (so the steps after it lie in order). */
  const open = (f: NonNullable<typeof a>, days: number, next?: string) => openCase(db, actor, addDays(today, -days), { jobcenter: f.jobcenter, measure: f.measure, ...(next ? { next_date: next } : {}) });
  const dialogue = (id: number, version: number, jc: string, days: number) =>
    addStep(db, actor, deps, id, version, { kind: 'dialogue_meeting', date: addDays(today, days), text: `Dialogmøde med ledelsen i ${areaName(jc)} og LBR’s formand om resultaterne. Jobcentret gennemgår sine sager og vender tilbage med en plan.`, with_lbr: true });

  const rbr = await db.selectFrom('organisation').select(['id', 'name']).where('code', '=', 'RBR-B1').executeTakeFirst();
  const meeting = async (days: number, items: { title: string; decision: string }[]) => {
    const at = new Date(`${addDays(today, days)}T13:00:00Z`);
    const m = await db
      .insertInto('meeting')
      .values({
        council_id: rbr!.id, title: 'Ordinært møde', starts_at: at, place: 'Beskæftigelsesregionen, mødelokale 1',
        items: JSON.stringify(items.map((x, i) => ({ id: `demo-rbr-${days}-${i}`, title: x.title, text: '', closed: false, attachments: [], decision: x.decision, hearing: null }))),
        minutes: 'Rådet drøftede regionens opfølgning på jobcentre med alvorlige resultatproblemer.',
        agenda_published_at: new Date(at.getTime() - 8 * 864e5), minutes_published_at: new Date(at.getTime() + 2 * 864e5), revision: 1, updated_by: actor.label,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return m.id;
  };

  if (a) {
    const x = await open(a, 30, addDays(today, 30));
    const v = await dialogue(x.id, x.version, a.jobcenter, -14);
    await addStep(db, actor, deps, x.id, v.version, { kind: 'task_force', date: addDays(today, -7), text: 'Regionen tilbyder jobcentret et forløb med den rådgivende task force.', mode: 'offered' });
  }
  if (rbr && b && c) {
    // The order: the RBR recommended an agreement ten weeks ago; the jobcenter would not sign it, so three weeks ago the RBR recommended an order.
    const first = await meeting(-70, [{ title: `Opfølgning på ${areaName(c.jobcenter)}`, decision: `RBR indstiller til regionsdirektøren, at der indgås en skriftlig aftale med ${areaName(c.jobcenter)}.` }]);
    const second = await meeting(-21, [
      { title: `Opfølgning på ${areaName(b.jobcenter)}`, decision: `RBR indstiller til regionsdirektøren, at der indgås en skriftlig aftale med ${areaName(b.jobcenter)}.` },
      { title: `Opfølgning på ${areaName(c.jobcenter)}`, decision: `Der er ikke indgået en skriftlig aftale. RBR indstiller, at ${areaName(c.jobcenter)} pålægges at anvende anden aktør.` },
    ]);
    let y = await open(c, 100, addDays(today, 60));
    y = await dialogue(y.id, y.version, c.jobcenter, -90);
    y = await addStep(db, actor, deps, y.id, y.version, { kind: 'rbr_recommendation', meeting_id: first, item: 0, to: 'agreement' });
    y = await addStep(db, actor, deps, y.id, y.version, { kind: 'note', date: addDays(today, -40), text: 'Jobcentret har meddelt, at det ikke ønsker at indgå den skriftlige aftale.' });
    y = await addStep(db, actor, deps, y.id, y.version, { kind: 'rbr_recommendation', meeting_id: second, item: 1, to: 'order' });
    await addStep(db, actor, deps, y.id, y.version, { kind: 'order', date: addDays(today, -14), text: 'Opfølgningen på de ledige, der har modtaget ydelsen i over et år, varetages af en anden aktør i de næste 12 måneder.', form: 'other_actor', decided_by: 'Regionsdirektøren' });

    // The agreement: recommended at the second meeting, signed with two measurable targets.
    let x = await open(b, 75);
    x = await dialogue(x.id, x.version, b.jobcenter, -60);
    x = await addStep(db, actor, deps, x.id, x.version, { kind: 'rbr_recommendation', meeting_id: second, item: 0, to: 'agreement' });
    const targets = await agreementTargets(statbank, b.jobcenter, b.measure);
    if (targets.length) {
      const year = Number(today.slice(0, 4));
      const content: AgreementContent = {
        case_id: x.id,
        background: `Benchmarkingen viser, at ${areaName(b.jobcenter)} ligger markant dårligere end forventet ud fra rammevilkårene på ${benchmarkMeasureById.get(b.measure)?.label.toLowerCase() ?? b.measure}.`,
        effort: 'Jobcentret holder samtaler med alle borgere på ydelsen inden for de første uger, styrker den virksomhedsrettede indsats og følger op på hvert forløb hver måned.',
        targets,
        deadline: addDays(today, 365),
        follow_up: [120, 240].map((n) => addDays(today, n)).join('\n'),
        signed_by: { region: `Regionsdirektøren, ${areaName('B1')}`, jobcenter: `Jobcenterchefen, ${areaName(b.jobcenter)}` },
      };
      const doc = await createDocument(db, actor, { kind: 'written_agreement', area: b.jobcenter, year, content });
      const signed = await transition(db, actor, doc.id, doc.revision, 'publish');
      await addStep(db, actor, deps, x.id, x.version, { kind: 'agreement_signed', document_id: signed.id });
    }
  }
  if (d) await open(d, 40, addDays(today, -3));
  if (e) {
    const x = await open(e, 60);
    await closeCase(db, actor, x.id, { version: x.version, reason: 'decision', date: today, text: 'Forskellen skyldes en omlægning af sagsbehandlingen, som jobcentret har dokumenteret. Regionen følger op i den kvartalsvise opfølgning.' });
  }
  const kbh = await openCase(db, actor, addDays(today, -20), { jobcenter: 'J101', title: 'Mange langvarige sygedagpengeforløb', next_date: addDays(today, 45) });
  await addStep(db, actor, deps, kbh.id, kbh.version, { kind: 'dialogue_meeting', date: addDays(today, -2), text: 'Jobcentret gennemgår de sygedagpengeforløb, der har varet over et år, og fremlægger resultatet på næste LBR-møde.', with_lbr: true });
}

/** Two targets for an agreement on a result problem: the share on the measure's benefit and on public support in all, 5 % lower within a year of the newest month. */
async function agreementTargets(statbank: StatbankService, jobcenter: string, measure: string): Promise<Target[]> {
  const category = benchmarkCategories.find((c) => c.id === benchmarkMeasureById.get(measure)?.category);
  const out: Target[] = [];
  for (const [title, benefit] of [[`Færre på ${category?.name.toLowerCase() ?? 'ydelsen'}`, category?.benefit], ['Færre offentligt forsørgede i alt', 'public_support']] as const) {
    if (!benefit || out.some((t) => t.indicator?.dims.ydelsesgrupper === benefit)) continue;
    const indicator = { table: 'ptv_a02', measure: 'pct_population', area: jobcenter, dims: { ydelsesgrupper: benefit }, freq: 'M' as const };
    const last = (await readIndicator(statbank, indicator)).filter((p) => p.value !== null).at(-1);
    if (!last) continue;
    const deadline = `${Number(last.period.slice(0, 4)) + 1}${last.period.slice(4)}`;
    out.push({ title, indicator, baseline: { period: last.period, value: last.value! }, goal: { kind: 'relative_change', value: -0.05 }, direction: 'at_most', deadline });
  }
  return out;
}
