/**
 * A jobcenter's registry of written cooperation agreements (samarbejdsaftaler,
 * partnerskabsaftaler; seed 002 and the LO handbook's annexes): the parties (a-kasser, the
 * labour-market organisations and their sections, other municipalities), the areas and
 * target groups covered, who takes the initiative, the information exchanged within data
 * protection (with the citizen's consent), secretariat support, entry into force, validity,
 * review, renegotiation and who may terminate it.
 *
 * States: draft → signed → under review (opened for renegotiation; signed again) → terminated;
 * a signed agreement past its validity is expired (derived, not stored). Signed agreements are
 * public. Every save and state change is a version (the version the user saw is checked) and
 * an audit entry.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, type AuditActor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { DocumentError } from '../documents/index.js';
import { areaById, unemploymentFunds } from '../reference/index.js';

export const agreementStates = ['draft', 'signed', 'under_review', 'terminated'] as const;
export type AgreementState = (typeof agreementStates)[number];
/** The states with their Danish names; `expired` is a signed agreement past its validity. */
export const agreementStateNames: Record<AgreementState | 'expired', string> = { draft: 'Kladde', signed: 'Underskrevet', under_review: 'Under revision', terminated: 'Opsagt', expired: 'Udløbet' };

const text = z.string().trim().max(20_000).default('');
const day = z.iso.date('skriv datoen som ÅÅÅÅ-MM-DD').nullable().default(null);

/** A party: an a-kasse (its id), an organisation of the platform (its code: DA, LO, a jobcenter, an LBR) or another by name. */
const partySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unemployment_fund'), id: z.string().refine((id) => unemploymentFunds.some((f) => f.id === id), 'ukendt a-kasse') }),
  z.object({ kind: z.literal('organisation'), code: z.string().trim().toUpperCase().min(1) }),
  z.object({ kind: z.literal('other'), name: z.string().trim().min(1, 'skriv partens navn').max(200) }),
]);
export type Party = z.infer<typeof partySchema>;

export const agreementContentSchema = z.object({
  parties: z.array(partySchema).max(30).default([]),
  areas: text,
  target_groups: text,
  /** Who takes the initiative (e.g. to contact a member who becomes unemployed). */
  initiative: text,
  /** What information is exchanged, and how, within data protection. */
  information_exchange: text,
  /** Information about a citizen is exchanged only with the citizen's consent. */
  consent: z.boolean().default(false),
  secretariat: text,
  renegotiation: text,
  /** "Hvem har ret til at opsige aftalen". */
  termination: text,
  in_force: day,
  valid_until: day,
  review_on: day,
});
export type AgreementContent = z.infer<typeof agreementContentSchema>;

export const agreementInputSchema = z.object({
  title: z.string().trim().min(1, 'giv aftalen en titel').max(300),
  content: agreementContentSchema,
  /** The version the user saw (absent for a new agreement). */
  version: z.number().int().min(1).optional(),
});

export const transitionSchema = z.object({
  action: z.enum(['sign', 'review', 'terminate']),
  version: z.number().int().min(1),
  /** For `terminate`: the day and by whom. */
  terminated_on: z.iso.date('skriv datoen som ÅÅÅÅ-MM-DD').optional(),
  reason: z.string().trim().max(2000).optional(),
});

export interface Agreement {
  id: number;
  jobcenter: string;
  title: string;
  content: AgreementContent;
  state: AgreementState;
  /** The state as readers see it: `expired` for a signed agreement past its validity. */
  status: AgreementState | 'expired';
  status_name: string;
  signed_on: string | null;
  terminated_on: string | null;
  version: number;
  updated_at: Date;
  updated_by: string;
}

/** The party's name as shown; `organisations`: the names of the organisations by code. */
export function partyName(p: Party, organisations: ReadonlyMap<string, string>): string {
  if (p.kind === 'unemployment_fund') return unemploymentFunds.find((f) => f.id === p.id)?.name ?? p.id;
  return p.kind === 'other' ? p.name : (organisations.get(p.code) ?? p.code);
}

const statusOf = (state: AgreementState, validUntil: string | null, today: string): AgreementState | 'expired' => (state === 'signed' && validUntil && validUntil < today ? 'expired' : state);

type Row = { id: number; jobcenter: string; title: string; content: unknown; state: string; signed_on: string | null; terminated_on: string | null; valid_until: string | null; version: number; updated_at: Date; updated_by: string };
const asAgreement = (r: Row, today: string): Agreement => {
  const content = agreementContentSchema.parse(r.content);
  const status = statusOf(r.state as AgreementState, r.valid_until, today);
  return { id: r.id, jobcenter: r.jobcenter, title: r.title, content, state: r.state as AgreementState, status, status_name: agreementStateNames[status], signed_on: r.signed_on, terminated_on: r.terminated_on, version: r.version, updated_at: r.updated_at, updated_by: r.updated_by };
};
const columns = ['id', 'jobcenter', 'title', 'content', 'state', 'signed_on', 'terminated_on', 'valid_until', 'version', 'updated_at', 'updated_by'] as const;

/** A jobcenter's agreements, newest first; `drafts`: also those not yet signed. */
export async function listAgreements(db: Kysely<Database>, jobcenter: string, o: { drafts: boolean; today: string }): Promise<Agreement[]> {
  let q = db.selectFrom('cooperation_agreement').select(columns).where('jobcenter', '=', jobcenter);
  if (!o.drafts) q = q.where('state', '!=', 'draft');
  return (await q.orderBy('id', 'desc').execute()).map((r) => asAgreement(r, o.today));
}

export async function findAgreement(db: Kysely<Database>, id: number, today: string): Promise<Agreement | undefined> {
  const r = await db.selectFrom('cooperation_agreement').select(columns).where('id', '=', id).executeTakeFirst();
  return r && asAgreement(r, today);
}

/** What signing needs (the handbook's minimum): a party besides the jobcenter, what it covers, entry into force and who may terminate it. */
export function missingForSigning(c: AgreementContent): { field: string; message: string }[] {
  const blank = (s: string) => s.trim() === '';
  return [
    ...(c.parties.length === 0 ? [{ field: 'content.parties', message: 'Aftalen skal have mindst én part ud over jobcentret.' }] : []),
    ...(blank(c.areas) ? [{ field: 'content.areas', message: 'Beskriv, hvilke områder aftalen dækker.' }] : []),
    ...(blank(c.information_exchange) ? [{ field: 'content.information_exchange', message: 'Beskriv udvekslingen af oplysninger (inden for databeskyttelsesreglerne).' }] : []),
    ...(!c.consent ? [{ field: 'content.consent', message: 'Bekræft, at oplysninger om en borger kun udveksles med borgerens samtykke.' }] : []),
    ...(!c.in_force ? [{ field: 'content.in_force', message: 'Sæt datoen, aftalen træder i kraft.' }] : []),
    ...(blank(c.termination) ? [{ field: 'content.termination', message: 'Skriv, hvem der har ret til at opsige aftalen.' }] : []),
    ...(c.valid_until && c.in_force && c.valid_until < c.in_force ? [{ field: 'content.valid_until', message: 'Aftalen kan ikke udløbe, før den træder i kraft.' }] : []),
  ];
}

async function store(db: Kysely<Database>, actor: AuditActor, event: string, a: { id?: number; jobcenter: string; title: string; content: AgreementContent; state: AgreementState; signed_on: string | null; terminated_on: string | null; version: number; reason?: string }, at: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    // While under review the dates in force stay the signed ones (the calendar, the feeds and the reminders read them).
    const dates = a.state === 'under_review' ? {} : { in_force: a.content.in_force, valid_until: a.content.valid_until, review_on: a.content.review_on };
    const row = { title: a.title, content: JSON.stringify(a.content), state: a.state, ...dates, signed_on: a.signed_on, terminated_on: a.terminated_on, version: a.version, updated_at: at, updated_by: actor.label };
    let id = a.id;
    if (id === undefined) {
      id = (await tx.insertInto('cooperation_agreement').values({ jobcenter: a.jobcenter, ...row }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      // The version the user saw, checked under the row's lock.
      const cur = await tx.selectFrom('cooperation_agreement').select(['version', 'updated_by']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (cur.version !== a.version - 1) throw new DocumentError(409, 'conflict', `Aftalen er ændret af ${cur.updated_by}, efter du åbnede den (du havde version ${a.version - 1}, nu er det version ${cur.version}). Dine ændringer er ikke gemt.`, { field: 'version' });
      await tx.updateTable('cooperation_agreement').set(row).where('id', '=', id).execute();
    }
    await tx.insertInto('cooperation_agreement_version').values({ agreement_id: id, version: a.version, event, state: a.state, title: a.title, content: row.content, actor: actor.label, created_at: at }).execute();
    await audit(tx, actor, { action: `cooperation.${event}`, entity: 'cooperation_agreement', entityId: id, details: { jobcenter: a.jobcenter, version: a.version, state: a.state, ...(a.reason ? { reason: a.reason } : {}) } });
    return id;
  });
}

/** Checks the parties: known a-kasser and organisations (not the jobcenter itself). */
async function checkParties(db: Kysely<Database>, jobcenter: string, c: AgreementContent): Promise<void> {
  for (const [i, p] of c.parties.entries()) {
    if (p.kind !== 'organisation') continue;
    if (p.code === jobcenter) throw new DocumentError(400, 'invalid_field', `Feltet Parter, nr. ${i + 1}: jobcentret er selv part i aftalen.`, { field: `content.parties.${i}` });
    const known = await db.selectFrom('organisation').select('id').where('code', '=', p.code).executeTakeFirst();
    if (!known) throw new DocumentError(400, 'invalid_field', `Feltet Parter, nr. ${i + 1}: organisationen ${p.code} findes ikke.`, { field: `content.parties.${i}` });
  }
}

export async function createAgreement(db: Kysely<Database>, actor: AuditActor, jobcenter: string, input: z.infer<typeof agreementInputSchema>, at: Date, today: string): Promise<Agreement> {
  if (areaById.get(jobcenter)?.level !== 'jobcenter') throw new DocumentError(400, 'invalid_field', `Feltet jobcenter: ${jobcenter} er ikke et jobcenter.`, { field: 'jobcenter' });
  await checkParties(db, jobcenter, input.content);
  const id = await store(db, actor, 'created', { jobcenter, title: input.title, content: input.content, state: 'draft', signed_on: null, terminated_on: null, version: 1 }, at);
  return (await findAgreement(db, id, today))!;
}

/** Saves a draft, or an agreement under review, if `version` is current. */
export async function saveAgreement(db: Kysely<Database>, actor: AuditActor, cur: Agreement, input: z.infer<typeof agreementInputSchema>, at: Date, today: string): Promise<Agreement> {
  if (cur.state !== 'draft' && cur.state !== 'under_review') throw new DocumentError(409, 'state', `Aftalen er ${agreementStateNames[cur.state].toLowerCase()} og kan ikke ændres. Tag den under revision for at forhandle den om.`);
  if (input.version === undefined) throw new DocumentError(400, 'invalid_field', 'Feltet version mangler: send den version, du åbnede.', { field: 'version' });
  await checkParties(db, cur.jobcenter, input.content);
  await store(db, actor, 'saved', { ...cur, title: input.title, content: input.content, version: input.version + 1 }, at);
  return (await findAgreement(db, cur.id, today))!;
}

/** Signs (from draft or review), takes under review (from signed) or terminates (signed or under review). */
export async function moveAgreement(db: Kysely<Database>, actor: AuditActor, cur: Agreement, t: z.infer<typeof transitionSchema>, at: Date, today: string): Promise<Agreement> {
  const from: Record<typeof t.action, AgreementState[]> = { sign: ['draft', 'under_review'], review: ['signed'], terminate: ['signed', 'under_review'] };
  const verbs: Record<typeof t.action, string> = { sign: 'underskrives', review: 'tages under revision', terminate: 'opsiges' };
  if (t.version !== cur.version) throw new DocumentError(409, 'conflict', `Aftalen er ændret af ${cur.updated_by}, efter du åbnede den (du havde version ${t.version}, nu er det version ${cur.version}).`, { field: 'version' });
  if (!from[t.action].includes(cur.state)) throw new DocumentError(409, 'state', `Aftalen er ${agreementStateNames[cur.status].toLowerCase()} og kan ikke ${verbs[t.action]} nu.`);
  if (t.action === 'sign') {
    const missing = missingForSigning(cur.content);
    if (missing.length) throw new DocumentError(422, 'minimum_content', `Aftalen kan ikke underskrives: ${missing.length} ${missing.length === 1 ? 'oplysning mangler' : 'oplysninger mangler'}.`, { missing: missing.map((m) => ({ path: m.field, message: m.message })) });
  }
  if (t.action === 'terminate' && !t.terminated_on) throw new DocumentError(400, 'invalid_field', 'Feltet Opsagt den: skriv datoen, aftalen ophører.', { field: 'terminated_on' });
  const state: AgreementState = t.action === 'sign' ? 'signed' : t.action === 'review' ? 'under_review' : 'terminated';
  const event = t.action === 'sign' ? (cur.state === 'draft' ? 'signed' : 'resigned') : t.action === 'review' ? 'review' : 'terminated';
  await store(db, actor, event, { ...cur, state, signed_on: t.action === 'sign' ? today : cur.signed_on, terminated_on: t.action === 'terminate' ? t.terminated_on! : cur.terminated_on, version: t.version + 1, ...(t.reason ? { reason: t.reason } : {}) }, at);
  return (await findAgreement(db, cur.id, today))!;
}

/** Attaches a document (the signed agreement, an annex); not to a terminated agreement. */
export async function addFile(db: Kysely<Database>, actor: AuditActor, a: Agreement, f: { name: string; mime: string; content: Buffer }, at: Date): Promise<{ id: number; name: string; size: number; created_at: Date }> {
  if (a.state === 'terminated') throw new DocumentError(409, 'state', 'Aftalen er opsagt; der kan ikke vedhæftes flere dokumenter.');
  return db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('cooperation_agreement_file').values({ agreement_id: a.id, name: f.name, mime: f.mime, size: f.content.length, content: f.content, created_at: at, created_by: actor.label }).returning(['id', 'name', 'size', 'created_at']).executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'cooperation.file_upload', entity: 'cooperation_agreement', entityId: a.id, details: { file: row.id, name: f.name, size: f.content.length } });
    return row;
  });
}

/** The files of the agreements `ids`, by agreement (one query). */
export async function listFiles(db: Kysely<Database>, ids: number[]) {
  const rows = ids.length ? await db.selectFrom('cooperation_agreement_file').select(['id', 'agreement_id', 'name', 'size', 'created_at', 'created_by']).where('agreement_id', 'in', ids).orderBy('id').execute() : [];
  const byAgreement = new Map<number, Omit<(typeof rows)[number], 'agreement_id'>[]>();
  for (const { agreement_id, ...f } of rows) byAgreement.set(agreement_id, [...(byAgreement.get(agreement_id) ?? []), f]);
  return byAgreement;
}

export const findFile = (db: Kysely<Database>, id: number, fileId: number) => db.selectFrom('cooperation_agreement_file').select(['name', 'mime', 'content']).where('agreement_id', '=', id).where('id', '=', fileId).executeTakeFirst();

/** The versions, newest first; `signedOnly`: only what was signed, and the state changes after it (what the public may see). */
export async function listVersions(db: Kysely<Database>, id: number, o: { signedOnly: boolean } = { signedOnly: false }) {
  let q = db.selectFrom('cooperation_agreement_version').select(['version', 'event', 'state', 'title', 'actor', 'created_at']).where('agreement_id', '=', id);
  if (o.signedOnly) q = q.where('event', 'in', ['signed', 'resigned', 'review', 'terminated']);
  return q.orderBy('version', 'desc').execute();
}

/**
 * What the public reads of an agreement under review: its last signed version (the edits of
 * the renegotiation stay with the jobcenter until it is signed again).
 */
export async function asSigned(db: Kysely<Database>, a: Agreement): Promise<Agreement> {
  if (a.state !== 'under_review') return a;
  const v = await db.selectFrom('cooperation_agreement_version').select(['title', 'content']).where('agreement_id', '=', a.id).where('event', 'in', ['signed', 'resigned']).orderBy('version', 'desc').executeTakeFirst();
  return v ? { ...a, title: v.title, content: agreementContentSchema.parse(v.content) } : a;
}
