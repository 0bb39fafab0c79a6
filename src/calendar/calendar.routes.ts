/**
 * The yearly calendar under /api: the board of steps per jobcenter, the year's deadline
 * overrides, hand marks, councils' own milestones and the iCalendar feeds.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseOr400, permit, sendErrors, type User } from '../access/index.js';
import { danishDate, type Clock } from '../clock.js';
import { councilAccess, findCouncil } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { followedJobcenters } from '../followup/index.js';
import { areaById } from '../reference/index.js';
import { allSteps, eraIds } from '../eras/shared.js';
import { deadlinesFor, documentEra, eraFor, eraView, stepIds } from './deadlines.js';
import { createFeedToken, organisationFeed, personalFeed } from './feeds.js';
import { markStep, replaceOverrides, setEra, unmarkStep } from './marks.js';
import { addMilestone, listMilestones, milestoneSchema, removeMilestone } from './milestones.js';
import { CalendarError, calendarBoard } from './status.js';
import { respond } from '../server/shared.js';
import { boardResponse, deadlinesResponse, feedTokenResponse, markResponse, milestoneResponse, milestonesResponse } from './responses.js';

interface CalendarRoutesOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** The app's public base URL, for feed addresses and the links in events. */
  publicUrl: string;
}

const date = z.iso.date('skriv datoen som ÅÅÅÅ-MM-DD');
const year = z.coerce.number({ error: 'skriv et årstal' }).int('skriv et årstal').min(2000, 'skal ligge mellem 2000 og 2100').max(2100, 'skal ligge mellem 2000 og 2100');
const step = z.enum(stepIds, { error: `ukendt trin; brug et af ${stepIds.join(', ')}` });
const boardQuery = z.object({ area: z.string().trim().toUpperCase().default('DK'), year: year.optional() });
const overridesBody = z
  .array(z.object({ step, due: date, note: z.string({ error: 'skriv hvorfor fristen er ændret' }).trim().min(1, 'skriv hvorfor fristen er ændret').max(500, 'må højst være 500 tegn') }), { error: 'skal være en liste af frister' })
  .superRefine((list, ctx) => {
    list.forEach((o, i) => {
      if (list.findIndex((p) => p.step === o.step) !== i) ctx.addIssue({ code: 'custom', path: [i, 'step'], message: `${o.step} står mere end én gang` });
    });
  });
const markBody = z.object({ area: z.string({ error: 'vælg et jobcenter' }).trim().toUpperCase(), year, step });
const councilParams = z.object({ code: z.string().toUpperCase() });


const actorOf = (u: User | null) => ({ id: u?.id ?? null, label: u?.email ?? 'ukendt' });
const ics = 'text/calendar; charset=utf-8';

export async function calendarRoutes(app: FastifyInstance, opts: CalendarRoutesOptions): Promise<void> {
  const { db, clock } = opts;
  const today = () => danishDate(clock.now());
  const feedOptions = () => ({ publicUrl: opts.publicUrl, now: clock.now() });

  sendErrors(app);

  /** A year's era and deadlines, one read of the era. */
  const deadlinesOf = async (y: number) => {
    const era = await eraFor(db, y);
    return { year: y, era: eraView(era), deadlines: await deadlinesFor(db, y) };
  };

  app.get('/calendar', permit('councils.read'), async (req) => {
    const q = parseOr400(boardQuery, req.query);
    return respond(req, boardResponse, await calendarBoard(db, { area: q.area, year: q.year ?? Number(today().slice(0, 4)), today: today(), caseJobcenters: followedJobcenters(req.principal.user) }));
  });

  /** A national administrator runs a year on another era's rules (or the law's again, with null). */
  app.put('/calendar/eras/:year', permit('calendar.manage'), async (req) => {
    const y = parseOr400(z.object({ year }), req.params).year;
    const body = parseOr400(z.object({ era: z.enum(eraIds, { error: `vælg en periode: ${eraIds.join(', ')}` }).nullable() }), req.body, 'Perioden');
    await setEra(db, actorOf(req.principal.user), y, body.era);
    return respond(req, deadlinesResponse, await deadlinesOf(y));
  });

  app.put('/calendar/deadlines/:year', permit('calendar.manage'), async (req) => {
    const y = parseOr400(z.object({ year }), req.params).year;
    const overrides = parseOr400(overridesBody, req.body, 'Fristerne');
    const outside = overrides.findIndex((o) => !o.due.startsWith(`${y}-`));
    if (outside >= 0) throw new CalendarError(400, 'invalid_field', `Fristerne, feltet ${outside}.due: fristen skal ligge i ${y}.`, { field: `${outside}.due` });
    // An override for a step the year's rules have no deadline for would be kept but never shown.
    const known = new Set((await deadlinesFor(db, y)).map((d) => d.step));
    const unknown = overrides.findIndex((o) => !known.has(o.step));
    if (unknown >= 0) throw new CalendarError(400, 'invalid_field', `Fristerne, feltet ${unknown}.step: trinnet ${overrides[unknown]!.step} har ingen frist i ${y} efter årets regler.`, { field: `${unknown}.step` });
    await replaceOverrides(db, actorOf(req.principal.user), y, overrides);
    return respond(req, deadlinesResponse, await deadlinesOf(y));
  });

  /** Only the jobcenter's own editors (or a national administrator) mark its steps. */
  const markable = (req: FastifyRequest, input: unknown) => {
    const m = parseOr400(markBody, input);
    if (areaById.get(m.area)?.level !== 'jobcenter') throw new CalendarError(400, 'invalid_field', `Feltet area: "${m.area}" er ikke et jobcenter.`, { field: 'area' });
    const u = req.principal.user!;
    if (u.role !== 'national_admin' && !(u.role === 'jobcenter_editor' && u.organisation.area === m.area)) {
      throw new CalendarError(403, 'forbidden', 'Kun jobcentrets egne redaktører kan markere dets trin som udført.');
    }
    return m;
  };
  app.post('/calendar/steps', permit('documents.edit'), async (req) => {
    const m = markable(req, req.body);
    const { done_on } = parseOr400(z.object({ done_on: date }), req.body);
    if (done_on > today()) throw new CalendarError(400, 'invalid_field', 'Feltet done_on: datoen kan ikke ligge i fremtiden.', { field: 'done_on' });
    const kind = allSteps.get(m.step)!.kind;
    if (!(await documentEra(db, kind, m.year)).steps.some((s) => s.id === m.step)) throw new CalendarError(400, 'invalid_field', `Feltet step: trinnet ${m.step} findes ikke i reglerne for ${m.year}.`, { field: 'step' });
    await markStep(db, actorOf(req.principal.user), { ...m, done_on });
    return respond(req, markResponse, { ...m, done_on });
  });
  app.delete('/calendar/steps', permit('documents.edit'), async (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    const m = markable(req, body && Object.keys(body).length > 0 ? body : req.query);
    if (!(await unmarkStep(db, actorOf(req.principal.user), m))) throw new CalendarError(404, 'not_found', `Trinnet ${m.step} for ${m.area} ${m.year} er ikke markeret som udført.`);
    return respond(req, markResponse, { ...m, done_on: null });
  });

  /** The council, if the user sits on it, chairs it or runs its secretariat. */
  const ownCouncil = async (req: FastifyRequest) => {
    const { code } = parseOr400(councilParams, req.params);
    const council = await findCouncil(db, code);
    if (!council) throw new CalendarError(404, 'not_found', `Rådet ${code} findes ikke.`);
    const a = await councilAccess(db, req.principal.user, council, today());
    if (!a.member && !a.chair && !a.secretariat) throw new CalendarError(403, 'forbidden', `Kun medlemmer og sekretariatet for ${council.name} kan se og ændre rådets milepæle.`);
    return council;
  };
  app.get('/councils/:code/milestones', permit('councils.manage'), async (req) => {
    const council = await ownCouncil(req);
    return respond(req, milestonesResponse, { council: { code: council.code, name: council.name }, milestones: await listMilestones(db, council.id) });
  });
  app.post('/councils/:code/milestones', permit('councils.manage'), async (req, reply) => {
    const council = await ownCouncil(req);
    const m = parseOr400(milestoneSchema, req.body, 'Milepælen');
    return reply.code(201).send(respond(req, milestoneResponse, await addMilestone(db, actorOf(req.principal.user), council, m)));
  });
  app.delete('/councils/:code/milestones/:id', permit('councils.manage'), async (req, reply) => {
    const council = await ownCouncil(req);
    const { id } = parseOr400(z.object({ id: z.coerce.number().int().min(1) }), req.params);
    if (!(await removeMilestone(db, actorOf(req.principal.user), council, id))) throw new CalendarError(404, 'not_found', `Milepæl ${id} findes ikke i ${council.name}.`);
    return reply.code(204).send();
  });

  app.get('/calendar/feeds/organisations/:code.ics', permit('councils.read'), async (req, reply) => {
    const { code } = parseOr400(councilParams, req.params);
    const text = await organisationFeed(db, code, feedOptions());
    if (text === null) throw new CalendarError(404, 'not_found', `Organisationen ${code} findes ikke eller har ingen kalender.`);
    return reply.type(ics).header('content-disposition', `inline; filename="${code}.ics"`).send(text);
  });
  /** A new secret address for the user's own feed; the old one stops working. */
  app.post('/calendar/feed-token', permit('session.own'), async (req) => {
    const token = await createFeedToken(db, req.principal.user!);
    return respond(req, feedTokenResponse, { url: `${opts.publicUrl}/api/calendar/feeds/me/${token}.ics` });
  });
  app.get('/calendar/feeds/me/:token.ics', permit('councils.read'), async (req, reply) => {
    const { token } = parseOr400(z.object({ token: z.string().min(1).max(100) }), req.params);
    const text = await personalFeed(db, token, feedOptions());
    if (text === null) throw new CalendarError(404, 'not_found', 'Kalenderadressen findes ikke (længere). Lav en ny under Notifikationer.');
    return reply.type(ics).header('cache-control', 'private, no-store').send(text);
  });
}
