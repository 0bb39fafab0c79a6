/**
 * The jobcenter profile (Jobcenterprofil): key figures of an area from the newest release,
 * each with its latest month, the change from the same month a year before, the same
 * figure as a rate for the region and the country, and 24 months of history; the
 * development by benefit category; and the other jobcenters of the region side by side.
 * Jobcenters, municipalities, regions, employment regions and the country all get it.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { permit } from '../access/index.js';
import { findCluster, findReleaseAndRun } from '../benchmark/index.js';
import type { Database } from '../db/index.js';
import { decodeValues, findDatasetShape, findSeries, type DatasetShape, type Release } from '../indicators/index.js';
import { areaById, areas, benefitById, type Area } from '../reference/index.js';
import { clusterAreaId } from './area-hierarchy.js';
import { clusterSeries } from './cluster-cells.js';
import { notFound, StatbankError } from './statbank.errors.js';

/** A key figure: a count shown as such, and a rate that makes areas of any size comparable. */
interface CardSpec {
  id: string;
  label: string;
  dataset: string;
  benefit: string;
  /** Extra series dims after benefit/breakdown/breakdown_value (activation: offer). */
  extra?: string[];
  value: { measure: string; label: string; decimals: number };
  rate: { measure: string; label: string; decimals: number };
}

const cards: CardSpec[] = [
  { id: 'public_support', label: 'Offentligt forsørgede', dataset: 'volume', benefit: 'public_support', value: { measure: 'fulltime', label: 'fuldtidspersoner', decimals: 0 }, rate: { measure: 'pct_population', label: 'pct. af befolkningen 16-66 år', decimals: 1 } },
  { id: 'gross_unemployed', label: 'Bruttoledige', dataset: 'volume', benefit: 'gross_unemployed', value: { measure: 'fulltime', label: 'fuldtidspersoner', decimals: 0 }, rate: { measure: 'pct_workforce', label: 'pct. af arbejdsstyrken', decimals: 1 } },
  { id: 'longterm', label: 'Langtidsledige', dataset: 'longterm', benefit: 'gross_unemployed', value: { measure: 'longterm_persons', label: 'personer', decimals: 0 }, rate: { measure: 'longterm_share', label: 'pct. af bruttoledige', decimals: 1 } },
  { id: 'sygedagpenge', label: 'Sygedagpenge', dataset: 'volume', benefit: 'sygedagpenge', value: { measure: 'fulltime', label: 'fuldtidspersoner', decimals: 0 }, rate: { measure: 'pct_population', label: 'pct. af befolkningen 16-66 år', decimals: 1 } },
  { id: 'kontanthjaelp', label: 'Kontanthjælp m.v.', dataset: 'volume', benefit: 'category_kontanthjaelp', value: { measure: 'fulltime', label: 'fuldtidspersoner', decimals: 0 }, rate: { measure: 'pct_population', label: 'pct. af befolkningen 16-66 år', decimals: 1 } },
  { id: 'activation', label: 'Aktivering af bruttoledige', dataset: 'activation', benefit: 'gross_unemployed', extra: ['all'], value: { measure: 'fulltime_activated', label: 'fuldtidsaktiverede', decimals: 0 }, rate: { measure: 'activation_rate', label: 'aktiveringsgrad, pct.', decimals: 1 } },
  { id: 'timeliness', label: 'Rettidige samtaler', dataset: 'timeliness', benefit: 'public_support', value: { measure: 'interviews_due', label: 'samtaler der skulle holdes', decimals: 0 }, rate: { measure: 'timeliness', label: 'pct. rettidige', decimals: 1 } },
];
const categories = ['category_dagpenge', 'category_kontanthjaelp', 'category_sygedagpenge', 'category_foertidspension'];
const MONTHS = 24;

type Point = { period: string; value: number | null };

/** The region (or, before 2007, employment region) an area belongs to, for comparison. */
function regionOf(a: Area): Area | undefined {
  if (a.level === 'country' || a.level === 'region' || a.level === 'employment_region') return undefined;
  return areas.find((r) => r.level === 'region' && a.municipalities.every((k) => r.municipalities.includes(k)));
}

/** The profile of an area from a release and its benchmarking run (default: the newest of both). */
export async function areaProfile(db: Kysely<Database>, areaId: string, of?: { release: Release; runId: number | null }) {
  const area = areaById.get(areaId);
  if (!area) throw notFound(`Området ${areaId} findes ikke.`);
  of ??= await findReleaseAndRun(db);
  if (!of) throw notFound('Der er endnu ingen udgivelse.');
  const { release, runId } = of;
  const region = regionOf(area);
  const peers = area.level === 'jobcenter' && region ? areas.filter((a) => a.level === 'jobcenter' && a.municipalities.every((k) => region.municipalities.includes(k))) : [];
  // The peer cluster of the newest benchmarking of this release, when there is one.
  const cluster = area.level === 'jobcenter' && runId !== null ? await findCluster(db, runId, area.id) : null;
  const clusterAreas = new Map(cluster ? [[clusterAreaId(cluster.number), cluster.members]] : []);
  const shapes = new Map<string, DatasetShape | undefined>();
  const shape = async (dataset: string) => {
    if (!shapes.has(dataset)) shapes.set(dataset, await findDatasetShape(db, release.id, dataset));
    return shapes.get(dataset);
  };

  /**
   * The last MONTHS months of each area × benefit × measure, in one read; key
   * `area|benefit|measure`. With `clusters`, also each cluster's cells as the statistics bank
   * gives them (the average of its jobcenters' published cells).
   */
  const monthly = async (dataset: string, benefits: string[], extra: string[], areaIds: string[], measures: string[], clusters = new Map<string, string[]>()) => {
    const out = new Map<string, Point[]>();
    const s = await shape(dataset);
    if (!s) return out;
    const months = s.periods.map((p, i) => ({ ...p, i })).filter((p) => p.freq === 'M').slice(-MONTHS);
    const nm = s.measures.length;
    const rows = (await findSeries(db, { releaseId: release.id, dataset, areas: areaIds, dims: [benefits, ['total'], ['total'], ...extra.map((e) => [e])] }))
      .map((r) => ({ area: r.area, dims: r.dims, values: decodeValues(r.values, r.codec), status: r.status }));
    for (const r of [...rows, ...clusterSeries(rows, clusters, nm)]) {
      const v = r.values;
      for (const m of measures) {
        const j = s.measures.findIndex((x) => x.id === m);
        out.set(`${r.area}|${r.dims[0]}|${m}`, months.map((p) => ({ period: p.id, value: r.status[p.i] === 0 && !Number.isNaN(v[p.i * nm + j]!) ? v[p.i * nm + j]! : null })));
      }
    }
    // A series that is absent has published zeros (absent cells), not missing values.
    for (const a of areaIds) for (const b of benefits) for (const m of measures) {
      if (!out.has(`${a}|${b}|${m}`)) out.set(`${a}|${b}|${m}`, months.map((p) => ({ period: p.id, value: 0 })));
    }
    return out;
  };

  const cardData = [];
  for (const c of cards) {
    const compare = [area.id, ...(region ? [region.id] : []), ...(area.id === 'DK' ? [] : ['DK']), ...(cluster?.members.filter((m) => m !== area.id) ?? [])];
    const got = await monthly(c.dataset, [c.benefit], c.extra ?? [], compare, [c.value.measure, c.rate.measure], clusterAreas);
    const series = got.get(`${area.id}|${c.benefit}|${c.value.measure}`) ?? [];
    if (series.length === 0) continue;
    const latest = series.at(-1)!;
    const yearAgo = series.length > 12 ? series.at(-13)! : null;
    const lastOf = (id: string) => got.get(`${id}|${c.benefit}|${c.rate.measure}`)?.at(-1)?.value ?? null;
    cardData.push({
      id: c.id,
      label: c.label,
      benefit: c.benefit,
      dataset: c.dataset,
      period: latest.period,
      value: { ...c.value, latest: latest.value, year_ago: yearAgo?.value ?? null, year_ago_period: yearAgo?.period ?? null },
      rate: { ...c.rate, area: lastOf(area.id), region: region ? lastOf(region.id) : null, country: area.id === 'DK' ? null : lastOf('DK'), cluster: cluster ? lastOf(clusterAreaId(cluster.number)) : null },
      sparkline: series,
    });
  }

  const cat = await monthly('volume', categories, [], [area.id], ['fulltime']);
  const byCategory = categories.map((b) => ({ benefit: b, name: benefitById.get(b)?.name ?? b, series: cat.get(`${area.id}|${b}|fulltime`) ?? [] }));
  const peerIds = [...new Set([...peers.map((p) => p.id), ...(cluster?.members ?? [])])];
  const peerRates = peerIds.length > 0 ? await monthly('volume', ['public_support'], [], peerIds, ['pct_population']) : new Map<string, Point[]>();
  const small = (ids: string[]) => ids.map((id) => ({ id, name: areaById.get(id)!.name, sparkline: peerRates.get(`${id}|public_support|pct_population`) ?? [] }));

  return {
    area: { id: area.id, name: area.name, level: area.level },
    region: region ? { id: region.id, name: region.name } : null,
    release: releaseInfo(release),
    cards: cardData,
    by_category: byCategory,
    peers: { measure: 'Offentligt forsørgede, fuldtidspersoner i pct. af befolkningen 16-66 år', areas: small(peers.map((p) => p.id)) },
    cluster: cluster ? { number: cluster.number, id: clusterAreaId(cluster.number), areas: small(cluster.members) } : null,
  };
}

const releaseInfo = (r: Release) => ({ version: r.version, cutoff_week: r.cutoff_week, created_at: r.created_at });

/**
 * GET /api/profile/:area (public: published statistics only). Releases are immutable, so a
 * profile is kept per release and area (bounded; the newest release is looked up per request).
 */
export async function profileRoutes(app: FastifyInstance, opts: { db: Kysely<Database> }): Promise<void> {
  const cache = new Map<string, Promise<Awaited<ReturnType<typeof areaProfile>>>>();
  app.get('/profile/:area', permit('statistics.read'), async (req, reply) => {
    const id = String((req.params as { area: string }).area).toUpperCase();
    try {
      // A benchmarking run added to the release later brings the peer cluster: part of the key.
      const found = await findReleaseAndRun(opts.db);
      const key = `${found?.release.id}|${found?.runId}|${id}`;
      let p = cache.get(key);
      if (!p) {
        p = areaProfile(opts.db, id, found);
        p.catch(() => cache.delete(key));
        if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
        cache.set(key, p);
      }
      return await p;
    } catch (err) {
      if (err instanceof StatbankError) return reply.code(err.statusCode).send(err.toJSON());
      throw err;
    }
  });
  app.get('/areas', permit('statistics.read'), async () =>
    areas.map((a) => ({ id: a.id, name: a.name, level: a.level })),
  );
}
