/** Meetings under /api: a council's meetings, agenda and minutes, publication, files and PDFs. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { attachmentHeader, parseOr400, parseUpload, permit, sendErrors, uploadBodyLimit, type User } from '../access/index.js';
import { CouncilError, findCouncil, findCouncilById, type Council } from '../councils/index.js';
import type { Database } from '../db/index.js';
import type { PdfPrinter } from '../documents/index.js';
import { meetingSchema, visibleMeeting, type Meeting, type MeetingService } from './meetings.js';
import { renderMeetingHtml } from './render.js';
import { respond } from '../server/shared.js';
import { fileResponse, meetingResponse, meetingsResponse, meetingVersionsResponse } from './responses.js';

const id = z.coerce.number().int().min(1);
const actorOf = (u: User) => ({ id: u.id, label: u.email });

export async function meetingRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; service: MeetingService; pdf: PdfPrinter; afterChange: () => Promise<unknown> }): Promise<void> {
  const { db, service } = opts;
  sendErrors(app);

  const councilOf = async (req: FastifyRequest): Promise<Council> => {
    const { code } = parseOr400(z.object({ code: z.string().toUpperCase() }).passthrough(), req.params);
    const c = await findCouncil(db, code);
    if (!c) throw new CouncilError(404, 'not_found', `Rådet ${code} findes ikke.`);
    return c;
  };
  /** The meeting as the user may see it (404 when not at all, so unpublished meetings do not reveal themselves). */
  const meetingOf = async (req: FastifyRequest) => {
    const p = parseOr400(z.object({ id }).passthrough(), req.params);
    const m = await service.find(p.id);
    const council = m && (await findCouncilById(db, m.council_id));
    const access = council ? await service.access(req.principal.user, council) : null;
    const visible = m && access && visibleMeeting(m, access);
    if (!m || !council || !access || !visible) throw new CouncilError(404, 'not_found', `Møde ${p.id} findes ikke, eller det er ikke offentliggjort.`);
    return { m, visible, council, access };
  };
  const manageable = async (req: FastifyRequest) => {
    const r = await meetingOf(req);
    if (!(await service.mayManage(req.principal.user, r.council))) throw new CouncilError(403, 'forbidden', `Kun ${r.council.name}s sekretariat og formand kan ændre møderne.`);
    return r;
  };
  const view = (m: Meeting, c: Council, may_manage: boolean) => ({ ...m, council: { code: c.code, name: c.name, type: c.type, area: c.area }, may_manage, today: service.today() });

  app.get('/councils/:code/meetings', permit('councils.read'), async (req) => {
    const c = await councilOf(req);
    const access = await service.access(req.principal.user, c);
    return respond(req, meetingsResponse, { may_manage: access.secretariat || access.chair, meetings: (await service.list(c, access)).map((m) => ({ id: m.id, title: m.title, starts_at: m.starts_at, place: m.place, items: m.items.length, agenda_published_at: m.agenda_published_at, minutes_published_at: m.minutes_published_at })) });
  });

  app.post('/councils/:code/meetings', permit('councils.manage'), async (req, reply) => {
    const c = await councilOf(req);
    if (!(await service.mayManage(req.principal.user, c))) throw new CouncilError(403, 'forbidden', `Kun ${c.name}s sekretariat og formand kan indkalde til møder.`);
    const m = await service.create(actorOf(req.principal.user!), c, parseOr400(meetingSchema, req.body, 'Mødet'));
    return reply.code(201).send(respond(req, meetingResponse, view(m, c, true)));
  });

  app.get('/meetings/:id', permit('councils.read'), async (req) => {
    const { visible, council, access } = await meetingOf(req);
    return respond(req, meetingResponse, view(visible, council, access.secretariat || access.chair));
  });

  app.put('/meetings/:id', permit('councils.manage'), async (req) => {
    const { m, council } = await manageable(req);
    const b = parseOr400(z.object({ revision: z.number({ error: 'mangler mødets version' }).int().min(1) }).passthrough(), req.body, 'Mødet');
    const saved = await service.save(actorOf(req.principal.user!), council, m.id, b.revision, parseOr400(meetingSchema, req.body, 'Mødet'));
    await opts.afterChange();
    return respond(req, meetingResponse, view(saved, council, true));
  });

  app.post('/meetings/:id/publish', permit('councils.manage'), async (req) => {
    const { m, council } = await manageable(req);
    const b = parseOr400(z.object({ revision: z.number().int().min(1), what: z.enum(['agenda', 'minutes'], 'vælg dagsorden (agenda) eller referat (minutes)') }), req.body);
    const saved = await service.publish(actorOf(req.principal.user!), council, m.id, b.revision, b.what);
    await opts.afterChange();
    return respond(req, meetingResponse, view(saved, council, true));
  });

  app.get('/meetings/:id/versions', permit('councils.manage'), async (req) => {
    const { m } = await manageable(req);
    return respond(req, meetingVersionsResponse, await service.versions(m.id));
  });

  app.post('/meetings/:id/files', { ...permit('councils.manage'), bodyLimit: uploadBodyLimit }, async (req, reply) => {
    const { m } = await manageable(req);
    const f = parseUpload(req.body);
    return reply.code(201).send(respond(req, fileResponse, { id: await service.addFile(actorOf(req.principal.user!), m, f), name: f.name, size: f.content.length }));
  });

  /** A file, if an item the user may see attaches it. */
  app.get('/meetings/:id/files/:file', permit('councils.read'), async (req, reply) => {
    const { m, visible } = await meetingOf(req);
    const { file } = parseOr400(z.object({ file: id }).passthrough(), req.params);
    const attached = visible.items.some((i) => i.attachments.some((a) => a.kind === 'file' && a.file_id === file));
    const f = attached || visible === m ? await service.file(m.id, file) : undefined;
    if (!f) throw new CouncilError(404, 'not_found', `Filen ${file} findes ikke, eller den hører til et lukket punkt.`);
    return reply.type(f.mime).header('Content-Disposition', attachmentHeader(f.name)).send(Buffer.from(f.content));
  });

  const rendered = async (req: FastifyRequest) => {
    const r = await meetingOf(req);
    const { what } = parseOr400(z.object({ what: z.enum(['agenda', 'minutes'], 'vælg agenda eller minutes').default('agenda') }), req.query);
    const insider = r.visible === r.m;
    if (what === 'minutes' && !r.m.minutes_published_at && !insider) throw new CouncilError(404, 'not_found', 'Referatet er ikke offentliggjort.');
    return { ...r, what, html: renderMeetingHtml(r.visible, r.council.name, what) };
  };
  app.get('/meetings/:id/html', permit('councils.read'), async (req, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send((await rendered(req)).html));
  app.get('/meetings/:id/pdf', permit('councils.read'), async (req, reply) => {
    const { m, council, what, html } = await rendered(req);
    const footer = `${council.name} · ${what === 'agenda' ? 'Dagsorden' : 'Referat'} · version ${m.revision}`;
    const file = `${what === 'agenda' ? 'Dagsorden' : 'Referat'}-${council.code}-${m.starts_at.toISOString().slice(0, 10)}.pdf`;
    return reply.type('application/pdf').header('Cache-Control', 'no-store').header('Content-Disposition', `attachment; filename="${file}"`).send(await opts.pdf.print(html, footer));
  });
}
