/**
 * A jobcenter's cooperation agreements under /api: the registry (public: the signed ones; the
 * jobcenter's people and the national administrators also see drafts), one agreement with its
 * versions, and for the jobcenter's editors making, saving and moving them (version-checked).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { areaWithin, attachmentHeader, parseOr400, parseUpload, permit, scopeOf, sendErrors, uploadBodyLimit, type User } from '../access/index.js';
import { danishDate, type Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import { DocumentError } from '../documents/index.js';
import { areaById, unemploymentFunds } from '../reference/index.js';
import { respond } from '../server/shared.js';
import { addFile, agreementInputSchema, asSigned, createAgreement, findAgreement, findFile, listAgreements, listFiles, listVersions, moveAgreement, partyName, saveAgreement, transitionSchema, type Agreement } from './agreements.js';
import { agreementFileResponse, agreementResponse, agreementsResponse, agreementVersionsResponse } from './responses.js';

const eventNames: Record<string, string> = { created: 'Oprettet', saved: 'Gemt', signed: 'Underskrevet', review: 'Taget under revision', resigned: 'Underskrevet igen', terminated: 'Opsagt' };

const inScope = (u: User | null, permission: 'documents.drafts' | 'cooperation.manage', area: string) => {
  const scope = u ? scopeOf(u.role, permission) : null;
  return scope === 'any' || (scope === 'own_area' && areaWithin(area, u!.organisation.area));
};

export async function cooperationRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; clock: Clock }): Promise<void> {
  const { db } = opts;
  sendErrors(app);
  const today = () => danishDate(opts.clock.now());
  const actorOf = (u: User) => ({ id: u.id, label: u.email });
  const jobcenterName = (id: string) => areaById.get(id)?.name ?? id;

  /** The agreement as `u` reads it: outside the jobcenter, one under review as it was signed. */
  const view = async (agreement: Agreement, u: User | null) => {
    const a = inScope(u, 'documents.drafts', agreement.jobcenter) ? agreement : await asSigned(db, agreement);
    return {
    ...a,
    jobcenter_name: jobcenterName(a.jobcenter),
    content: { ...a.content, parties: await Promise.all(a.content.parties.map(async (p) => ({ ...p, name: await partyName(db, p) }))) },
    may_edit: inScope(u, 'cooperation.manage', a.jobcenter) && (a.state === 'draft' || a.state === 'under_review' || a.state === 'signed'),
    files: await listFiles(db, a.id),
    };
  };
  /** The agreement the request names, if the user may read it (drafts: the jobcenter's people). */
  const readable = async (req: FastifyRequest) => {
    const { id } = parseOr400(z.object({ id: z.coerce.number().int().positive() }).passthrough(), req.params);
    const a = await findAgreement(db, id, today());
    if (!a || (a.state === 'draft' && !inScope(req.principal.user, 'documents.drafts', a.jobcenter))) throw new DocumentError(404, 'not_found', `Samarbejdsaftale ${id} findes ikke.`);
    return a;
  };
  const editable = async (req: FastifyRequest) => {
    const a = await readable(req);
    if (!inScope(req.principal.user, 'cooperation.manage', a.jobcenter)) throw new DocumentError(403, 'forbidden', `Kun ${jobcenterName(a.jobcenter)}s redaktører kan ændre jobcentrets samarbejdsaftaler.`);
    return a;
  };

  app.get('/cooperation', permit('documents.read'), async (req) => {
    const { jobcenter } = parseOr400(z.object({ jobcenter: z.string().toUpperCase().regex(/^J\d+$/, 'vælg et jobcenter') }), req.query);
    if (areaById.get(jobcenter)?.level !== 'jobcenter') throw new DocumentError(404, 'not_found', `${jobcenter} er ikke et jobcenter.`, { field: 'jobcenter' });
    const u = req.principal.user;
    const agreements = await listAgreements(db, jobcenter, { drafts: inScope(u, 'documents.drafts', jobcenter), today: today() });
    const organisations = await db.selectFrom('organisation').select(['code', 'name']).where('kind', 'in', ['labour_market_org', 'jobcenter']).where('code', '!=', jobcenter).orderBy('kind', 'desc').orderBy('name').execute();
    return respond(req, agreementsResponse, {
      jobcenter, jobcenter_name: jobcenterName(jobcenter), may_create: inScope(u, 'cooperation.manage', jobcenter), agreements: await Promise.all(agreements.map((a) => view(a, u))),
      party_options: { unemployment_funds: unemploymentFunds.map((f) => ({ id: f.id, name: f.name })), organisations },
    });
  });

  app.get('/cooperation/:id', permit('documents.read'), async (req) => respond(req, agreementResponse, await view(await readable(req), req.principal.user)));

  app.get('/cooperation/:id/versions', permit('documents.read'), async (req) => {
    const a = await readable(req);
    const versions = await listVersions(db, a.id, { signedOnly: !inScope(req.principal.user, 'documents.drafts', a.jobcenter) });
    return respond(req, agreementVersionsResponse, versions.map((v) => ({ ...v, event_name: eventNames[v.event] ?? v.event })));
  });

  app.post('/cooperation/:id/files', { ...permit('cooperation.manage'), bodyLimit: uploadBodyLimit }, async (req, reply) => {
    const a = await editable(req);
    return reply.code(201).send(respond(req, agreementFileResponse, await addFile(db, actorOf(req.principal.user!), a, parseUpload(req.body), opts.clock.now())));
  });

  app.get('/cooperation/:id/files/:file', permit('documents.read'), async (req, reply) => {
    const a = await readable(req);
    const { file } = parseOr400(z.object({ file: z.coerce.number().int().positive() }).passthrough(), req.params);
    const f = await findFile(db, a.id, file);
    if (!f) throw new DocumentError(404, 'not_found', `Filen ${file} findes ikke på aftalen.`);
    return reply.type(f.mime).header('Content-Disposition', attachmentHeader(f.name)).send(Buffer.from(f.content));
  });

  app.post('/cooperation', permit('cooperation.manage'), async (req, reply) => {
    const u = req.principal.user!;
    const body = parseOr400(agreementInputSchema.extend({ jobcenter: z.string().toUpperCase() }), req.body, 'Aftalen');
    if (!inScope(u, 'cooperation.manage', body.jobcenter)) throw new DocumentError(403, 'forbidden', `Du kan ikke oprette samarbejdsaftaler for ${jobcenterName(body.jobcenter)}.`);
    const a = await createAgreement(db, actorOf(u), body.jobcenter, body, opts.clock.now(), today());
    return reply.code(201).send(respond(req, agreementResponse, await view(a, u)));
  });

  app.put('/cooperation/:id', permit('cooperation.manage'), async (req) => {
    const a = await editable(req);
    const u = req.principal.user!;
    const saved = await saveAgreement(db, actorOf(u), a, parseOr400(agreementInputSchema, req.body, 'Aftalen'), opts.clock.now(), today());
    return respond(req, agreementResponse, await view(saved, u));
  });

  app.post('/cooperation/:id/transitions', permit('cooperation.manage'), async (req) => {
    const a = await editable(req);
    const u = req.principal.user!;
    const moved = await moveAgreement(db, actorOf(u), a, parseOr400(transitionSchema, req.body, 'Handlingen'), opts.clock.now(), today());
    return respond(req, agreementResponse, await view(moved, u));
  });
}
