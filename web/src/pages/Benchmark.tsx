/**
 * Benchmarking: every jobcenter's actual level against the level expected from its framework
 * conditions, as a ranking and a scatter, with the model behind it (fit, coefficients,
 * jobcenters left out, and how the peer clusters were chosen).
 */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { overviewResponse, rankingResponse } from '../../../src/benchmark/shared';
import { areasResponse } from '../../../src/statbank/shared';
import { intervalText, type Overview, type Ranking } from '../benchmark';
import { ScatterChart } from '../chart';
import { Alert } from '../forms';
import { date, fmt, withUnit } from '../format';
import { periodName } from '../../../src/statbank/shared';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';

export function Benchmark() {
  const params = useLocation().searchParams;
  const measure = params.get('maal') ?? 'share_public_support';
  const region = params.get('region') ?? '';
  const [overview, setOverview] = useState<Overview | null>(null);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [regions, setRegions] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    api('/api/benchmark', overviewResponse).then(setOverview, (e: Error) => setError(e.message));
    api('/api/areas', areasResponse).then((a) => setRegions(a.filter((x) => x.level === 'region')), () => setRegions([]));
  }, []);
  useEffect(() => {
    setRanking(null);
    api(`/api/benchmark/ranking?measure=${encodeURIComponent(measure)}`, rankingResponse).then(setRanking, (e: Error) => setError(e.message));
  }, [measure]);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`/benchmark?${next.toString()}`, { replace: true });
  };
  const m = overview?.measures.find((x) => x.id === measure);
  const fit = overview?.fits[measure]?.newest ?? null;
  const rows = ranking?.rows.filter((r) => !region || r.region === region) ?? [];
  const decimals = m && 'decimals' in m ? (m.decimals ?? 1) : 1;

  return (
    <Layout title="Benchmarking af jobcentrene">
      <h1>Benchmarking af jobcentrene</h1>
      <p className="font-lead">
        Hvert jobcenters faktiske niveau sammenlignet med det niveau, dets rammevilkår lader forvente. Løfteevne = faktisk ÷ forventet; under 1 er bedre end forventet, når lavere er bedst.
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {overview && (
        <p>
          Udgivelse {overview.release.version} · beregnet {date(overview.created_at)} · {overview.clustering.k} klynger · resultatproblem: uden for {fmt(overview.settings.level * 100, 1)} %-intervallet over {overview.settings.years} år og mindst {fmt(overview.settings.minDeviation * 100, 0)} % fra det forventede.
        </p>
      )}
      <div className="form-group">
        <label className="form-label" htmlFor="maal">Mål</label>
        <select id="maal" className="form-select" value={measure} onChange={(e) => set('maal', e.target.value)}>
          {overview?.measures.filter((x) => x.id !== 'timeliness').map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="region">Region</label>
        <select id="region" className="form-select" value={region} onChange={(e) => set('region', e.target.value)}>
          <option value="">Hele landet</option>
          {regions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </div>
      {!ranking && !error && <p>Henter benchmarking …</p>}
      {ranking && m && (
        <>
          <h2>{m.label}, {periodName(ranking.period)}</h2>
          <ScatterChart
            title={`${m.label}: faktisk mod forventet, ${periodName(ranking.period)}`}
            points={rows.filter((r) => r.actual !== null && r.expected !== null).map((r) => ({ id: r.jobcenter, name: r.name, x: r.expected!, y: r.actual! }))}
            xLabel={`Forventet (${m.unit})`}
            yLabel={`Faktisk (${m.unit})`}
          />
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption>Rangering: {m.label}, {periodName(ranking.period)} ({rows.length} jobcentre). Nr. 1 klarer sig bedst i forhold til det forventede. Faktisk, forventet, forskel og interval i {m.unit}; løfteevne = faktisk ÷ forventet.</caption>
              <thead>
                <tr>
                  <th scope="col">Nr.</th>
                  <th scope="col">Jobcenter</th>
                  <th scope="col" className="text-align-right">Faktisk ({m.unit})</th>
                  <th scope="col" className="text-align-right">Forventet ({m.unit})</th>
                  <th scope="col" className="text-align-right">Forskel ({m.unit})</th>
                  <th scope="col" className="text-align-right">Interval ({m.unit})</th>
                  <th scope="col" className="text-align-right">Løfteevne</th>
                  <th scope="col" className="text-align-right">Klynge</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.jobcenter}>
                    <td>{r.rank ?? 'ikke rangeret'}</td>
                    <th scope="row"><Link to={`/benchmark/${r.jobcenter}?maal=${measure}`}>{r.name}</Link></th>
                    <td className="text-align-right">{withUnit(r.actual, decimals, m.unit)}</td>
                    <td className="text-align-right">{withUnit(r.expected, decimals, m.unit, 'ikke beregnet')}</td>
                    <td className="text-align-right">{r.difference === null ? (r.actual === null ? 'intet faktisk tal' : 'ikke beregnet') : `${r.difference > 0 ? '+' : ''}${withUnit(r.difference, decimals, m.unit)}`}</td>
                    <td className="text-align-right">{intervalText(r, decimals)}</td>
                    <td className="text-align-right">{fmt(r.ratio, 2, 'ikke vurderet')}</td>
                    <td className="text-align-right">{r.cluster ?? 'ingen klynge'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.some((r) => r.ratio === null) && (
            <p className="form-hint">
              Ikke offentliggjort: tallet er diskretioneret (færre end 5 personer) eller endnu ikke opgjort. Ikke vurderet og ikke rangeret: intet faktisk tal, eller færre end{' '}
              {overview?.settings.minPersons ?? 30} personer bag tallet, så løfteevnen er for usikker.
            </p>
          )}
        </>
      )}
      {overview && fit && <ModelFacts overview={overview} measure={measure} />}
    </Layout>
  );
}

/** The model's fit, coefficients with standard errors, who was left out and why, and the clusters' criterion. */
function ModelFacts({ overview, measure }: { overview: Overview; measure: string }) {
  const fit = overview.fits[measure]!.newest!;
  return (
    <>
      <h2>Modellen bag det forventede niveau</h2>
      <p>
        Vægtet regression af logaritmen til målet på rammevilkårene ({periodName(fit.period)}, rammevilkår fra {fit.conditionsYear}): R² = {fmt(fit.r2, 2)}, {fit.n} jobcentre i skønnet, {fit.df} frihedsgrader.
        Koefficienterne gælder én standardafvigelse af rammevilkåret.
      </p>
      <div className="table--responsive-scroll">
      <table className="table table--compact">
        <caption>Koefficienter med standardfejl</caption>
        <thead>
          <tr><th scope="col">Rammevilkår</th><th scope="col" className="text-align-right">Koefficient</th><th scope="col" className="text-align-right">Standardfejl</th></tr>
        </thead>
        <tbody>
          {fit.coefficients.map((c) => (
            <tr key={c.variable}><th scope="row">{c.label}</th><td className="text-align-right">{fmt(c.estimate, 3)}</td><td className="text-align-right">{fmt(c.standardError, 3)}</td></tr>
          ))}
        </tbody>
      </table>
      </div>
      {fit.dropped.length > 0 && <p>Udeladt, fordi de er lineært afhængige af de andre: {fit.dropped.join(', ')}.</p>}
      {fit.excluded.length > 0 && (
        <details className="accordion-bordered">
          <summary>{fit.excluded.length} jobcentre er holdt uden for skønnet</summary>
          <ul>{fit.excluded.map((e) => <li key={e.jobcenter}>{e.name}: {e.reason}</li>)}</ul>
        </details>
      )}
      <h2>Klynger af sammenlignelige jobcentre</h2>
      <p>
        Rammevilkårene (fra {overview.clustering.conditions_year}) vægtes efter deres betydning i modellen for offentligt forsørgede, grupperes med Wards metode og forfines med k-means.
        Antallet af klynger ({overview.clustering.k}) er det med det højeste Calinski–Harabasz-indeks blandt inddelinger med mindst 5 jobcentre i hver klynge.
      </p>
      <div className="table--responsive-scroll">
      <table className="table table--compact">
        <caption>Vægte i klyngeinddelingen</caption>
        <thead><tr><th scope="col">Rammevilkår</th><th scope="col" className="text-align-right">Vægt</th></tr></thead>
        <tbody>{overview.clustering.weights.map((w) => <tr key={w.variable}><th scope="row">{w.label}</th><td className="text-align-right">{fmt(w.weight, 2)}</td></tr>)}</tbody>
      </table>
      </div>
      {overview.unavailable.length > 0 && (
        <Alert kind="info" heading="Mål der ikke kan beregnes ud fra udgivelsen">
          {overview.unavailable.map((u) => `${u.label}: ${u.reason}`).join(' ')}
        </Alert>
      )}
    </>
  );
}
