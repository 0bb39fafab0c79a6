/**
 * What became of each initiative of an adopted grant plan (seed 002: "der skal foreligge en
 * evaluering og et regnskab for tilskuddets anvendelse"): the money committed and spent, and by
 * its due date an evaluation, whose measurable results are the initiative's targets as the bank
 * measures them when the evaluation is given, and the accounts. Kept by the council's
 * secretariat (the jobcenter's editors), versioned and audited; an evaluation or accounts past
 * their due date are overdue, on the council's page and the yearly calendar's board.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, type AuditActor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { DocumentError, kroner, stateNames, type GrantPlanContent, type StoredDocument, type TargetView } from '../documents/index.js';

/** An initiative's result as the bank measured it when its evaluation was given. */
export interface MeasuredResult {
  description: string;
  status: string;
  reason: string;
  value: number | null;
  period: string | null;
}

export interface InitiativeAccount {
  initiative: string;
  title: string;
  budget: number;
  committed: number;
  spent: number;
  due: string | null;
  evaluation: string;
  evaluated_on: string | null;
  results: MeasuredResult[];
  accounts: string;
  accounts_on: string | null;
  /** Past its due date without an evaluation or accounts. */
  overdue: boolean;
  /** 0 before the first save. */
  version: number;
  updated_at: Date | null;
  updated_by: string | null;
}

const kr = (field: string) => z.number({ error: `skriv ${field} som et tal` }).int('beløbet skal være i hele kroner').min(0, 'beløbet kan ikke være negativt').max(1_000_000_000);

export const accountSchema = z.object({
  /** The version the user saw (0: none saved yet). */
  version: z.number().int().min(0),
  committed: kr('det bevilgede'),
  spent: kr('forbruget'),
  due: z.iso.date('skriv datoen som ÅÅÅÅ-MM-DD').nullable().default(null),
  evaluation: z.string().trim().max(20_000).default(''),
  /** Gives the evaluation: its date, and the results measured now. */
  evaluated: z.boolean().default(false),
  accounts: z.string().trim().max(20_000).default(''),
  /** Gives the accounts (regnskab). */
  accounts_given: z.boolean().default(false),
});

type Row = Omit<InitiativeAccount, 'title' | 'budget' | 'overdue'>;

const isOverdue = (a: Pick<Row, 'due' | 'evaluated_on' | 'accounts_on'>, today: string) => !!a.due && a.due < today && (!a.evaluated_on || !a.accounts_on);

async function rows(db: Kysely<Database>, documentIds: number[]): Promise<(Row & { document_id: number })[]> {
  if (documentIds.length === 0) return [];
  return (await db.selectFrom('grant_account').selectAll().where('document_id', 'in', documentIds).execute()).map((r) => ({ ...r, results: r.results as MeasuredResult[] }));
}

/** Every initiative of the plan with its account (an empty one before the first save). */
export async function listAccounts(db: Kysely<Database>, doc: Pick<StoredDocument, 'id' | 'content'>, today: string): Promise<InitiativeAccount[]> {
  const saved = new Map((await rows(db, [doc.id])).map(({ document_id: _, ...r }) => [r.initiative, r]));
  return (doc.content as GrantPlanContent).initiatives.map((i) => {
    const r = saved.get(i.id);
    const row: Row = r ?? { initiative: i.id, committed: 0, spent: 0, due: null, evaluation: '', evaluated_on: null, results: [], accounts: '', accounts_on: null, version: 0, updated_at: null, updated_by: null };
    return { ...row, initiative: i.id, title: i.title, budget: i.budget, overdue: isOverdue(row, today) };
  });
}

/**
 * Saves an initiative's account, if `version` is the one stored: only on an adopted (approved
 * or published) plan; what is committed within the initiative's budget, what is spent within
 * what is committed. `measured` gives the initiative's targets as the bank measures them now.
 */
export async function saveAccount(
  db: Kysely<Database>,
  actor: AuditActor,
  doc: StoredDocument,
  initiative: string,
  input: z.infer<typeof accountSchema>,
  o: { today: string; now: Date; measured: () => Promise<TargetView[]> },
): Promise<InitiativeAccount> {
  if (doc.kind !== 'grant_plan') throw new DocumentError(400, 'invalid_field', `Dokument ${doc.id} er ikke en handleplan for LBR-midler.`);
  if (doc.state !== 'approved' && doc.state !== 'published') throw new DocumentError(409, 'state', `Handleplanen er ${stateNames[doc.state].toLowerCase()}; forbrug, evaluering og regnskab føres, når rådet har vedtaget den.`);
  const content = doc.content as GrantPlanContent;
  const n = content.initiatives.findIndex((i) => i.id === initiative);
  if (n < 0) throw new DocumentError(404, 'not_found', `Handleplanen har intet initiativ "${initiative}".`);
  const plan = content.initiatives[n]!;
  if (input.committed > plan.budget) throw new DocumentError(400, 'invalid_field', `Feltet Bevilget: der er bevilget ${kroner(input.committed)}, men initiativets budget er ${kroner(plan.budget)}`, { field: 'committed' });
  if (input.spent > input.committed) throw new DocumentError(400, 'invalid_field', `Feltet Forbrug: forbruget (${kroner(input.spent)}) er større end det bevilgede (${kroner(input.committed)}).`, { field: 'spent' });
  if (input.evaluated && input.evaluation === '') throw new DocumentError(400, 'invalid_field', 'Feltet Evaluering: skriv evalueringen, før den afgives.', { field: 'evaluation' });
  if (input.accounts_given && input.accounts === '') throw new DocumentError(400, 'invalid_field', 'Feltet Regnskab: skriv regnskabet, før det afgives.', { field: 'accounts' });
  const results = input.evaluated
    ? (await o.measured()).filter((t) => t.path.startsWith(`initiatives.${n}.targets.`)).map((t) => ({ description: t.description, status: t.evaluation.status, reason: t.evaluation.reason, value: t.evaluation.latest?.value ?? null, period: t.evaluation.latest?.period ?? null }))
    : null;
  return db.transaction().execute(async (tx) => {
    const cur = await tx.selectFrom('grant_account').selectAll().where('document_id', '=', doc.id).where('initiative', '=', initiative).forUpdate().executeTakeFirst();
    if ((cur?.version ?? 0) !== input.version) {
      throw new DocumentError(409, 'conflict', `Initiativets regnskab er ændret af ${cur?.updated_by ?? 'en anden'}, efter du åbnede det (du havde version ${input.version}, nu er det version ${cur?.version ?? 0}). Dine tal er ikke gemt, men står stadig i felterne.`, { field: 'version' });
    }
    // An evaluation and accounts are given once: then their text, date and measured results stay.
    const evaluated = !!cur?.evaluated_on, accounted = !!cur?.accounts_on;
    const row = {
      committed: input.committed,
      spent: input.spent,
      due: input.due,
      evaluation: evaluated ? cur!.evaluation : input.evaluation,
      evaluated_on: cur?.evaluated_on ?? (input.evaluated ? o.today : null),
      results: JSON.stringify(evaluated ? cur!.results : (results ?? [])),
      accounts: accounted ? cur!.accounts : input.accounts,
      accounts_on: cur?.accounts_on ?? (input.accounts_given ? o.today : null),
      version: (cur?.version ?? 0) + 1,
      updated_at: o.now,
      updated_by: actor.label,
    };
    if (cur) await tx.updateTable('grant_account').set(row).where('document_id', '=', doc.id).where('initiative', '=', initiative).execute();
    else await tx.insertInto('grant_account').values({ document_id: doc.id, initiative, ...row }).execute();
    await audit(tx, actor, {
      action: 'grant.account',
      entity: 'grant_account',
      entityId: `${doc.id}:${initiative}`,
      details: { committed: row.committed, spent: row.spent, due: row.due, evaluated_on: row.evaluated_on, accounts_on: row.accounts_on, version: row.version },
    });
    const saved: Row = { initiative, ...row, results: JSON.parse(row.results) as MeasuredResult[] };
    return { ...saved, title: plan.title, budget: plan.budget, overdue: isOverdue(saved, o.today) };
  });
}

/** The initiatives' due evaluations and accounts of the published grant plans of `jobcenters`, for the yearly calendar's board (public, as the plans are). */
export async function grantDates(db: Kysely<Database>, jobcenters: string[], today: string): Promise<{ area: string; document_id: number; initiative: string; title: string; day: string; overdue: boolean }[]> {
  if (jobcenters.length === 0) return [];
  const plans = await db.selectFrom('document').select(['id', 'area', 'content']).where('kind', '=', 'grant_plan').where('area', 'in', jobcenters).where('state', '=', 'published').execute();
  const saved = await rows(db, plans.map((p) => p.id));
  return saved
    .filter((r) => r.due)
    .map((r) => {
      const p = plans.find((x) => x.id === r.document_id)!;
      const title = (p.content as GrantPlanContent).initiatives.find((i) => i.id === r.initiative)?.title ?? r.initiative;
      return { area: p.area, document_id: p.id, initiative: r.initiative, title: `Evaluering og regnskab: ${title}`, day: r.due!, overdue: isOverdue(r, today) };
    })
    .sort((a, b) => a.day.localeCompare(b.day));
}
