/** Hearings under /api: the newest hearing of a document, comments, the bodies' responses. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseOr400, permit, permittedIn, sendErrors, type User } from '../access/index.js';
import { danishDate } from '../clock.js';
import type { Database } from '../db/index.js';
import { DocumentError, documentKinds, documentSections, documentView, findDocument, kindSpec, type StoredDocument } from '../documents/index.js';
import { auditContent } from '../documents/shared.js';
import { respond } from '../server/shared.js';
import { areaById } from '../reference/index.js';
import type { StatbankService } from '../statbank/index.js';
import { TargetEvaluator } from '../targets/index.js';
import { commentSchema, currentHearing, findHearing, hearingEnded, responseStateNames, type HearingDeps, type HearingService } from './hearings.js';
import { commentResponse, hearingResponse, openHearingsResponse, responseStateSchema, responseVersionsResponse, storedResponse, verdictSchema, withdrawnResponse } from './responses.js';

const documentKind = z.enum(documentKinds);
/** A response as stored, its state (a text column) named by the enum. */
const storedAs = <R extends { state: string }>(r: R) => ({ ...r, state: responseStateSchema.parse(r.state) });

const id = z.coerce.number().int().min(1);
const revision = z.number({ error: 'mangler svarets version' }).int().min(0);


/** Drafts are readable within one's area (documents.drafts); the hearing follows its document. */
const mayRead = (u: User | null, d: StoredDocument) => permittedIn(u, 'documents.drafts', d.area);

export async function hearingRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; service: HearingService; deps: HearingDeps; statbank: StatbankService; demoNote?: string; afterChange: () => Promise<unknown> }): Promise<void> {
  const { db, service } = opts;
  const evaluator = new TargetEvaluator(opts.statbank, opts.demoNote);
  sendErrors(app);

  const documentOf = async (u: User | null, documentId: number) => {
    const doc = await findDocument(db, documentId);
    if (!doc || !mayRead(u, doc)) throw new DocumentError(404, 'not_found', `Dokument ${documentId} findes ikke, eller du har ikke adgang til det.`);
    return doc;
  };
  const hearingOf = async (req: FastifyRequest) => {
    const p = parseOr400(z.object({ id, code: z.string().toUpperCase().optional() }), req.params);
    const h = await findHearing(db, p.id);
    if (!h) throw new DocumentError(404, 'not_found', `Høring ${p.id} findes ikke.`);
    const doc = await documentOf(req.principal.user, h.document_id);
    const body = p.code ? h.bodies.find((b) => b.code === p.code) : undefined;
    if (p.code && !body) throw new DocumentError(404, 'not_found', `${p.code} er ikke hørt i høring ${h.id}.`);
    return { h, doc, body: body! };
  };

  app.get('/documents/:id/hearing', permit('hearings.take_part'), async (req) => {
    const user = req.principal.user!;
    const doc = await documentOf(user, parseOr400(z.object({ id }), req.params).id);
    const h = await currentHearing(db, doc.id);
    if (!h) return respond(req, hearingResponse, { hearing: null });
    const heard = await db.selectFrom('document_version').select('content').where('document_id', '=', doc.id).where('revision', '=', h.revision).executeTakeFirstOrThrow();
    const today = danishDate(opts.deps.clock.now());
    const bodies = await service.myBodies(user, h);
    const comments = await service.comments(h.id);
    // The heard version's targets with their live status against the newest release.
    const live = new Map((await documentView(db, evaluator, { ...doc, content: heard.content })).targets.map((t) => [t.path, t]));
    return respond(req, hearingResponse, {
      hearing: {
        id: h.id,
        document: { id: doc.id, kind: doc.kind, area: doc.area, area_name: areaById.get(doc.area)?.name ?? doc.area, year: doc.year, state: doc.state, revision: doc.revision },
        revision: h.revision,
        deadline: h.deadline,
        require_all: h.require_all,
        opened_at: h.opened_at,
        opened_by: h.opened_by,
        closed_at: h.closed_at,
        ended: hearingEnded(h, today),
        today,
        bodies: bodies.map(({ body: b, access }) => ({
          code: b.code, name: b.name, kind: b.kind, state: b.state, state_name: responseStateNames[b.state], response: b.response, revision: b.revision,
          adopted_at: b.adopted_at, adopted_by: b.adopted_by, meeting_id: b.meeting_id, late: b.late, verdict: b.verdict, updated_at: b.updated_at, updated_by: b.updated_by,
          may_comment: access.member && !h.closed_at,
          may_draft: (access.member || access.secretariat) && b.state !== 'adopted' && !h.closed_at,
          may_adopt: !!access.adopt && b.state !== 'adopted' && !h.closed_at,
          adopt_by: access.adopt,
        })),
        sections: documentSections(doc.kind, heard.content).map((s) => (s.kind === 'target' ? { ...s, target: live.get(s.path) ?? null } : s)),
        // A generated part is shown as it was heard (the page draws its tables).
        content: kindSpec(doc.kind).create === 'generated' ? auditContent.parse(heard.content) : undefined,
        comments: comments.map((c) => ({ ...c, mine: c.author_id === user.id })),
      },
    });
  });

  app.post('/hearings/:id/comments', permit('hearings.take_part'), async (req, reply) => {
    const { h, doc } = await hearingOf(req);
    const heard = await db.selectFrom('document_version').select('content').where('document_id', '=', doc.id).where('revision', '=', h.revision).executeTakeFirstOrThrow();
    const commentId = await service.comment(req.principal.user!, h, { ...doc, content: heard.content }, parseOr400(commentSchema, req.body, 'Kommentaren'));
    await opts.afterChange();
    return reply.code(201).send(respond(req, commentResponse, { id: commentId }));
  });

  app.delete('/hearings/:id/comments/:comment', permit('hearings.take_part'), async (req) => {
    const { h } = await hearingOf(req);
    await service.withdraw(req.principal.user!, h, parseOr400(z.object({ comment: id }).passthrough(), req.params).comment);
    return respond(req, withdrawnResponse, { withdrawn: true });
  });

  app.put('/hearings/:id/responses/:code', permit('hearings.take_part'), async (req) => {
    const { h, body } = await hearingOf(req);
    const b = parseOr400(z.object({ revision, text: z.string().max(50_000), verdict: verdictSchema.nullable().optional() }), req.body, 'Høringssvaret');
    return respond(req, storedResponse, storedAs(await service.draft(req.principal.user!, h, body, b.revision, b.text, b.verdict)));
  });

  app.post('/hearings/:id/responses/:code/adopt', permit('hearings.take_part'), async (req) => {
    const { h, body } = await hearingOf(req);
    const b = parseOr400(z.object({ revision }), req.body, 'Høringssvaret');
    const stored = await service.adopt(req.principal.user!, h, body, b.revision);
    await opts.afterChange();
    return respond(req, storedResponse, storedAs(stored));
  });

  app.get('/hearings/:id/responses/:code/versions', permit('hearings.take_part'), async (req) => {
    const { h, body } = await hearingOf(req);
    return respond(req, responseVersionsResponse, await service.versions(h, body.organisation_id));
  });

  /** Open hearings the user's bodies are consulted on (their councils, their region). */
  app.get('/hearings', permit('hearings.take_part'), async (req) => {
    const today = danishDate(opts.deps.clock.now());
    const open = await service.openFor(req.principal.user!);
    return respond(req, openHearingsResponse, open.map((o) => ({
      id: o.id, document_id: o.document_id, kind: documentKind.parse(o.kind), area: o.area, area_name: areaById.get(o.area)?.name ?? o.area, year: o.year, deadline: o.deadline, ended: hearingEnded(o, today),
      bodies: o.bodies.map((b) => ({ code: b.code, name: b.name, state: b.state, state_name: responseStateNames[b.state], late: b.late })),
    })));
  });
}
