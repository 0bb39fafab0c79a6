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
import { decodeValues, findDatasetShape, findSeries, statusNames, type DatasetShape, type Release } from '../indicators/index.js';
import { areaById, areas, benefitById, type Area } from '../reference/index.js';
import { missingReason, noData } from './missing.js';
import { measureUnit } from './units.js';
import { clusterAreaId } from './area-hierarchy.js';
import { clusterSeries } from './cluster-cells.js';
import { notFound, StatbankError } from './statbank.errors.js';
import { respond } from '../server/shared.js';
import { areasResponse, profileResponse } from './responses.js';

/**
 * A key figure: a count shown as such (its unit and decimals from src/statbank/units.ts:
 * persons whole, full-time persons one decimal), and a rate that makes areas of any size
 * comparable ("pct. ...").
 */
interface CardSpec {
  id: string;
  label: string;
  dataset: string;
  benefit: string;
  /** Extra series dims after benefit/breakdown/breakdown_value (activation: offer). */
  extra?: string[];
  /** The count; `unit` overrides the measure's unit words. */
  value: { measure: string; unit?: string };
  rate: { measure: string; unit?: string };
}

const cards: CardSpec[] = [
  { id: 'public_support', label: 'Offentligt forsørgede', dataset: 'volume', benefit: 'public_support', value: { measure: 'fulltime' }, rate: { measure: 'pct_population' } },
  { id: 'gross_unemployed', label: 'Bruttoledige', dataset: 'volume', benefit: 'gross_unemployed', value: { measure: 'fulltime' }, rate: { measure: 'pct_workforce' } },
  { id: 'longterm', label: 'Langtidsledige', dataset: 'longterm', benefit: 'gross_unemployed', value: { measure: 'longterm_persons' }, rate: { measure: 'longterm_share' } },
  { id: 'sygedagpenge', label: 'Sygedagpenge', dataset: 'volume', benefit: 'sygedagpenge', value: { measure: 'fulltime' }, rate: { measure: 'pct_population' } },
  { id: 'kontanthjaelp', label: 'Kontanthjælp m.v.', dataset: 'volume', benefit: 'category_kontanthjaelp', value: { measure: 'fulltime' }, rate: { measure: 'pct_population' } },
  { id: 'activation', label: 'Aktivering af bruttoledige', dataset: 'activation', benefit: 'gross_unemployed', extra: ['all'], value: { measure: 'fulltime_activated', unit: 'fuldtidspersoner i aktivering' }, rate: { measure: 'activation_rate', unit: 'pct. af de bruttoledige (aktiveringsgrad)' } },
  { id: 'timeliness', label: 'Rettidige samtaler', dataset: 'timeliness', benefit: 'public_support', value: { measure: 'interviews_due', unit: 'samtaler, der skulle holdes' }, rate: { measure: 'timeliness' } },
];
/** A measure's unit words and decimals, as the profile writes it. */
const unitOf = (m: { measure: string; unit?: string }) => {
  const u = measureUnit(m.measure);
  return { measure: m.measure, unit: m.unit ?? u.unit, decimals: u.decimals };
};
const categories = ['category_dagpenge', 'category_kontanthjaelp', 'category_sygedagpenge', 'category_foertidspension'];
const MONTHS = 24;

/** A month's value; `why` says why it is missing (suppressed, censored, no data). */
type Point = { period: string; value: number | null; why?: string };
const point = (period: string, value: number | null, why: string | null): Point => (value === null ? { period, value, why: why ?? noData } : { period, value });

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
        out.set(`${r.area}|${r.dims[0]}|${m}`, months.map((p) => {
          const x = v[p.i * nm + j]!;
          const why = missingReason(statusNames[r.status[p.i]!] ?? 'unavailable', x, m);
          return point(p.id, why === null ? x : null, why);
        }));
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
    const lastOf = (id: string) => got.get(`${id}|${c.benefit}|${c.rate.measure}`)?.at(-1) ?? point(latest.period, null, noData);
    const rates = { area: lastOf(area.id), region: region ? lastOf(region.id) : null, country: area.id === 'DK' ? null : lastOf('DK'), cluster: cluster ? lastOf(clusterAreaId(cluster.number)) : null };
    const whys = Object.fromEntries(Object.entries(rates).filter(([, x]) => x?.why).map(([k, x]) => [k, x!.why!]));
    cardData.push({
      id: c.id,
      label: c.label,
      benefit: c.benefit,
      dataset: c.dataset,
      period: latest.period,
      value: { ...unitOf(c.value), latest: latest.value, latest_why: latest.why ?? null, year_ago: yearAgo?.value ?? null, year_ago_period: yearAgo?.period ?? null, year_ago_why: yearAgo ? (yearAgo.why ?? null) : 'Ingen sammenligning: udgivelsen har ikke samme måned året før.' },
      rate: { ...unitOf(c.rate), area: rates.area.value, region: rates.region?.value ?? null, country: rates.country?.value ?? null, cluster: rates.cluster?.value ?? null, why: whys },
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
    /** The unit of the categories' and the peers' values. */
    by_category_unit: unitOf({ measure: 'fulltime' }),
    peers: { measure: 'Offentligt forsørgede, fuldtidspersoner i pct. af befolkningen 16-66 år', unit: unitOf({ measure: 'pct_population' }), areas: small(peers.map((p) => p.id)) },
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
      return respond(req, profileResponse, await p);
    } catch (err) {
      if (err instanceof StatbankError) return reply.code(err.statusCode).send(err.toJSON());
      throw err;
    }
  });
  app.get('/areas', permit('statistics.read'), async (req) =>
    respond(req, areasResponse, areas.map((a) => ({ id: a.id, name: a.name, level: a.level }))),
  );
}
