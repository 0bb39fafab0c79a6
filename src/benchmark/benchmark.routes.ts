/**
 * The benchmarking's JSON API under /api/benchmark. Expected levels, rankings, clusters and
 * the model are derived from published statistics and open to all; result problems are for
 * the roles that follow up on them, within their area.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { areaWithin, permit, permittedIn, type User } from '../access/index.js';
import type { Database } from '../db/index.js';
import { areaById, areaName, areas } from '../reference/index.js';
import { findBenchmarkSeries, findFlags, findPeers, findRun, type StoredRun } from './benchmark.repository.js';
import { benchmarkMeasureById, TIMELINESS, type BenchmarkMeasure } from './measures.js';
import { respond } from '../server/shared.js';
import { jobcenterResponse, overviewResponse, problemsResponse, rankingResponse, runSettingsSchema } from './responses.js';

const regionOf = (jobcenter: string) => {
  const a = areaById.get(jobcenter)!;
  return areas.find((r) => r.level === 'region' && a.municipalities.every((k) => r.municipalities.includes(k)));
};

const querySchema = z.object({
  release: z.coerce.number().int().min(1).optional(),
  measure: z.string().optional(),
  period: z.string().optional(),
});

function fail(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  return reply.code(status).send({ error: { code, message, ...(field ? { field } : {}) } });
}

export async function benchmarkRoutes(app: FastifyInstance, opts: { db: Kysely<Database> }): Promise<void> {
  const { db } = opts;

  /** The run for the request (newest release unless ?release=N), or a Danish 400/404 sent. */
  const runFor = async (query: unknown, reply: FastifyReply): Promise<{ run: StoredRun; q: z.output<typeof querySchema> } | null> => {
    const parsed = querySchema.safeParse(query);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]!.path[0]);
      fail(reply, 400, 'invalid_parameter', `Parameteren ${field} er ugyldig: ${parsed.error.issues[0]!.message}`, field);
      return null;
    }
    const run = await findRun(db, parsed.data.release);
    if (!run) {
      fail(reply, 404, 'not_found', parsed.data.release ? `Udgivelse ${parsed.data.release} er ikke benchmarket.` : 'Der er endnu ingen benchmarking. Den beregnes med `styr benchmark`, når der er rammevilkår.');
      return null;
    }
    if (parsed.data.measure && !benchmarkMeasureById.has(parsed.data.measure)) {
      fail(reply, 400, 'invalid_parameter', `Parameteren measure: målet ${parsed.data.measure} findes ikke. Mulige: ${[...benchmarkMeasureById.keys()].join(', ')}.`, 'measure');
      return null;
    }
    return { run, q: parsed.data };
  };

  app.get('/benchmark', permit('benchmark.read'), async (req, reply) => {
    const got = await runFor(req.query, reply);
    if (!got) return reply;
    const { run } = got;
    return respond(req, overviewResponse, {
      run: run.id,
      created_at: run.created_at,
      release: { version: run.release.version, cutoff_week: run.release.cutoff_week },
      settings: runSettingsSchema.parse(run.settings),
      periods: run.periods,
      measures: run.measures,
      // Jobcenters left out of a fit, by name.
      fits: Object.fromEntries(
        Object.entries(run.fits).map(([id, f]) => [id, { ...f, newest: f.newest && { ...f.newest, excluded: f.newest.excluded.map((e) => ({ ...e, name: areaName(e.jobcenter) })) } }]),
      ),
      clustering: { k: run.clustering.k, criterion: run.clustering.criterion, weights: run.clustering.weights, conditions_year: run.clustering.conditionsYear },
      unavailable: run.unavailable,
    });
  });

  /** Every jobcenter on a measure in a period: the ranking table and the scatter. */
  app.get('/benchmark/ranking', permit('benchmark.read'), async (req, reply) => {
    const got = await runFor(req.query, reply);
    if (!got) return reply;
    const { run, q } = got;
    const measure = q.measure ?? 'share_public_support';
    const m = benchmarkMeasureById.get(measure);
    if (!m) return fail(reply, 400, 'invalid_parameter', `Parameteren measure: målet ${measure} findes ikke.`, 'measure');
    const series = (await findBenchmarkSeries(db, run, [measure])).get(measure)!;
    const peers = new Map((await findPeers(db, run.id)).map((p) => [p.jobcenter, p.cluster]));
    // The newest period with values unless one is asked for.
    const t = q.period ? run.periods.indexOf(q.period) : Math.max(-1, ...[...series.values()].map((s) => s.reduce((last, p, i) => (p.actual !== null ? i : last), -1)));
    if (t < 0) return fail(reply, 400, 'invalid_parameter', `Parameteren period: ${q.period} er ikke en af benchmarkingens perioder (løbende år som ${run.periods.at(-1)}).`, 'period');
    return respond(req, rankingResponse, {
      measure: m,
      period: run.periods[t]!,
      release: run.release.version,
      rows: [...series]
        .map(([jc, s]) => ({
          jobcenter: jc, name: areaName(jc), region: regionOf(jc)?.id ?? null, cluster: peers.get(jc) ?? null, ...s[t]!,
          difference: s[t]!.actual !== null && s[t]!.expected !== null ? s[t]!.actual! - s[t]!.expected! : null,
        }))
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'da')),
    });
  });

  /** One jobcenter: every measure over time, its cluster, neighbours, conditions and savings. */
  app.get('/benchmark/jobcenters/:id', permit('benchmark.read'), async (req, reply) => {
    const got = await runFor(req.query, reply);
    if (!got) return reply;
    const { run } = got;
    const id = String((req.params as { id: string }).id).toUpperCase();
    if (areaById.get(id)?.level !== 'jobcenter') return fail(reply, 404, 'not_found', `${id} er ikke et jobcenter.`);
    const peers = await findPeers(db, run.id);
    const me = peers.find((p) => p.jobcenter === id);
    if (!me) return fail(reply, 404, 'not_found', `${areaName(id)} er ikke med i benchmarkingen.`);
    const modelled = run.measures.filter((m): m is BenchmarkMeasure => m.id !== TIMELINESS.id);
    const series = await findBenchmarkSeries(db, run, modelled.map((m) => m.id), [id]);
    const region = regionOf(id);
    return respond(req, jobcenterResponse, {
      jobcenter: { id, name: areaName(id), region: region ? { id: region.id, name: region.name } : null },
      release: run.release.version,
      periods: run.periods,
      cluster: { number: me.cluster, members: peers.filter((p) => p.cluster === me.cluster).map((p) => ({ id: p.jobcenter, name: areaName(p.jobcenter) })) },
      neighbours: me.neighbours.map((n) => ({ id: n.jobcenter, name: areaName(n.jobcenter), distance: n.distance })),
      conditions: me.conditions,
      measures: modelled.map((m) => ({ ...m, series: series.get(m.id)!.get(id) ?? [] })),
      savings: run.savings.filter((s) => s.jobcenter === id),
      /** DKK per full-time person-year, by category (the savings' unit costs). */
      unit_costs: runSettingsSchema.parse(run.settings).unitCosts,
      flags: mayReadProblems(req.principal.user, id) ? (await findFlags(db, run.id, [id])).map(describeFlag) : null,
    });
  });

  /** Result problems, for the roles that follow up on them, within their area. */
  app.get('/benchmark/problems', permit('result_problems.read'), async (req, reply) => {
    const got = await runFor(req.query, reply);
    if (!got) return reply;
    const { run } = got;
    const area = req.principal.scope === 'own_area' ? (req.principal.user?.organisation.area ?? '-') : null;
    const jcs = areas.filter((a) => a.level === 'jobcenter' && (!area || areaWithin(a.id, area))).map((a) => a.id);
    const flags = await findFlags(db, run.id, jcs);
    return respond(req, problemsResponse, {
      release: run.release.version,
      run: run.id,
      settings: runSettingsSchema.parse(run.settings),
      flags: flags.map(describeFlag),
    });
  });
}

/** A measure's unit and decimals ("pct.", "uger"; timeliness: pct. with one decimal). */
const unitOf = (measure: string) => {
  const m = benchmarkMeasureById.get(measure);
  return { unit: m?.unit ?? TIMELINESS.unit, decimals: m?.decimals ?? 1 };
};

/** A flag as shown: names of the jobcenter and its peers, the measure's label, the region. */
function describeFlag(f: Awaited<ReturnType<typeof findFlags>>[number]) {
  const e = f.evidence;
  return {
    ...f,
    evidence: {
      ...e,
      peers: e.peers.map((p) => ({ ...p, name: areaName(p.jobcenter) })),
      explanations: e.explanations?.map((x) => ({ ...x, label: benchmarkMeasureById.get(x.measure)?.label ?? x.measure, ...unitOf(x.measure) })),
    },
    name: areaName(f.jobcenter),
    region: regionOf(f.jobcenter)?.id ?? null,
    label: benchmarkMeasureById.get(f.measure)?.label ?? TIMELINESS.label,
    ...unitOf(f.measure),
  };
}

/** Whether a user may see the result problems of a jobcenter (an optional part of its page). */
const mayReadProblems = (user: User | null, jobcenter: string): boolean => permittedIn(user, 'result_problems.read', jobcenter);
