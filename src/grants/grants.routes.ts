/**
 * The LBRs' grants under /api: the frames, public to read (the state's money) and set by
 * national administrators; and each adopted grant plan's accounts per initiative, read by who
 * may read the plan, kept by the council's secretariat.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseOr400, permit, sendErrors } from '../access/index.js';
import { danishDate, type Clock } from '../clock.js';
import { findCouncil, type Council } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { areaName, DocumentError, documentView, findDocument, kindNames, mayEdit, mayRead, type PdfPrinter, type StoredDocument } from '../documents/index.js';
import { respond } from '../server/shared.js';
import type { StatbankService } from '../statbank/index.js';
import { TargetEvaluator } from '../targets/index.js';
import { accountSchema, listAccounts, saveAccount } from './accounts.js';
import { accountsHtml, accountsXlsx, type AccountsMeta } from './export.js';
import { frameOf, frameSchema, listFrames, setFrame } from './grants.js';
import { accountResponse, accountsResponse, frameResponse, framesResponse } from './responses.js';

export async function grantRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; clock: Clock; statbank: StatbankService; pdf: PdfPrinter }): Promise<void> {
  const { db } = opts;
  sendErrors(app);
  const evaluator = new TargetEvaluator(opts.statbank);
  const today = () => danishDate(opts.clock.now());

  /** The LBR the request names (only LBRs have grants). */
  const lbrOf = async (req: FastifyRequest): Promise<Council> => {
    const { code } = parseOr400(z.object({ code: z.string().toUpperCase() }).passthrough(), req.params);
    const c = await findCouncil(db, code);
    if (!c) throw new DocumentError(404, 'not_found', `Rådet ${code} findes ikke.`);
    if (c.type !== 'LBR') throw new DocumentError(400, 'invalid_field', `${c.name} får ikke LBR-midler; kun de lokale beskæftigelsesråd gør.`, { field: 'code' });
    return c;
  };

  app.get('/councils/:code/grants', permit('councils.read'), async (req) => {
    const c = await lbrOf(req);
    return respond(req, framesResponse, { council: { code: c.code, name: c.name, area: c.area }, frames: await listFrames(db, c.id) });
  });

  app.put('/councils/:code/grants/:year', permit('grants.manage'), async (req) => {
    const c = await lbrOf(req);
    const { year } = parseOr400(z.object({ year: z.coerce.number().int().min(2000, 'året skal være 2000 eller senere').max(2100) }).passthrough(), req.params);
    const body = parseOr400(frameSchema, req.body, 'Rammen');
    const u = req.principal.user!;
    return respond(req, frameResponse, await setFrame(db, { id: u.id, label: u.email }, c.id, year, body, opts.clock.now()));
  });

  /** The grant plan the request names, if the user may read it. */
  const planOf = async (req: FastifyRequest) => {
    const { id } = parseOr400(z.object({ id: z.coerce.number().int().positive() }).passthrough(), req.params);
    const doc = await findDocument(db, id);
    if (!doc || doc.kind !== 'grant_plan' || !mayRead(req.principal.user, doc)) throw new DocumentError(404, 'not_found', `Handleplan ${id} findes ikke.`);
    return doc;
  };

  app.get('/grants/plans/:id/accounts', permit('documents.read'), async (req) => {
    const doc = await planOf(req);
    return respond(req, accountsResponse, { document_id: doc.id, area: doc.area, year: doc.year, state: doc.state, may_edit: mayEdit(req.principal.user, doc), initiatives: await listAccounts(db, doc, today()) });
  });

  const metaOf = async (doc: StoredDocument): Promise<AccountsMeta> => {
    const council = await findCouncil(db, `LBR-${doc.area}`);
    const frame = council ? await frameOf(db, council.id, doc.year) : undefined;
    return { title: `${kindNames.grant_plan} ${doc.year} – ${areaName(doc.area)}`, council: council?.name ?? '', frame: frame?.amount ?? null, today: today() };
  };
  const fileName = (doc: StoredDocument, ext: string) => `lbr-midler-regnskab-${doc.area}-${doc.year}.${ext}`;

  app.get('/grants/plans/:id/accounts.xlsx', permit('documents.read'), async (req, reply) => {
    const doc = await planOf(req);
    const body = await accountsXlsx(await listAccounts(db, doc, today()), await metaOf(doc));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${fileName(doc, 'xlsx')}"`).send(body);
  });

  app.get('/grants/plans/:id/accounts.pdf', permit('documents.read'), async (req, reply) => {
    const doc = await planOf(req);
    const meta = await metaOf(doc);
    const body = await opts.pdf.print(accountsHtml(await listAccounts(db, doc, today()), meta), `Regnskab: ${meta.title}`);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName(doc, 'pdf')}"`).send(body);
  });

  app.put('/grants/plans/:id/accounts/:initiative', permit('documents.edit'), async (req) => {
    const doc = await planOf(req);
    const u = req.principal.user!;
    if (!mayEdit(u, doc)) throw new DocumentError(403, 'forbidden', 'Kun rådets sekretariat (jobcentrets redaktører) fører regnskabet for LBR-midlerne.');
    const { initiative } = parseOr400(z.object({ initiative: z.string().min(1).max(40) }).passthrough(), req.params);
    const input = parseOr400(accountSchema, req.body, 'Regnskabet');
    const saved = await saveAccount(db, { id: u.id, label: u.email }, doc, initiative, input, { today: today(), now: opts.clock.now(), measured: async () => (await documentView(db, evaluator, doc)).targets });
    return respond(req, accountResponse, saved);
  });
}
