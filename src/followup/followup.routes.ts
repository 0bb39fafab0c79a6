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
import type { Database } from '../db/index.js';
import { DocumentError } from '../documents/index.js';
import { areaById, areas } from '../reference/index.js';
import type { StatbankService } from '../statbank/index.js';
import { employmentRegionOf, generateFollowupReports, quarterOf } from './report.js';

export interface FollowupRoutesOptions {
  db: Kysely<Database>;
  statbank: StatbankService;
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
  app.get('/followup/quarters', permit('followup.manage'), async () => {
    const latest = await quarterOf(statbank, undefined);
    const t = await statbank.table('ptv_a02');
    const quarters = (t.periodsByFreq.get('Q') ?? []).filter((q) => q <= latest && (t.periodsByFreq.get('Q') ?? []).includes(`${Number(q.slice(0, 4)) - 1}${q.slice(4)}`)).reverse();
    return { release: t.release.version, latest, quarters };
  });

  /** Drafts the quarter's reports for every jobcenter of a region (or one jobcenter); a published report is left alone. */
  app.post('/followup/reports', permit('followup.manage'), async (req) => {
    const u = req.principal.user!;
    const b = parseOr400(generateBody, req.body);
    const own = req.principal.scope === 'own_area' ? u.organisation.area : 'DK';
    const region = b.region ?? (b.jobcenter ? employmentRegionOf(b.jobcenter)?.id : (areaById.get(own ?? '')?.level === 'employment_region' ? own! : undefined));
    if (!b.jobcenter && !region) throw new DocumentError(400, 'invalid_field', 'Vælg en beskæftigelsesregion eller et jobcenter.', { field: 'region' });
    const scope = b.jobcenter ?? region!;
    if (!areaById.has(scope)) throw new DocumentError(404, 'not_found', `Området ${scope} findes ikke.`, { field: b.jobcenter ? 'jobcenter' : 'region' });
    if (!areaWithin(scope, own)) throw new DocumentError(403, 'forbidden', `Du følger ikke op på ${areaById.get(scope)!.name}.`, { field: b.jobcenter ? 'jobcenter' : 'region' });
    const jobcenters = b.jobcenter ? [b.jobcenter] : areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, region!)).map((a) => a.id);
    const r = await generateFollowupReports(db, statbank, actorOf(u), { quarter: b.quarter, jobcenters });
    await opts.afterChange?.();
    return r;
  });
}
