/** Jobcenterprofil: key figures of a jobcenter (or region, municipality, the country) with comparisons and history. */
import type { z } from 'zod';
import { useEffect, useState, type ReactNode } from 'react';
import { areaTargetsResponse, documentListResponse } from '../../../src/documents/shared';
import { api } from '../api';
import { LineChart, Sparkline } from '../chart';
import { Alert } from '../forms';
import { fmt, shortPeriod, withUnit } from '../format';
import { areasResponse, periodName, profileResponse } from '../../../src/statbank/shared';
import { Layout } from '../Layout';
import { AreaCases } from './FollowupBoard';
import { FollowupMaterial } from './FollowupMaterial';
import { Link, navigate } from '../router';
import { kindNames, stateClass, stateNames, type AreaTargets, type DocumentKind, type DocumentSummary } from '../documents';
import { useSession } from '../session';
import { StatusCounts, TargetTable } from './Targets';

type Profile = z.output<typeof profileResponse>;
type Card = Profile['cards'][number];
type SmallMultiple = Profile['peers']['areas'][number];
type AreaRef = z.output<typeof areasResponse>[number];

/** The /v3 hierarchy parameter that holds an area id. */
const hierarchyOf = (id: string) => (id.startsWith('J') ? 'hierarchy._jobcenter' : id.startsWith('B') ? 'hierarchy._beskregion' : 'hierarchy._nykom');
/** The area's numbers in a statistics-bank table over 24 months, beside its peer cluster when it has one. */
const statbankLink = (table: string, p: Profile) =>
  `/statistik/${table}?period.M=latest%3A24&${hierarchyOf(p.area.id)}=${encodeURIComponent(p.area.id)}${p.cluster ? `&hierarchy._klynge=${p.cluster.id}` : ''}`;
const levelNames: Record<string, string> = { country: 'Hele landet', region: 'Regioner', employment_region: 'Beskæftigelsesregioner (2007-2014)', jobcenter: 'Jobcentre', municipality: 'Kommuner' };
/** The statistics-bank table behind each card. */
const tableOf: Record<string, string> = { public_support: 'ptv_a02', gross_unemployed: 'y25i01', longterm: 'y25i09', sygedagpenge: 'y07a02', kontanthjaelp: 'y60a02', activation: 'styr_aktivering', timeliness: 'styr_rettidighed' };

export function Profile({ areaId }: { areaId: string }) {
  const session = useSession();
  const [p, setP] = useState<Profile | null>(null);
  const [list, setList] = useState<AreaRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setP(null);
    setError(null);
    api(`/api/profile/${encodeURIComponent(areaId)}`, profileResponse).then(setP, (e: Error) => setError(e.message));
  }, [areaId]);
  useEffect(() => {
    api('/api/areas', areasResponse).then(setList, () => setList([]));
  }, []);

  return (
    <Layout title={p ? p.area.name : 'Områdeprofil'}>
      <AreaPicker list={list} current={areaId} />
      {error && <Alert kind="error">{error}</Alert>}
      {!p && !error && <p>Henter tal …</p>}
      {p && (
        <>
          <h1>{p.area.name}</h1>
          <p className="d-print-none">
            <button type="button" className="button button-secondary" onClick={() => window.print()}>Udskriv eller gem som PDF</button>
          </p>
          <p className="font-lead">
            Nøgletal for {p.cards[0] ? periodName(p.cards[0].period) : 'seneste måned'}
            {p.region ? `, sammenlignet med ${p.region.name} og hele landet` : p.area.id !== 'DK' ? ', sammenlignet med hele landet' : ''}. Udgivelse {p.release.version}.
          </p>
          <ul className="profile-cards no-max-width">
            {p.cards.map((c) => <KeyCard key={c.id} card={c} profile={p} />)}
          </ul>

          <section aria-labelledby="cat-heading">
            <h2 id="cat-heading">Udviklingen efter ydelseskategori</h2>
            <LineChart title="Fuldtidspersoner efter ydelseskategori" periods={p.by_category[0]?.series.map((x) => shortPeriod(x.period)) ?? []} series={p.by_category.map((b) => ({ name: b.name, values: b.series.map((x) => x.value) }))} />
            <details className="details">
              <summary className="details-summary">Vis tallene som tabel</summary>
              <div className="details-text table--responsive-scroll">
                <table className="table table--compact">
                  <caption className="sr-only">Fuldtidspersoner efter ydelseskategori og måned</caption>
                  <thead><tr><th scope="col">Måned</th>{p.by_category.map((b) => <th key={b.benefit} scope="col" className="text-align-right">{b.name}</th>)}</tr></thead>
                  <tbody>
                    {(p.by_category[0]?.series ?? []).map((x, i) => (
                      <tr key={x.period}><th scope="row">{periodName(x.period)}</th>{p.by_category.map((b) => <td key={b.benefit} className="text-align-right">{fmt(b.series[i]?.value ?? null, p.by_category_unit.decimals, b.series[i]?.why)}</td>)}</tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>

          <SteeringDocuments areaId={p.area.id} areaName={p.area.name} />
          {session.permissions['followup.read'] && /^[BJ]\d/.test(p.area.id) && <AreaCases area={p.area.id} areaName={p.area.name} />}

          {p.peers.areas.length > 0 && <SmallMultiples id="peer-heading" heading={`Jobcentrene i ${p.region?.name}`} measure={p.peers.measure} areas={p.peers.areas} current={p.area.id} />}
          {p.cluster && (
            <SmallMultiples
              id="cluster-heading"
              heading={`Klynge ${p.cluster.number}: jobcentre med sammenlignelige rammevilkår`}
              measure={p.peers.measure}
              areas={p.cluster.areas}
              current={p.area.id}
              more={
                <>
                  <Link to={`/benchmark/${p.area.id}`}>Se benchmarkingen af {p.area.name}</Link> ·{' '}
                  <Link to={statbankLink('ptv_a02', p)}>Se klyngen i statistikbanken</Link>
                </>
              }
            />
          )}
        </>
      )}
    </Layout>
  );
}

function SmallMultiples({ id, heading, measure, areas, current, more }: { id: string; heading: string; measure: string; areas: SmallMultiple[]; current: string; more?: ReactNode }) {
  const max = Math.max(...areas.flatMap((x) => x.sparkline.map((s) => s.value ?? 0)));
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p>{measure}, de seneste 24 måneder. Samme skala for alle.{more && <> {more}</>}</p>
      <ul className="small-multiples no-max-width">
        {areas.map((a) => {
          const last = a.sparkline.at(-1);
          return (
            <li key={a.id} className={a.id === current ? 'current' : undefined}>
              <Link to={`/omraade/${a.id}`}>{a.name.replace(/^Jobcenter /, '')}</Link>
              <Sparkline values={a.sparkline.map((s) => s.value)} max={max} />
              <span>{withUnit(last?.value, 1, 'pct.', last?.why)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "+25,0 fuldtidspersoner (+5,3 %) siden december 2024", or why there is no comparison. */
function changeText(v: Card['value']): string {
  const { latest, year_ago } = v;
  if (latest === null) return `Ingen sammenligning med året før: ${v.latest_why ?? 'ikke offentliggjort'}`;
  if (year_ago === null) return v.year_ago_why?.startsWith('Ingen sammenligning') ? v.year_ago_why : `Ingen sammenligning med året før: ${v.year_ago_why ?? 'ikke offentliggjort'}`;
  const change = latest - year_ago;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const pct = year_ago ? ` (${change >= 0 ? '+' : '−'}${fmt(Math.abs((100 * change) / year_ago), 1)} %)` : '';
  return `${sign}${withUnit(Math.abs(change), v.decimals, v.unit)}${pct} siden ${periodName(v.year_ago_period ?? '')}`;
}

const nowrap = { whiteSpace: 'nowrap' } as const;

function KeyCard({ card: c, profile: p }: { card: Card; profile: Profile }) {
  const { latest } = c.value;
  const values = c.sparkline.map((s) => s.value);
  const first = c.sparkline.find((s) => s.value !== null);
  // The rate's full unit once above the comparison, each value with its short unit ("15,0 pct.").
  const short = c.rate.unit.startsWith('pct.') ? 'pct.' : c.rate.unit;
  const rate = (v: number | null, key: keyof Card['rate']['why']) => withUnit(v, c.rate.decimals, short, c.rate.why[key]);
  return (
    <li className="card profile-card">
      <div className="card-content">
        <h2 className="h4">{c.label}</h2>
        <p className="profile-value">
          {latest === null ? <span>{c.value.latest_why}</span> : <><span className="h2">{fmt(latest, c.value.decimals)}</span> {c.value.unit}</>}
        </p>
        <p>{changeText(c.value)}</p>
        <p className="mb-0 form-hint">Sammenligning i {c.rate.unit}:</p>
        <dl className="profile-compare">
          <dt>{p.area.name}</dt><dd style={nowrap}>{rate(c.rate.area, 'area')}</dd>
          {p.region && <><dt>{p.region.name}</dt><dd style={nowrap}>{rate(c.rate.region, 'region')}</dd></>}
          {c.rate.country !== null || c.rate.why.country ? <><dt>Hele landet</dt><dd style={nowrap}>{rate(c.rate.country, 'country')}</dd></> : null}
          {p.cluster && (c.rate.cluster !== null || c.rate.why.cluster) ? <><dt>Klynge {p.cluster.number} (gns.)</dt><dd style={nowrap}>{rate(c.rate.cluster, 'cluster')}</dd></> : null}
        </dl>
        <Sparkline values={values} label={first ? `Udvikling i ${c.value.unit} fra ${withUnit(first.value, c.value.decimals, c.value.unit)} i ${periodName(first.period)} til ${withUnit(latest, c.value.decimals, c.value.unit, c.value.latest_why ?? undefined)} i ${periodName(c.period)}.` : undefined} />
        <p className="mb-0">
          <Link to={statbankLink(tableOf[c.id] ?? '', p)}>Se tallene i statistikbanken</Link>
        </p>
      </div>
    </li>
  );
}

function AreaPicker({ list, current }: { list: AreaRef[]; current: string }) {
  if (list.length === 0) return null;
  const levels = ['country', 'region', 'jobcenter', 'municipality', 'employment_region'];
  return (
    <div className="form-group">
      <label className="form-label" htmlFor="area-picker">Vælg område</label>
      <select id="area-picker" className="form-select" value={current} onChange={(e) => navigate(`/omraade/${e.target.value}`)}>
        {levels.map((l) => (
          <optgroup key={l} label={levelNames[l]}>
            {list.filter((a) => a.level === l).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** The jobcenter's current plan and audit and the status of its targets; a region links to its targets. */
function SteeringDocuments({ areaId, areaName }: { areaId: string; areaName: string }) {
  const session = useSession();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [targets, setTargets] = useState<AreaTargets[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const jobcenter = areaId.startsWith('J');
  useEffect(() => {
    if (!jobcenter || !session.loaded) return;
    setDocs(null);
    setTargets(null);
    setError(null);
    api(`/api/documents?area=${encodeURIComponent(areaId)}`, documentListResponse).then(setDocs, (e: Error) => setError(e.message));
    api(`/api/targets?area=${encodeURIComponent(areaId)}`, areaTargetsResponse).then(setTargets, (e: Error) => setError(e.message));
  }, [areaId, jobcenter, session.loaded, session.user?.id]);
  if (areaId.startsWith('B')) {
    return (
      <section aria-labelledby="steering-heading">
        <h2 id="steering-heading">Styringsdokumenter</h2>
        <p><Link to={`/maal?omraade=${encodeURIComponent(areaId)}`}>Se målene i {areaName}s jobcentre og regionens egne mål</Link> · <Link to={`/dokumenter?omraade=${encodeURIComponent(areaId)}`}>Se dokumenterne</Link></p>
      </section>
    );
  }
  if (!jobcenter) return null;
  const current = (kind: DocumentKind) => docs?.filter((d) => d.kind === kind).sort((a, b) => b.year - a.year)[0];
  const shown = (['employment_plan', 'results_audit'] as DocumentKind[]).map((k) => [k, current(k)] as const);
  // The newest plan that has targets.
  const planTargets = targets?.filter((t) => t.document.kind === 'employment_plan' && t.targets.length > 0).sort((a, b) => b.document.year - a.document.year)[0];
  return (
    <section aria-labelledby="steering-heading">
      <h2 id="steering-heading">Styringsdokumenter</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {!docs && !error && <p role="status">Henter dokumenterne …</p>}
      {docs && (
        <ul className="nobullet-list">
          {shown.map(([k, d]) => (
            <li key={k}>
              {d ? (
                <><Link to={`/dokumenter/${d.id}`}>{kindNames[k]} {d.year}</Link> <span className={stateClass(d.state)}>{stateNames[d.state]}</span></>
              ) : (
                <>{kindNames[k]}: ingen{session.user ? '' : ' offentliggjort'}</>
              )}
            </li>
          ))}
        </ul>
      )}
      {planTargets && planTargets.targets.length > 0 && (
        <>
          <h3 className="h4">Målene i beskæftigelsesplanen {planTargets.document.year}</h3>
          <StatusCounts targets={planTargets.targets} label={`Antal mål efter status i beskæftigelsesplanen ${planTargets.document.year}`} />
          <TargetTable targets={planTargets.targets} caption={`Målene i beskæftigelsesplanen ${planTargets.document.year} og deres status`} />
        </>
      )}
      <FollowupMaterial jobcenter={areaId} sub />
      <p><Link to={`/dokumenter?omraade=${encodeURIComponent(areaId)}`}>Alle dokumenter for {areaName}</Link> · <Link to={`/maal?omraade=${encodeURIComponent(areaId)}`}>Alle mål</Link></p>
    </section>
  );
}
