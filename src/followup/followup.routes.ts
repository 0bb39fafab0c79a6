/**
 * The follow-up's API under /api: the quarters a release can report on, and drafting a
 * quarter's follow-up reports for the jobcenters of an employment region (regional monitors
 * within their own region, national admins anywhere). The reports are documents: they are
 * read, edited and published through /api/documents.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { areaWithin, parseOr400, permit, sendErrors, type User } from '../access/index.js';
import { danishDate, type Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { Notifier } from '../notifications/index.js';
import { respond } from '../server/shared.js';
import { analysisResponse, caseResponse, casesResponse, generateResponse, planInputsResponse, quartersResponse, recommendationResponse, reportsResponse } from './responses.js';
import { DocumentError, goalsInForce, listDocuments, mayRead, stateNames, type AnalysisContent, type AuditContent, type AuditGenerated } from '../documents/index.js';
import { areaById, areas, employmentRegionOf } from '../reference/index.js';
import type { StatbankService } from '../statbank/index.js';
import { addStep, closeCase, closeSchema, findCase, followedJobcenters, listCases, openCase, openSchema, stepSchema } from './cases.js';
import { generateAnalysisReports } from './analysis.js';
import { answerRecommendation, listRecommendations, recommend } from './recommendations.js';
import { generateFollowupReports, quarterOf } from './report.js';

export interface FollowupRoutesOptions {
  db: Kysely<Database>;
  statbank: StatbankService;
  notifier: Notifier;
  clock: Clock;
  /** After reports are stored (e.g. mail what was notified). */
  afterChange?: () => Promise<unknown>;
}

const generateBody = z.object({
  quarter: z.string().regex(/^\d{4}Q[1-4]$/, 'skriv kvartalet som 2025Q3').optional(),
  region: z.string().regex(/^B\d+$/, 'vælg en beskæftigelsesregion').optional(),
  jobcenter: z.string().regex(/^J\d+$/, 'vælg et jobcenter').optional(),
});

export async function followupRoutes(app: FastifyInstance, opts: FollowupRoutesOptions): Promise<void> {
  sendErrors(app);
  const { db, statbank } = opts;
  const actorOf = (u: User) => ({ id: u.id, label: u.email });

  /** The whole quarters of the newest release, newest first, and the one a new round defaults to. */
  app.get('/followup/quarters', permit('followup.manage'), async (req) => {
    const own = req.principal.scope === 'own_area' ? req.principal.user!.organisation.area : 'DK';
    const regions = areas.filter((a) => a.level === 'employment_region' && areaWithin(a.id, own)).map((a) => ({ id: a.id, name: a.name }));
    const latest = await quarterOf(statbank, undefined);
    const t = await statbank.table('ptv_a02');
    const quarters = (t.periodsByFreq.get('Q') ?? []).filter((q) => q <= latest && (t.periodsByFreq.get('Q') ?? []).includes(`${Number(q.slice(0, 4)) - 1}${q.slice(4)}`)).reverse();
    return respond(req, quartersResponse, { release: t.release.version, latest, quarters, regions });
  });

  /** Which region a request is about: the one asked for, or the monitor's own; refused outside the user's area. */
  const regionFor = (u: User, scope: string | null, asked: string | undefined) => {
    const own = scope === 'own_area' ? u.organisation.area : 'DK';
    const region = asked ?? (areaById.get(own ?? '')?.level === 'employment_region' ? own! : undefined);
    if (!region) throw new DocumentError(400, 'invalid_field', 'Vælg en beskæftigelsesregion.', { field: 'region' });
    if (areaById.get(region)?.level !== 'employment_region') throw new DocumentError(404, 'not_found', `${region} er ikke en beskæftigelsesregion.`, { field: 'region' });
    if (!areaWithin(region, own)) throw new DocumentError(403, 'forbidden', `Du følger ikke op på ${areaById.get(region)!.name}.`, { field: 'region' });
    return areaById.get(region)!;
  };

  /**
   * What a jobcenter's plan for `year` builds on (seed 000: the ministerial goals, the previous
   * results audit and the RBR's analysis report): the goals in force, the newest audit's
   * improvement areas and the newest analysis report's focus areas, each as far as the user may read it.
   */
  app.get('/followup/plan-inputs', permit('documents.read'), async (req) => {
    const q = parseOr400(z.object({ jobcenter: z.string().regex(/^J\d+$/, 'vælg et jobcenter'), year: z.coerce.number().int().min(2000).max(2100) }), req.query);
    const region = employmentRegionOf(q.jobcenter);
    if (!region) throw new DocumentError(404, 'not_found', `${q.jobcenter} er ikke et jobcenter.`, { field: 'jobcenter' });
    const u = req.principal.user;
    const newest = async (kind: 'results_audit' | 'analysis_report', area: string) => (await listDocuments(db, { kind, areas: [area] })).filter((d) => d.year < q.year || (kind === 'analysis_report' && d.year === q.year)).find((d) => mayRead(u, d));
    const audit = await newest('results_audit', q.jobcenter);
    const analysis = await newest('analysis_report', region.id);
    const goals = await goalsInForce(db, q.year);
    const improvements = (audit?.content as AuditContent | undefined)?.generated as Partial<AuditGenerated> | undefined;
    return respond(req, planInputsResponse, {
      goals: { year: goals.year, titles: goals.goals.map((g) => `${g.number}. ${g.title}`) },
      audit: audit ? { id: audit.id, year: audit.year, state_name: stateNames[audit.state], improvements: (improvements?.improvements ?? []).map((i) => i.text) } : null,
      analysis: analysis ? { id: analysis.id, year: analysis.year, region_name: region.name, state_name: stateNames[analysis.state], focus_areas: (analysis.content as AnalysisContent).focus_areas } : null,
    });
  });

  /** Drafts the RBR's yearly analysis report of a region (January: on the past year), keeping what the RBR wrote. */
  app.post('/followup/analysis', permit('followup.manage'), async (req) => {
    const b = parseOr400(z.object({ year: z.number().int().min(2000).max(2100), region: generateBody.shape.region }), req.body);
    const region = regionFor(req.principal.user!, req.principal.scope, b.region);
    return respond(req, analysisResponse, await generateAnalysisReports(db, statbank, actorOf(req.principal.user!), { year: b.year, regions: [region.id] }));
  });

  /** The quarter's reports of a region's jobcenters (drafts too: the monitors write them). */
  app.get('/followup/reports', permit('followup.manage'), async (req) => {
    const q = parseOr400(z.object({ quarter: z.string().regex(/^\d{4}Q[1-4]$/, 'skriv kvartalet som 2025Q3'), region: generateBody.shape.region }), req.query);
    const region = regionFor(req.principal.user!, req.principal.scope, q.region);
    const jobcenters = areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, region.id));
    const docs = await listDocuments(db, { kind: 'followup_report', areas: jobcenters.map((j) => j.id), years: [Number(q.quarter.slice(0, 4))], periods: [q.quarter] });
    return respond(req, reportsResponse, {
      quarter: q.quarter,
      region: { id: region.id, name: region.name },
      jobcenters: jobcenters.map((j) => ({ id: j.id, name: j.name })),
      reports: docs.map((d) => ({ id: d.id, area: d.area, area_name: areaById.get(d.area)?.name ?? d.area, state: d.state, state_name: stateNames[d.state], updated_at: d.updated_at, updated_by: d.updated_by, published_at: d.published_at })),
    });
  });

  /** Drafts the quarter's reports for every jobcenter of a region (or one jobcenter); a published report is left alone. */
  app.post('/followup/reports', permit('followup.manage'), async (req) => {
    const u = req.principal.user!;
    const b = parseOr400(generateBody, req.body);
    if (b.jobcenter && areaById.get(b.jobcenter)?.level !== 'jobcenter') throw new DocumentError(404, 'not_found', `${b.jobcenter} er ikke et jobcenter.`, { field: 'jobcenter' });
    const region = regionFor(u, req.principal.scope, b.region ?? (b.jobcenter ? employmentRegionOf(b.jobcenter)?.id : undefined));
    if (b.jobcenter && !areaWithin(b.jobcenter, region.id)) throw new DocumentError(403, 'forbidden', `${areaById.get(b.jobcenter)!.name} ligger ikke i ${region.name}.`, { field: 'jobcenter' });
    const jobcenters = b.jobcenter ? [b.jobcenter] : areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, region.id)).map((a) => a.id);
    const r = await generateFollowupReports(db, statbank, actorOf(u), { quarter: b.quarter, jobcenters });
    await opts.afterChange?.();
    return respond(req, generateResponse, r);
  });

  const today = () => danishDate(opts.clock.now());
  /** The jobcenters a user sees cases of, optionally within a region or jobcenter. */
  const visible = (req: { principal: { user: User | null } }, area?: string) => followedJobcenters(req.principal.user, area);
  const readable = async (req: { params: unknown; principal: { scope: string | null; user: User | null } }) => {
    const id = parseOr400(z.object({ id: z.coerce.number().int() }), req.params).id;
    const c = await findCase(db, id, today());
    if (!c || !visible(req).includes(c.jobcenter)) throw new DocumentError(404, 'not_found', `Sag ${id} findes ikke, eller du har ikke adgang til den.`);
    return c;
  };

  /** The cases and the LBRs' recommendations of the jobcenters the user follows (optionally one region's or one jobcenter's). */
  app.get('/followup/cases', permit('followup.read'), async (req) => {
    const q = parseOr400(z.object({ area: z.string().regex(/^[BJ]\d+$/, 'vælg en beskæftigelsesregion eller et jobcenter').optional() }), req.query);
    const jcs = visible(req, q.area);
    return respond(req, casesResponse, { jobcenters: jcs.map((id) => ({ id, name: areaById.get(id)!.name })), cases: await listCases(db, jcs, today()), recommendations: await listRecommendations(db, jcs) });
  });

  app.post('/followup/cases', permit('followup.manage'), async (req, reply) => {
    const b = parseOr400(openSchema, req.body);
    if (!visible(req).includes(b.jobcenter)) throw new DocumentError(403, 'forbidden', `Du følger ikke op på ${areaById.get(b.jobcenter)?.name ?? b.jobcenter}.`, { field: 'jobcenter' });
    const c = await openCase(db, actorOf(req.principal.user!), today(), b);
    return reply.code(201).send(respond(req, caseResponse, (await findCase(db, c.id, today()))!));
  });

  app.get('/followup/cases/:id', permit('followup.read'), async (req) => respond(req, caseResponse, await readable(req)));

  app.post('/followup/cases/:id/steps', permit('followup.manage'), async (req) => {
    const c = await readable(req);
    const b = parseOr400(z.object({ version: z.number().int(), next_date: z.iso.date({ error: 'skriv datoen som åååå-mm-dd' }).nullable().optional(), step: stepSchema }), req.body);
    await addStep(db, actorOf(req.principal.user!), { notifier: opts.notifier, today: today() }, c.id, b.version, b.step, b.next_date);
    await opts.afterChange?.();
    return respond(req, caseResponse, (await findCase(db, c.id, today()))!);
  });

  app.post('/followup/cases/:id/close', permit('followup.manage'), async (req) => {
    const c = await readable(req);
    await closeCase(db, actorOf(req.principal.user!), c.id, parseOr400(closeSchema, req.body));
    return respond(req, caseResponse, (await findCase(db, c.id, today()))!);
  });

  /** An LBR recommends to the RBR that a special focus is put on areas; the region must answer. */
  app.post('/followup/recommendations', permit('followup.recommend'), async (req, reply) => {
    const u = req.principal.user!;
    const b = parseOr400(z.object({ jobcenter: z.string().regex(/^J\d+$/, 'vælg et jobcenter').optional(), text: z.string().trim().min(1, 'skriv indstillingen').max(20_000) }), req.body);
    const jobcenter = b.jobcenter ?? (areaById.get(u.organisation.area ?? '')?.level === 'jobcenter' ? u.organisation.area! : undefined);
    if (!jobcenter || !visible(req).includes(jobcenter)) throw new DocumentError(403, 'forbidden', 'Du kan kun indstille for dit eget lokale beskæftigelsesråd.', { field: 'jobcenter' });
    const r = await recommend(db, actorOf(u), { notifier: opts.notifier, today: today() }, jobcenter, b.text);
    await opts.afterChange?.();
    return reply.code(201).send(respond(req, recommendationResponse, r));
  });

  app.post('/followup/recommendations/:id/answer', permit('followup.manage'), async (req) => {
    const id = parseOr400(z.object({ id: z.coerce.number().int() }), req.params).id;
    const b = parseOr400(z.object({ version: z.number().int(), answer: z.string().trim().min(1, 'skriv regionens svar').max(20_000) }), req.body);
    const r = await answerRecommendation(db, actorOf(req.principal.user!), { notifier: opts.notifier, today: today() }, id, b.version, b.answer, visible(req));
    await opts.afterChange?.();
    return respond(req, recommendationResponse, r);
  });
}
