/**
 * A jobcenter's cooperation agreements under /api: the registry (public: the signed ones; the
 * jobcenter's people and the national administrators also see drafts), one agreement with its
 * versions, and for the jobcenter's editors making, saving and moving them (version-checked).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { attachmentHeader, parseOr400, parseUpload, permit, permittedIn, sendErrors, uploadBodyLimit, type User } from '../access/index.js';
import { danishDate, type Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import { DocumentError } from '../documents/index.js';
import { areaById, unemploymentFunds } from '../reference/index.js';
import { respond } from '../server/shared.js';
import { addFile, agreementInputSchema, asSigned, createAgreement, findAgreement, findFile, listAgreements, listFiles, listVersions, moveAgreement, partyName, saveAgreement, transitionSchema, type Agreement } from './agreements.js';
import { agreementFileResponse, agreementResponse, agreementsResponse, agreementVersionsResponse } from './responses.js';

const eventNames: Record<string, string> = { created: 'Oprettet', saved: 'Gemt', signed: 'Underskrevet', review: 'Taget under revision', resigned: 'Underskrevet igen', terminated: 'Opsagt' };


export async function cooperationRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; clock: Clock }): Promise<void> {
  const { db } = opts;
  sendErrors(app);
  const today = () => danishDate(opts.clock.now());
  const actorOf = (u: User) => ({ id: u.id, label: u.email });
  const jobcenterName = (id: string) => areaById.get(id)?.name ?? id;

  /**
   * The agreements as `u` reads them (outside the jobcenter, one under review as it was signed),
   * with the parties' names and the files: one query for each, however many agreements.
   */
  const views = async (list: Agreement[], u: User | null) => {
    const shown = await Promise.all(list.map((a) => (permittedIn(u, 'documents.drafts', a.jobcenter) ? a : asSigned(db, a))));
    const codes = [...new Set(shown.flatMap((a) => a.content.parties.flatMap((p) => (p.kind === 'organisation' ? [p.code] : []))))];
    const organisations = new Map(codes.length ? (await db.selectFrom('organisation').select(['code', 'name']).where('code', 'in', codes).execute()).map((o) => [o.code, o.name]) : []);
    const files = await listFiles(db, shown.map((a) => a.id));
    return shown.map((a) => ({
      ...a,
      jobcenter_name: jobcenterName(a.jobcenter),
      content: { ...a.content, parties: a.content.parties.map((p) => ({ ...p, name: partyName(p, organisations) })) },
      may_edit: permittedIn(u, 'cooperation.manage', a.jobcenter) && a.state !== 'terminated',
      files: files.get(a.id) ?? [],
    }));
  };
  const view = async (a: Agreement, u: User | null) => (await views([a], u))[0]!;
  /** The agreement the request names, if the user may read it (drafts: the jobcenter's people). */
  const readable = async (req: FastifyRequest) => {
    const { id } = parseOr400(z.object({ id: z.coerce.number().int().positive() }).passthrough(), req.params);
    const a = await findAgreement(db, id, today());
    if (!a || (a.state === 'draft' && !permittedIn(req.principal.user, 'documents.drafts', a.jobcenter))) throw new DocumentError(404, 'not_found', `Samarbejdsaftale ${id} findes ikke.`);
    return a;
  };
  const editable = async (req: FastifyRequest) => {
    const a = await readable(req);
    if (!permittedIn(req.principal.user, 'cooperation.manage', a.jobcenter)) throw new DocumentError(403, 'forbidden', `Kun ${jobcenterName(a.jobcenter)}s redaktører kan ændre jobcentrets samarbejdsaftaler.`);
    return a;
  };

  app.get('/cooperation', permit('documents.read'), async (req) => {
    const { jobcenter } = parseOr400(z.object({ jobcenter: z.string().toUpperCase().regex(/^J\d+$/, 'vælg et jobcenter') }), req.query);
    if (areaById.get(jobcenter)?.level !== 'jobcenter') throw new DocumentError(404, 'not_found', `${jobcenter} er ikke et jobcenter.`, { field: 'jobcenter' });
    const u = req.principal.user;
    const agreements = await listAgreements(db, jobcenter, { drafts: permittedIn(u, 'documents.drafts', jobcenter), today: today() });
    const organisations = await db.selectFrom('organisation').select(['code', 'name']).where('kind', 'in', ['labour_market_org', 'jobcenter']).where('code', '!=', jobcenter).orderBy('kind', 'desc').orderBy('name').execute();
    return respond(req, agreementsResponse, {
      jobcenter, jobcenter_name: jobcenterName(jobcenter), may_create: permittedIn(u, 'cooperation.manage', jobcenter), agreements: await views(agreements, u),
      party_options: { unemployment_funds: unemploymentFunds.map((f) => ({ id: f.id, name: f.name })), organisations },
    });
  });

  app.get('/cooperation/:id', permit('documents.read'), async (req) => respond(req, agreementResponse, await view(await readable(req), req.principal.user)));

  app.get('/cooperation/:id/versions', permit('documents.read'), async (req) => {
    const a = await readable(req);
    const versions = await listVersions(db, a.id, { signedOnly: !permittedIn(req.principal.user, 'documents.drafts', a.jobcenter) });
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
    if (!permittedIn(u, 'cooperation.manage', body.jobcenter)) throw new DocumentError(403, 'forbidden', `Du kan ikke oprette samarbejdsaftaler for ${jobcenterName(body.jobcenter)}.`);
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
