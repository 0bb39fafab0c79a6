/**
 * The documents' API under /api: ministerial goals, plans, audits and regional targets, with
 * their versions, diffs, state changes, HTML and PDF, and the status of targets by area.
 * Published documents are public; the rest follow `documents.drafts` (within one's area).
 * Who may write depends on the kind: a jobcenter's plan and audit are its editors', a
 * region's implementation plan its monitors'.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { areaWithin, audit, parseOr400, permit, sendErrors, type AuditActor, type User } from '../access/index.js';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import { areaById } from '../reference/index.js';
import type { StatbankService } from '../statbank/index.js';
import { TargetEvaluator } from '../targets/index.js';
import { generateAudits } from './audit.js';
import { documentPeriodName, enabledKinds, kindNames, kindSpec, newDocumentContent, targetsOf, type DocumentKind, type StoredDocument } from './content.js';
import { diffContents } from './diff.js';
import { createDocument, eventNames, findDocumentFor, findDocument, findVersion, listDocuments, listVersions } from './documents.repository.js';
import { assertMayCreate, mayComment, mayEdit, mayRead, openTransitions, saveContent, transition, type TransitionHook } from './documents.service.js';
import { conflictError, DocumentError } from './errors.js';
import { findGoals, goalSetSchema, goalYears, replaceGoals } from './goals.js';
import { transitions, type TransitionName } from './names.js';
import type { PdfPrinter } from './pdf.js';
import { renderDocumentHtml } from './render.js';
import { areaName, documentView } from './view.js';
import { respond } from '../server/shared.js';
import { areaTargetsResponse, diffResponse, documentListResponse, documentSummarySchema, documentViewResponse, goalsResponse, goalYearResponse, kindsResponse, versionsResponse } from './responses.js';

export interface DocumentRoutesOptions {
  db: Kysely<Database>;
  statbank: StatbankService;
  pdf: PdfPrinter;
  /** Runs inside every transition (hearings: open, guard the approval, notify). */
  onTransition?: TransitionHook;
  /** After a change is stored (e.g. mail what it notified). */
  afterChange?: () => Promise<unknown>;
  /** The server's clock (tests move it). */
  clock?: Clock;
  /** Whether a hearing runs on the document: its comments are then given as hearing responses, not written directly. */
  hearingRuns?: (documentId: number) => Promise<boolean>;
  /** Demo mode: what targets set before the data say of the demo's numbers. */
  demoNote?: string;
  /** Features switched on (`STYR_FEATURES`): kinds behind one are made only then. */
  features?: readonly string[];
  /** How other modules draft their generated kinds (the follow-up report), by the document's key; the results audit is drafted here. */
  regenerate?: Partial<Record<DocumentKind, Drafter>>;
}

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const revision = z.number({ error: 'mangler dokumentets version' }).int().min(1);
const transitionBody = z.object({
  revision,
  action: z.enum(Object.keys(transitions) as [TransitionName, ...TransitionName[]]),
  approval: z.object({ date: z.iso.date('skriv datoen som ÅÅÅÅ-MM-DD'), decision: z.string().trim().min(1, 'skriv beslutningen') }).optional(),
  /** For "send to hearing": the deadline and bodies, when not the calendar's and the law's. */
  hearing: z.unknown().optional(),
});
const commentBody = z.object({ revision, who: z.enum(['lbr', 'region']).optional(), text: z.string().max(20_000) });


type Drafter = (actor: AuditActor, doc: Pick<StoredDocument, 'kind' | 'area' | 'year' | 'period'>) => Promise<unknown>;

const actorOf = (u: User | null) => ({ id: u?.id ?? null, label: u?.email ?? 'ukendt' });

/** Whether POST /documents makes the kind: every kind but those drafted on a page of their own module. */
const madeHere = (kind: DocumentKind) => !kindSpec(kind).draftedIn;

const summary = (d: StoredDocument) => ({ id: d.id, kind: d.kind, area: d.area, area_name: areaName(d.area), year: d.year, period: d.period, period_name: documentPeriodName(d), state: d.state, revision: d.revision, updated_at: d.updated_at, updated_by: d.updated_by, published_at: d.published_at, approval: d.approval });

export async function documentRoutes(app: FastifyInstance, opts: DocumentRoutesOptions): Promise<void> {
  const { db, pdf } = opts;
  const now = () => (opts.clock ?? systemClock).now();
  const evaluator = new TargetEvaluator(opts.statbank, opts.demoNote);
  const kinds = enabledKinds(opts.features ?? []);
  const drafters: Partial<Record<DocumentKind, Drafter>> = { results_audit: (actor, d) => generateAudits(db, opts.statbank, actor, { year: d.year, jobcenters: [d.area] }), ...opts.regenerate };
  const listQuery = z.object({
    area: z.string().toUpperCase().optional(),
    kind: z.enum(kinds).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  });
  const createBody = z.object({ kind: z.enum(kinds), area: z.string().toUpperCase(), year: z.number().int().min(2000).max(2100) });

  sendErrors(app);

  /** The document, if the user may read it (404 otherwise, so drafts do not reveal themselves). */
  const readable = async (req: FastifyRequest): Promise<StoredDocument> => {
    const { id } = parseOr400(idParam, req.params);
    const doc = await findDocument(db, id);
    if (!doc || !mayRead(req.principal.user, doc)) throw new DocumentError(404, 'not_found', `Dokument ${id} findes ikke, eller du har ikke adgang til det.`);
    return doc;
  };
  const editable = async (req: FastifyRequest): Promise<StoredDocument> => {
    const doc = await readable(req);
    if (!mayEdit(req.principal.user, doc)) throw new DocumentError(403, 'forbidden', 'Din rolle giver ikke adgang til at ændre dette dokument.');
    return doc;
  };
  const hearingRuns = (d: StoredDocument) => (d.state === 'in_hearing' && opts.hearingRuns ? opts.hearingRuns(d.id) : Promise.resolve(false));
  const withPermissions = async (u: User | null, d: StoredDocument) => {
    const hearing = await hearingRuns(d);
    return { may_edit: mayEdit(u, d), hearing_runs: hearing, may_comment: !!kindSpec(d.kind).comments && !hearing && d.state !== 'approved' && d.state !== 'published' && mayComment(u, d.area) };
  };

  // Ministerial goals: public; published (replaced per year) by national administrators.
  app.get('/goals', permit('documents.read'), async (req) => {
    const years = await goalYears(db);
    return respond(req, goalsResponse, await Promise.all(years.map(async (year) => ({ year, goals: await findGoals(db, year) }))));
  });
  app.put('/goals/:year', permit('documents.manage'), async (req) => {
    const { year } = parseOr400(z.object({ year: z.coerce.number().int().min(2000).max(2100) }), req.params);
    const goals = parseOr400(goalSetSchema, req.body, 'Ministermålene');
    await db.transaction().execute(async (tx) => {
      await replaceGoals(tx, year, goals);
      await audit(tx, actorOf(req.principal.user), { action: 'ministerial_goals.publish', entity: 'ministerial_goal', entityId: year, details: { year, goals: goals.length } });
    });
    return respond(req, goalYearResponse, { year, goals: await findGoals(db, year) });
  });

  /** The kinds in use, and which of them the user may make in the own area (the "new document" form). */
  app.get('/document-kinds', permit('documents.read'), async (req) => {
    const u = req.principal.user;
    return respond(req, kindsResponse, kinds.map((kind) => {
      const spec = kindSpec(kind);
      return { kind, name: kindNames[kind], levels: spec.levels, council: !!spec.council, generated: spec.create === 'generated', may_create: madeHere(kind) && !!u && (u.role === 'national_admin' || mayEdit(u, { kind, area: u.organisation.area ?? 'DK' })) };
    }));
  });

  app.get('/documents', permit('documents.read'), async (req) => {
    const q = parseOr400(listQuery, req.query);
    const areas = q.area ? [q.area, ...[...areaById.values()].filter((a) => a.id !== q.area && a.level === 'jobcenter' && areaWithin(a.id, q.area!)).map((a) => a.id)] : undefined;
    const docs = await listDocuments(db, { kind: q.kind, areas, years: q.year ? [q.year] : undefined });
    return respond(req, documentListResponse, docs.filter((d) => mayRead(req.principal.user, d)).map(summary));
  });

  app.post('/documents', permit('documents.edit'), async (req, reply) => {
    const b = parseOr400(createBody, req.body);
    assertMayCreate(req.principal.user, b);
    const actor = actorOf(req.principal.user);
    const existing = await findDocumentFor(db, b.kind, b.area, b.year);
    if (existing) throw new DocumentError(409, 'exists', `Der findes allerede en ${kindNames[b.kind].toLowerCase()} for ${areaName(b.area)} ${b.year} (dokument ${existing.id}).`);
    if (kindSpec(b.kind).create === 'generated') {
      const draft = drafters[b.kind];
      if (!madeHere(b.kind) || !draft) throw new DocumentError(400, 'invalid_field', `En ${kindNames[b.kind].toLowerCase()} dannes fra statistikken under ${kindSpec(b.kind).draftedIn ?? 'sit eget modul'}, ikke her.`, { field: 'kind' });
      await draft(actor, { kind: b.kind, area: b.area, year: b.year, period: '' });
      return reply.code(201).send(respond(req, documentSummarySchema, summary((await listDocuments(db, { kind: b.kind, areas: [b.area], years: [b.year] }))[0]!)));
    }
    const doc = await createDocument(db, actor, { kind: b.kind, area: b.area, year: b.year, content: await newDocumentContent(db, b.kind, b.year) });
    return reply.code(201).send(respond(req, documentSummarySchema, summary(doc)));
  });

  app.get('/documents/:id', permit('documents.read'), async (req) => {
    const doc = await readable(req);
    return respond(req, documentViewResponse, { ...(await documentView(db, evaluator, doc)), ...(await withPermissions(req.principal.user, doc)), transitions: openTransitions(doc) });
  });

  app.put('/documents/:id', permit('documents.edit'), async (req) => {
    const doc = await editable(req);
    const body = parseOr400(z.object({ revision, content: z.unknown() }), req.body);
    // A kind with a generated part takes only the human parts from the request.
    const { schema, edit } = kindSpec(doc.kind);
    const content = edit ? edit.merge(doc.content, parseOr400(edit.schema, body.content, 'Indholdet')) : parseOr400(schema, body.content, 'Indholdet');
    return respond(req, documentSummarySchema, summary(await saveContent(db, actorOf(req.principal.user), doc.id, body.revision, content, 'saved', now())));
  });

  app.post('/documents/:id/transitions', permit('documents.edit'), async (req) => {
    const doc = await editable(req);
    const b = parseOr400(transitionBody, req.body);
    const next = await transition(db, actorOf(req.principal.user), doc.id, b.revision, b.action, { approval: b.approval, hook: opts.onTransition, options: b.hearing, at: now() });
    await opts.afterChange?.();
    return respond(req, documentSummarySchema, summary(next));
  });

  app.put('/documents/:id/comments', permit('documents.comment'), async (req) => {
    const doc = await readable(req);
    const u = req.principal.user!;
    if (!kindSpec(doc.kind).comments) throw new DocumentError(409, 'state', `En ${kindNames[doc.kind].toLowerCase()} har ingen bemærkninger.`);
    if (!mayComment(u, doc.area)) throw new DocumentError(403, 'forbidden', 'Du kan kun skrive bemærkninger til dokumenter i dit eget område.');
    // The hearing is the formal path: what the LBR and the region say is their adopted response.
    if (await hearingRuns(doc)) throw new DocumentError(409, 'hearing_running', 'Dokumentet er i høring: LBR’s og regionens bemærkninger gives som høringssvar på høringssiden og føjes til dokumentet, når de er vedtaget.');
    const b = parseOr400(commentBody, req.body);
    const who = u.role === 'council_member' ? 'lbr' : u.role === 'regional_monitor' ? 'region' : b.who;
    if (!who) throw new DocumentError(400, 'invalid_field', 'Feltet who: angiv om bemærkningerne er LBR’s (lbr) eller regionens (region).', { field: 'who' });
    const content = doc.content as { comments: { lbr: string; region: string } };
    return respond(req, documentSummarySchema, summary(await saveContent(db, actorOf(u), doc.id, b.revision, { ...content, comments: { ...content.comments, [who]: b.text } }, 'comment', now())));
  });

  app.post('/documents/:id/regenerate', permit('documents.edit'), async (req) => {
    const doc = await editable(req);
    const b = parseOr400(z.object({ revision }), req.body);
    if (kindSpec(doc.kind).create !== 'generated') throw new DocumentError(400, 'invalid', `En ${kindNames[doc.kind].toLowerCase()} dannes ikke fra statistikken.`);
    if (doc.revision !== b.revision) throw conflictError(doc, b.revision);
    const actor = actorOf(req.principal.user);
    const draft = drafters[doc.kind];
    if (!draft) throw new DocumentError(400, 'invalid', `En ${kindNames[doc.kind].toLowerCase()} dannes ikke igen her.`);
    await draft(actor, doc);
    return respond(req, documentSummarySchema, summary((await findDocument(db, doc.id))!));
  });

  app.get('/documents/:id/versions', permit('documents.read'), async (req) => {
    const doc = await readable(req);
    const approved = kindSpec(doc.kind).approvedBy?.done;
    return respond(req, versionsResponse, (await listVersions(db, doc.id)).map((v) => ({ ...v, event_name: (v.event === 'approve' && approved) || (eventNames[v.event] ?? v.event) })));
  });

  app.get('/documents/:id/diff', permit('documents.read'), async (req) => {
    const doc = await readable(req);
    const q = parseOr400(z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }), req.query);
    const [a, b] = await Promise.all([findVersion(db, doc.id, q.from), findVersion(db, doc.id, q.to)]);
    if (!a || !b) throw new DocumentError(404, 'not_found', `Version ${!a ? q.from : q.to} findes ikke for dokument ${doc.id}.`);
    return respond(req, diffResponse, { from: q.from, to: q.to, fields: diffContents(doc.kind, a.content, b.content) });
  });

  const rendered = async (req: FastifyRequest) => {
    const doc = await readable(req);
    const view = await documentView(db, evaluator, doc);
    return { doc, view, html: renderDocumentHtml(view) };
  };
  app.get('/documents/:id/html', permit('documents.read'), async (req, reply) => {
    const { html } = await rendered(req);
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
  });
  app.get('/documents/:id/pdf', permit('documents.read'), async (req, reply: FastifyReply) => {
    const { doc, view, html } = await rendered(req);
    const at = doc.updated_at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
    const footer = `${view.title} · version ${doc.revision}, ${at} · udgivelse ${view.release?.version ?? '–'}${view.release ? ` (data til ${view.release.cutoff_week})` : ''}`;
    const file = `${view.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/-+$/, '')}.pdf`;
    return reply
      .type('application/pdf')
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', `attachment; filename="${file.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .send(await pdf.print(html, footer));
  });

  /** Every visible target of the plans (and regional targets) in an area, with status against the newest release. */
  app.get('/targets', permit('documents.read'), async (req) => {
    const q = parseOr400(z.object({ area: z.string().toUpperCase(), year: z.coerce.number().int().min(2000).max(2100).optional() }), req.query);
    if (!areaById.has(q.area)) throw new DocumentError(404, 'not_found', `Området ${q.area} findes ikke.`);
    const areas = [...areaById.values()].filter((a) => (a.level === 'jobcenter' || a.level === 'employment_region') && areaWithin(a.id, q.area)).map((a) => a.id);
    const docs = (await listDocuments(db, { areas, years: q.year ? [q.year] : undefined })).filter((d) => targetsOf(d.kind, d.content).length > 0 && mayRead(req.principal.user, d));
    const views = await Promise.all(docs.map((d) => documentView(db, evaluator, d)));
    return respond(req, areaTargetsResponse, views.map((v) => {
      const targets = new Map(targetsOf(v.document.kind, v.document.content).map((x) => [x.path, x.target]));
      return {
        document: summary(v.document),
        release: v.release,
        targets: v.targets.map((t) => {
          const target = targets.get(t.path)!;
          // The measure gives the values their unit (src/statbank/units.ts); the reason carries the demo's note (TargetEvaluator).
          return { path: t.path, section: t.section, title: target.title, status: t.evaluation.status, reason: t.evaluation.reason, target: t.evaluation.target, latest: t.evaluation.latest, probability: t.evaluation.probability, deadline: target.deadline, measure: target.indicator?.measure ?? null };
        }),
      };
    }));
  });

  app.post('/audits/generate', permit('documents.manage'), async (req) => {
    const b = parseOr400(z.object({ year: z.number().int().min(2000).max(2100), release: z.number().int().min(1).optional() }), req.body);
    return generateAudits(db, opts.statbank, actorOf(req.principal.user), b);
  });
}
