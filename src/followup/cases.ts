/**
 * Cases (sager) on jobcenters' result problems, the region's core task (seed 003: dialogue
 * with those responsible when a jobcenter has serious result problems). A case is opened from
 * a flag of the newest benchmarking (keeping its evidence as of that release), from a failed
 * legal requirement, or by hand, and escalates:
 *   dialogue  — dialogue meetings with the jobcenter and its LBR (minutes go to the LBR), the
 *               advisory task force offered or imposed;
 *   agreement — on the RBR's recommendation (a decision of an RBR meeting) the regional
 *               director makes a written agreement with measurable targets (a document);
 *   order     — without an agreement, or without improvement by its deadline, the RBR's
 *               recommendation of an order to use another actor (or a framework tender);
 *   closed    — resolved (the measure back inside its expected interval in the last
 *               `RESOLVED_RELEASES` releases: computed, not typed) or by decision.
 * Each new release's benchmarking adds the measure's newest value to the case's trend.
 * Every change is version-checked and written to the audit log in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { areaWithin, audit, scopeOf, type AuditActor, type User } from '../access/index.js';
import { BENCHMARK_FIELDS, benchmarkMeasureById, findFlags, findReleaseAndRun } from '../benchmark/index.js';
import { danishDate } from '../clock.js';
import { councilUserIds } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { DocumentError, findDocument, followUpDates, type AgreementContent } from '../documents/index.js';
import { decodeValues, findDatasetShape, findSeries, statusNames } from '../indicators/index.js';
import type { Notifier } from '../notifications/index.js';
import { periodName } from '../statbank/index.js';
import { areaName, areas, employmentRegionOf } from '../reference/index.js';

/** Releases in a row whose value lies inside the expected interval before a case counts as resolved. */
export const RESOLVED_RELEASES = 2;

export const stageNames = { dialogue: 'Dialog', agreement: 'Skriftlig aftale', order: 'Pålæg', closed: 'Lukket' } as const;
export type Stage = keyof typeof stageNames;

export const stepNames = {
  dialogue_meeting: 'Dialogmøde',
  task_force: 'Task force',
  rbr_recommendation: 'RBR’s indstilling',
  agreement_signed: 'Skriftlig aftale indgået',
  order: 'Pålæg om at anvende anden aktør',
  note: 'Notat',
  closed: 'Sagen lukket',
} as const;
export type StepKind = keyof typeof stepNames;

const day = z.iso.date({ error: 'skriv datoen som åååå-mm-dd' });
const text = z.string().trim().max(20_000);

/** A step as the region records it; the server checks it against the case's stage. */
export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialogue_meeting'), date: day, text: text.min(1, 'skriv referatet af dialogmødet'), with_lbr: z.boolean().default(true) }),
  z.object({ kind: z.literal('task_force'), date: day, text, mode: z.enum(['offered', 'imposed'], { error: 'vælg om task forcen tilbydes eller pålægges' }) }),
  z.object({ kind: z.literal('rbr_recommendation'), meeting_id: z.number().int(), item: z.number().int().min(0), to: z.enum(['agreement', 'order'], { error: 'vælg hvad RBR indstiller til' }) }),
  z.object({ kind: z.literal('agreement_signed'), document_id: z.number().int() }),
  z.object({ kind: z.literal('order'), date: day, text: text.min(1, 'beskriv den afgrænsede del af indsatsen, pålægget gælder'), form: z.enum(['other_actor', 'framework_tender'], { error: 'vælg pålæg om anden aktør eller rammeudbud' }), decided_by: text.min(1, 'skriv hvem der traf beslutningen') }),
  z.object({ kind: z.literal('note'), date: day, text: text.min(1, 'skriv notatet') }),
]);
export type StepInput = z.infer<typeof stepSchema>;

export const openSchema = z.object({
  jobcenter: z.string().regex(/^J\d+$/, 'vælg et jobcenter'),
  /** The flag's measure (from the newest benchmarking), or none for a case opened by hand. */
  measure: z.string().trim().min(1).optional(),
  title: z.string().trim().max(300).optional(),
  next_date: day.optional(),
});

export const closeSchema = z.object({
  version: z.number().int(),
  reason: z.enum(['resolved', 'decision'], { error: 'vælg løst eller besluttet' }),
  date: day,
  text: text,
});

type Conn = Kysely<Database> | Transaction<Database>;
export type CaseRow = Awaited<ReturnType<typeof findCaseRow>>;

const fail = (status: number, code: string, message: string, field?: string) => new DocumentError(status, code, message, field ? { field } : undefined);
const dk = (d: string) => d.split('-').reverse().join('.');
const measureLabel = (m: string | null) => (m === null ? null : (benchmarkMeasureById.get(m)?.label ?? (m === 'timeliness' ? 'Rettidighed i samtaler' : m)));

async function findCaseRow(db: Conn, id: number) {
  return db.selectFrom('followup_case').selectAll().where('id', '=', id).executeTakeFirst();
}

async function organisationOf(db: Conn, area: string): Promise<number | null> {
  return (await db.selectFrom('organisation').select('id').where('area', '=', area).where('kind', '!=', 'council').executeTakeFirst())?.id ?? null;
}

/** Opens a case on a jobcenter: from the newest benchmarking's flag on `measure` (its evidence kept), or by hand. */
export async function openCase(db: Kysely<Database>, actor: AuditActor, today: string, o: z.infer<typeof openSchema>) {
  const region = employmentRegionOf(o.jobcenter);
  if (!region) throw fail(404, 'not_found', `${o.jobcenter} er ikke et jobcenter.`, 'jobcenter');
  const found = await findReleaseAndRun(db);
  if (!found) throw fail(409, 'no_release', 'Der er endnu ingen udgivelse at åbne en sag på.');
  let evidence: unknown = {};
  let source = 'manual';
  if (o.measure) {
    if (found.runId === null) throw fail(409, 'no_benchmark', 'Den nyeste udgivelse er ikke benchmarket, så der er intet resultatproblem at åbne en sag på.', 'measure');
    const flag = (await findFlags(db, found.runId, [o.jobcenter])).find((f) => f.measure === o.measure && f.direction === 'worse' && f.status !== 'resolved');
    if (!flag) throw fail(404, 'no_flag', `Benchmarkingen af udgivelse ${found.release.version} finder intet resultatproblem for ${areaName(o.jobcenter)} på ${measureLabel(o.measure)}.`, 'measure');
    evidence = flag.evidence;
    source = flag.kind === 'legal_requirement' ? 'legal_requirement' : 'flag';
    const open = await db.selectFrom('followup_case').select('id').where('jobcenter', '=', o.jobcenter).where('measure', '=', o.measure).where('stage', '!=', 'closed').executeTakeFirst();
    if (open) throw fail(409, 'exists', `Der er allerede en åben sag (sag ${open.id}) om ${measureLabel(o.measure)} for ${areaName(o.jobcenter)}.`, 'measure');
  }
  const title = o.title?.trim() || (o.measure ? `${measureLabel(o.measure)}: ${areaName(o.jobcenter)}` : '');
  if (!title) throw fail(400, 'invalid_field', 'Giv sagen en overskrift, når den ikke åbnes fra et resultatproblem.', 'title');
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('followup_case')
      .values({ jobcenter: o.jobcenter, region: region.id, source, measure: o.measure ?? null, title, stage: 'dialogue', opened_release: found.release.version, opened_on: today, evidence: JSON.stringify(evidence), next_date: o.next_date ?? null, closed_reason: null, closed_on: null, updated_by: actor.label })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'followup.case.open', entity: 'followup_case', entityId: row.id, organisationId: await organisationOf(tx, o.jobcenter), details: { jobcenter: o.jobcenter, measure: o.measure ?? null, release: found.release.version } });
    return row;
  });
}

type TrendPoint = { release: number; period: string; period_name: string; actual: number | null; expected: number | null; lower: number | null; upper: number | null; threshold: number | null; inside: boolean | null };

/**
 * Each case's measure in every release's benchmarking since it was opened: value, interval,
 * and whether it is inside. One query for the runs, one for their series and one per release
 * for timeliness, however many cases.
 */
export async function caseTrends(db: Conn, cases: NonNullable<CaseRow>[]): Promise<Map<number, TrendPoint[]>> {
  const out = new Map<number, TrendPoint[]>(cases.map((c) => [c.id, []]));
  const measured = cases.filter((c) => c.measure !== null);
  if (measured.length === 0) return out;
  const runs = await db
    .selectFrom('benchmark_run as b')
    .innerJoin('release as r', 'r.id', 'b.release_id')
    .select(['b.id', 'b.periods', 'b.settings', 'b.release_id', 'r.version'])
    .where('r.version', '>=', Math.min(...measured.map((c) => c.opened_release)))
    // The newest run of each release.
    .where('b.id', 'in', (eb) => eb.selectFrom('benchmark_run').select((e) => e.fn.max('id').as('id')).groupBy('release_id'))
    .orderBy('r.version')
    .execute();
  const modelled = measured.filter((c) => c.measure !== 'timeliness');
  const series = runs.length && modelled.length
    ? await db
        .selectFrom('benchmark_series')
        .select(['run_id', 'measure', 'jobcenter', 'values'])
        .where('run_id', 'in', runs.map((r) => r.id))
        .where('measure', 'in', [...new Set(modelled.map((c) => c.measure!))])
        .where('jobcenter', 'in', [...new Set(modelled.map((c) => c.jobcenter))])
        .execute()
    : [];
  const seriesOf = new Map(series.map((r) => [`${r.run_id}|${r.measure}|${r.jobcenter}`, r.values]));
  const F = BENCHMARK_FIELDS.length;
  for (const run of runs) {
    const periods = run.periods as unknown as string[];
    const t = periods.length - 1;
    const period = periods[t]!;
    const threshold = (run.settings as { timelinessThreshold?: number }).timelinessThreshold ?? 80;
    const here = measured.filter((c) => c.opened_release <= run.version);
    // Timeliness is not modelled, so not in the benchmarking's series: the release's published rolling-year cell.
    const timely = here.some((c) => c.measure === 'timeliness') ? await timelinessAt(db, run.release_id, [...new Set(here.filter((c) => c.measure === 'timeliness').map((c) => c.jobcenter))], period) : new Map<string, number>();
    for (const c of here) {
      let actual: number | null, expected: number | null = null, lower: number | null = null, upper: number | null = null;
      if (c.measure === 'timeliness') actual = timely.get(c.jobcenter) ?? null;
      else {
        const raw = seriesOf.get(`${run.id}|${c.measure}|${c.jobcenter}`);
        const v = raw ? decodeValues(raw, 'f64-deflate') : null;
        const at = (f: (typeof BENCHMARK_FIELDS)[number]) => {
          const x = v?.[t * F + BENCHMARK_FIELDS.indexOf(f)];
          return x !== undefined && Number.isFinite(x) ? x : null;
        };
        [actual, expected, lower, upper] = [at('actual'), at('expected'), at('lower'), at('upper')];
      }
      const higher = c.measure === 'timeliness' || !!benchmarkMeasureById.get(c.measure!)?.higherIsBetter;
      const inside = actual === null ? null : c.measure === 'timeliness' ? actual >= threshold : lower !== null && upper !== null ? (higher ? actual >= lower : actual <= upper) : null;
      out.get(c.id)!.push({ release: run.version, period, period_name: periodName(period), actual, expected, lower, upper, threshold: c.measure === 'timeliness' ? threshold : null, inside });
    }
  }
  return out;
}

/** Some jobcenters' published timeliness (all benefits, no breakdown) in a period of a release; a jobcenter is missing when not published. */
async function timelinessAt(db: Conn, releaseId: number, jobcenters: string[], period: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const shape = await findDatasetShape(db, releaseId, 'timeliness');
  const i = shape?.periods.findIndex((p) => p.id === period) ?? -1;
  const m = shape?.measures.findIndex((x) => x.id === 'timeliness') ?? -1;
  if (!shape || i < 0 || m < 0) return out;
  for (const row of await findSeries(db, { releaseId, dataset: 'timeliness', areas: jobcenters, dims: [['public_support'], ['total'], ['total']] })) {
    if (statusNames[row.status[i]!] !== 'published') continue;
    const x = decodeValues(row.values, row.codec)[i * shape.measures.length + m];
    if (x !== undefined && Number.isFinite(x)) out.set(row.area, x);
  }
  return out;
}

/** Whether the trend shows the problem solved: inside the interval in each of the last RESOLVED_RELEASES releases after the opening one. */
export const isResolved = (trend: TrendPoint[], opened: number) => {
  const after = trend.filter((p) => p.release > opened);
  return after.length >= RESOLVED_RELEASES && after.slice(-RESOLVED_RELEASES).every((p) => p.inside === true);
};

export async function findSteps(db: Conn, caseId: number) {
  return db.selectFrom('followup_step').selectAll().where('case_id', '=', caseId).orderBy('date').orderBy('id').execute();
}

/** Stores a change to a case if `version` is current; refused (409) when someone changed it since. */
async function change(tx: Transaction<Database>, actor: AuditActor, id: number, version: number, action: string, set: Partial<{ stage: string; next_date: string | null; closed_reason: string | null; closed_on: string | null }>, details: Record<string, unknown>) {
  const c = await tx.selectFrom('followup_case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw fail(404, 'not_found', `Sag ${id} findes ikke.`);
  if (c.version !== version) throw new DocumentError(409, 'conflict', `Sagen er ændret af ${c.updated_by}, efter du åbnede den (du havde version ${version}, nu er det version ${c.version}). Intet er gemt; hent sagen igen.`, { current: { revision: c.version, updated_by: c.updated_by, updated_at: c.updated_at } });
  const next = await tx.updateTable('followup_case').set({ ...set, version: c.version + 1, updated_at: new Date(), updated_by: actor.label }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await audit(tx, actor, { action, entity: 'followup_case', entityId: id, organisationId: await organisationOf(tx, c.jobcenter), details: { jobcenter: c.jobcenter, version: next.version, ...details } });
  return { before: c, after: next };
}

export interface StepDeps {
  notifier: Notifier;
  today: string;
}

/**
 * Records a step in a case, checked against its stage: an RBR recommendation must be a
 * decision of a held meeting of the region's RBR and moves the case to the agreement or order
 * stage; a signed agreement must be the case's published written agreement; an order needs
 * the order stage. Dialogue minutes go to the LBR's members.
 */
export async function addStep(db: Kysely<Database>, actor: AuditActor, deps: StepDeps, id: number, version: number, s: StepInput, nextDate?: string | null) {
  return db.transaction().execute(async (tx) => {
    const c = await findCaseRow(tx, id);
    if (!c) throw fail(404, 'not_found', `Sag ${id} findes ikke.`);
    if (c.stage === 'closed') throw fail(409, 'closed', 'Sagen er lukket.');
    let stage = c.stage;
    let date = deps.today, textOut = '', decidedBy = actor.label, meetingId: number | null = null, documentId: number | null = null;
    let details: Record<string, unknown> = {};
    switch (s.kind) {
      case 'dialogue_meeting':
        ({ date, text: textOut } = s);
        details = { with_lbr: s.with_lbr };
        break;
      case 'task_force':
        ({ date, text: textOut } = s);
        details = { mode: s.mode };
        break;
      case 'note':
        ({ date, text: textOut } = s);
        break;
      case 'rbr_recommendation': {
        const m = await tx.selectFrom('meeting as m').innerJoin('organisation as o', 'o.id', 'm.council_id').select(['m.id', 'm.starts_at', 'm.items', 'm.title', 'o.code', 'o.name']).where('m.id', '=', s.meeting_id).executeTakeFirst();
        if (!m || m.code !== `RBR-${c.region}`) {
          const rbr = await tx.selectFrom('organisation').select('name').where('code', '=', `RBR-${c.region}`).executeTakeFirst();
          throw fail(400, 'invalid_field', `Vælg et møde i ${rbr?.name ?? 'det regionale beskæftigelsesråd'}: indstillingen er en beslutning på et af rådets møder.`, 'meeting_id');
        }
        date = danishDate(m.starts_at);
        if (date > deps.today) throw fail(409, 'not_held', `Mødet holdes ${dk(date)} og er ikke holdt endnu.`, 'meeting_id');
        const item = (m.items as unknown as { title: string; decision: string }[])[s.item];
        if (!item?.decision.trim()) throw fail(400, 'invalid_field', 'Punktet har ingen beslutning. Skriv beslutningen i mødets referat først.', 'item');
        if (s.to === 'agreement' && c.stage !== 'dialogue') throw fail(409, 'stage', 'RBR kan kun indstille til en skriftlig aftale, mens sagen er i dialog.', 'to');
        if (s.to === 'order') {
          if (c.stage !== 'agreement') throw fail(409, 'stage', 'RBR indstiller til et pålæg, når en skriftlig aftale ikke er indgået eller ikke har virket inden fristen.', 'to');
          const signed = await tx.selectFrom('followup_step').select('document_id').where('case_id', '=', id).where('kind', '=', 'agreement_signed').executeTakeFirst();
          const agreement = signed?.document_id ? await findDocument(tx, signed.document_id) : undefined;
          const deadline = (agreement?.content as AgreementContent | undefined)?.deadline.trim();
          if (deadline && deadline >= deps.today) throw fail(409, 'deadline', `Den skriftlige aftales frist (${dk(deadline)}) er ikke overskredet endnu.`, 'to');
        }
        stage = s.to;
        textOut = item.decision;
        decidedBy = `${m.name}, møde ${dk(date)} (${item.title})`;
        meetingId = m.id;
        details = { to: s.to, item: s.item };
        break;
      }
      case 'agreement_signed': {
        if (c.stage !== 'agreement') throw fail(409, 'stage', 'En skriftlig aftale indgås, når RBR har indstillet til den.', 'document_id');
        const d = await findDocument(tx, s.document_id);
        if (!d || d.kind !== 'written_agreement' || d.area !== c.jobcenter) throw fail(400, 'invalid_field', `Vælg jobcentrets skriftlige aftale (${areaName(c.jobcenter)}).`, 'document_id');
        if (d.state !== 'published') throw fail(409, 'not_signed', 'Aftalen er ikke underskrevet (offentliggjort) endnu.', 'document_id');
        const content = d.content as AgreementContent;
        date = danishDate(d.published_at ?? new Date());
        documentId = d.id;
        textOut = `Aftalen løber til ${content.deadline ? dk(content.deadline) : '–'} med ${content.targets.length} mål.`;
        decidedBy = content.signed_by.region || actor.label;
        nextDate ??= followUpDates(content).find((x) => x >= deps.today) ?? (content.deadline || null);
        break;
      }
      case 'order':
        if (c.stage !== 'order') throw fail(409, 'stage', 'Et pålæg gives efter RBR’s indstilling til det.', 'kind');
        ({ date, text: textOut, decided_by: decidedBy } = s);
        details = { form: s.form };
        break;
    }
    await tx.insertInto('followup_step').values({ case_id: id, kind: s.kind, date, text: textOut, decided_by: decidedBy, meeting_id: meetingId, document_id: documentId, details: JSON.stringify(details), created_by: actor.label }).execute();
    const { after } = await change(tx, actor, id, version, `followup.step.${s.kind}`, { stage, ...(nextDate !== undefined ? { next_date: nextDate } : {}) }, { step: s.kind, stage });
    // The dialogue meeting's minutes go to the LBR (seed 002: laid before an LBR meeting).
    if (s.kind === 'dialogue_meeting' && s.with_lbr) {
      const lbr = await tx.selectFrom('organisation').select('id').where('code', '=', `LBR-${c.jobcenter}`).executeTakeFirst();
      if (lbr) {
        await deps.notifier.notify(tx, await councilUserIds(tx, lbr.id, deps.today), {
          key: `followup.dialogue:${id}:${after.version}`,
          title: `Referat af dialogmøde med beskæftigelsesregionen: ${areaName(c.jobcenter)}`,
          body: `Regionen holdt dialogmøde ${dk(date)} om "${c.title}". Referatet skal drøftes på et LBR-møde.`,
          link: `/opfoelgning/sager/${id}`,
        });
      }
    }
    return after;
  });
}

/** Closes a case: as resolved only when the trend shows it (computed), or by decision with its reasons. */
export async function closeCase(db: Kysely<Database>, actor: AuditActor, id: number, o: z.infer<typeof closeSchema>) {
  return db.transaction().execute(async (tx) => {
    const c = await findCaseRow(tx, id);
    if (!c) throw fail(404, 'not_found', `Sag ${id} findes ikke.`);
    if (c.stage === 'closed') throw fail(409, 'closed', 'Sagen er allerede lukket.');
    if (o.reason === 'resolved' && !isResolved((await caseTrends(tx, [c])).get(c.id)!, c.opened_release)) {
      throw fail(409, 'not_resolved', `Sagen kan ikke lukkes som løst: målet skal ligge inden for det forventede interval i de seneste ${RESOLVED_RELEASES} udgivelser efter udgivelse ${c.opened_release}, og det gør det ikke. Luk den ved beslutning, hvis den skal lukkes nu.`, 'reason');
    }
    if (o.reason === 'decision' && !o.text) throw fail(400, 'invalid_field', 'Skriv begrundelsen for at lukke sagen.', 'text');
    await tx.insertInto('followup_step').values({ case_id: id, kind: 'closed', date: o.date, text: o.text || `Løst: inden for det forventede interval i ${RESOLVED_RELEASES} udgivelser i træk.`, decided_by: actor.label, meeting_id: null, document_id: null, details: JSON.stringify({ reason: o.reason }), created_by: actor.label }).execute();
    return (await change(tx, actor, id, o.version, 'followup.case.close', { stage: 'closed', closed_reason: o.reason, closed_on: o.date, next_date: null }, { reason: o.reason })).after;
  });
}

/** Cases of some jobcenters, newest first, with their stage's name and measure's label. */
export async function listCases(db: Conn, jobcenters: string[], today: string) {
  const rows = await db.selectFrom('followup_case').selectAll().where('jobcenter', 'in', jobcenters.length ? jobcenters : ['-']).orderBy('id', 'desc').execute();
  const trends = await caseTrends(db, rows);
  return rows.map((c) => describeCase(c, trends.get(c.id)!, today));
}

function describeCase(c: NonNullable<CaseRow>, trend: TrendPoint[], today: string) {
  const first = trend[0]?.actual ?? null, last = trend.at(-1)?.actual ?? null;
  const higher = c.measure === 'timeliness' || (c.measure ? !!benchmarkMeasureById.get(c.measure)?.higherIsBetter : false);
  const change = first === null || last === null || trend.length < 2 ? null : last - first;
  return {
    ...c,
    evidence: c.evidence as Record<string, unknown>,
    jobcenter_name: areaName(c.jobcenter),
    stage_name: stageNames[c.stage as Stage],
    measure_label: measureLabel(c.measure),
    unit: c.measure ? (benchmarkMeasureById.get(c.measure)?.unit ?? 'pct.') : null,
    decimals: c.measure ? (benchmarkMeasureById.get(c.measure)?.decimals ?? 1) : 1,
    trend,
    resolved: isResolved(trend, c.opened_release),
    /** Better, worse or unchanged since the case was opened (null: too few releases). */
    direction: (change === null ? null : change === 0 ? 'unchanged' : (change > 0) === higher ? 'better' : 'worse') as 'better' | 'worse' | 'unchanged' | null,
    overdue: c.stage !== 'closed' && c.next_date !== null && c.next_date < today,
  };
}

export async function findCase(db: Conn, id: number, today: string) {
  const c = await findCaseRow(db, id);
  if (!c) return undefined;
  const steps = (await findSteps(db, id)).map((s) => ({ ...s, details: s.details as Record<string, unknown>, kind_name: stepNames[s.kind as StepKind] ?? s.kind }));
  return { ...describeCase(c, (await caseTrends(db, [c])).get(c.id)!, today), steps };
}

/**
 * The follow-up's dates for calendars: the next follow-up of each open case on `caseJobcenters`
 * (cases are not public) and the follow-up dates and deadline of each signed (published, so
 * public) written agreement with one of `jobcenters`.
 */
export async function followupDates(db: Conn, jobcenters: string[], caseJobcenters: string[] = jobcenters) {
  const cases = caseJobcenters.length ? await db.selectFrom('followup_case').select(['id', 'jobcenter', 'title', 'next_date', 'stage']).where('jobcenter', 'in', caseJobcenters).where('stage', '!=', 'closed').where('next_date', 'is not', null).execute() : [];
  const agreements = jobcenters.length ? await db.selectFrom('document').select(['id', 'area', 'content']).where('kind', '=', 'written_agreement').where('state', '=', 'published').where('area', 'in', jobcenters).execute() : [];
  const event = (kind: 'case' | 'agreement_followup' | 'agreement_deadline', jobcenter: string, uid: string, day: string, summary: string, description: string, path: string) => ({ kind, jobcenter, jobcenter_name: areaName(jobcenter), uid, day, summary, description, path });
  return [
    ...cases.map((c) => event('case', c.jobcenter, `followup-case-${c.id}`, c.next_date!, `Opfølgning: ${c.title}`, `Næste opfølgning i sagen om ${areaName(c.jobcenter)} (${stageNames[c.stage as Stage].toLowerCase()}).`, `/opfoelgning/sager/${c.id}`)),
    ...agreements.flatMap((d) => {
      const a = d.content as AgreementContent;
      const what = `skriftlig aftale med ${areaName(d.area)}`;
      return [
        ...followUpDates(a).map((day) => event('agreement_followup', d.area, `agreement-${d.id}-${day}`, day, `Opfølgning på ${what}`, 'Regionen følger op på aftalens mål.', `/dokumenter/${d.id}`)),
        ...(a.deadline.trim() ? [event('agreement_deadline', d.area, `agreement-${d.id}-deadline`, a.deadline.trim(), `Frist: ${what}`, 'Aftalens mål skal være nået.', `/dokumenter/${d.id}`)] : []),
      ];
    }),
  ].sort((x, y) => x.day.localeCompare(y.day));
}

/** The jobcenters whose cases a user sees (followup.read): every one, those within the own area (a council member: its LBR's jobcenter), or none. Optionally only within `area`. */
export function followedJobcenters(user: User | null, area = 'DK'): string[] {
  const scope = user ? scopeOf(user.role, 'followup.read') : null;
  if (!scope) return [];
  const own = scope === 'own_area' ? (user!.organisation.area ?? '-') : 'DK';
  return areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, own) && areaWithin(a.id, area)).map((a) => a.id);
}
