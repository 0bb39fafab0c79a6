/**
 * One jobcenter's benchmarking: expected vs. actual over time with the prediction interval,
 * its rank, its peer cluster and nearest neighbours, the savings potential, its place in
 * the scatter of all jobcenters, and (for those who may see them) its result problems.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { jobcenterResponse, rankingResponse } from '../../../src/benchmark/shared';
import { categoryNames, directionNames, intervalText, statusNames, type JobcenterBenchmark, type Ranking } from '../benchmark';
import { LineChart, ScatterChart } from '../chart';
import { Alert } from '../forms';
import { fmt, shortPeriod, withUnit } from '../format';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { mioKr, savingsMethod, savingsSentence, savingsTotal } from '../../../src/benchmark/shared';
import { periodName } from '../../../src/statbank/shared';

export function BenchmarkJobcenter({ id }: { id: string }) {
  const params = useLocation().searchParams;
  const measure = params.get('maal') ?? 'share_public_support';
  const [b, setB] = useState<JobcenterBenchmark | null>(null);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setB(null);
    api(`/api/benchmark/jobcenters/${encodeURIComponent(id)}`, jobcenterResponse).then(setB, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(() => {
    api(`/api/benchmark/ranking?measure=${encodeURIComponent(measure)}`, rankingResponse).then(setRanking, (e: Error) => setError(e.message));
  }, [measure]);
  const m = b?.measures.find((x) => x.id === measure);
  const latest = m ? [...m.series].reverse().find((p) => p.actual !== null) : undefined;
  const decimals = m?.decimals ?? 1;

  return (
    <Layout title={b ? `Benchmarking: ${b.jobcenter.name}` : 'Benchmarking'}>
      <p>
        <Link to="/benchmark">Alle jobcentre</Link>
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {!b && !error && <p>Henter benchmarking …</p>}
      {b && (
        <>
          <h1>Benchmarking: {b.jobcenter.name}</h1>
          <p className="font-lead">
            Udgivelse {b.release}. Klynge {b.cluster.number} med {b.cluster.members.length - 1} sammenlignelige jobcentre{b.jobcenter.region ? `; ${b.jobcenter.region.name}` : ''}.{' '}
            <Link to={`/omraade/${b.jobcenter.id}`}>Jobcenterprofil</Link>
          </p>
          <div className="form-group">
            <label className="form-label" htmlFor="maal">Mål</label>
            <select id="maal" className="form-select" value={measure} onChange={(e) => navigate(`/benchmark/${b.jobcenter.id}?maal=${e.target.value}`, { replace: true })}>
              {b.measures.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
            </select>
          </div>
          {m && latest && (
            <p>
              Seneste løbende år, {periodName(latest.period)}: faktisk {withUnit(latest.actual, decimals, m.unit)}, forventet {withUnit(latest.expected, decimals, m.unit, 'ikke beregnet')} (interval {intervalText(latest, decimals)}{latest.lower !== null ? ` ${m.unit}` : ''}),
              løfteevne (faktisk ÷ forventet) {fmt(latest.ratio, 2, 'ikke vurderet')}{latest.rank !== null ? `, nr. ${latest.rank} af 94` : ', ikke rangeret (for få personer bag tallet)'}.
            </p>
          )}
          {m && (
            <>
              <LineChart
                title={`${m.label}: faktisk og forventet, løbende år`}
                periods={m.series.map((p) => shortPeriod(p.period))}
                series={[{ name: 'Faktisk', values: m.series.map((p) => p.actual) }, { name: 'Forventet', values: m.series.map((p) => p.expected) }]}
                band={{ name: 'Forventet interval', lower: m.series.map((p) => p.lower), upper: m.series.map((p) => p.upper) }}
              />
              <details className="accordion-bordered">
                <summary>Tabel: faktisk og forventet over tid</summary>
                <div className="table--responsive-scroll">
                <table className="table table--compact">
                  <caption>{m.label} (faktisk, forventet og interval i {m.unit}; løfteevne = faktisk ÷ forventet)</caption>
                  <thead><tr><th scope="col">Løbende år</th><th scope="col" className="text-align-right">Faktisk ({m.unit})</th><th scope="col" className="text-align-right">Forventet ({m.unit})</th><th scope="col" className="text-align-right">Interval ({m.unit})</th><th scope="col" className="text-align-right">Løfteevne</th><th scope="col" className="text-align-right">Nr.</th></tr></thead>
                  <tbody>
                    {m.series.filter((p) => p.actual !== null || p.expected !== null).map((p) => (
                      <tr key={p.period}>
                        <th scope="row">{periodName(p.period)}</th>
                        <td className="text-align-right">{withUnit(p.actual, decimals, m.unit)}</td>
                        <td className="text-align-right">{withUnit(p.expected, decimals, m.unit, 'ikke beregnet')}</td>
                        <td className="text-align-right">{intervalText(p, decimals)}</td>
                        <td className="text-align-right">{fmt(p.ratio, 2, 'ikke vurderet')}</td>
                        <td className="text-align-right">{p.rank ?? 'ikke rangeret'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </div>
              </details>
            </>
          )}
          {ranking && m && (
            <ScatterChart
              title={`${m.label}: alle jobcentre, ${periodName(ranking.period)}`}
              points={ranking.rows.filter((r) => r.actual !== null && r.expected !== null).map((r) => ({ id: r.jobcenter, name: r.name, x: r.expected!, y: r.actual! }))}
              highlight={b.jobcenter.id}
              xLabel={`Forventet (${m.unit})`}
              yLabel={`Faktisk (${m.unit})`}
            />
          )}
          {b.flags && <Problems flags={b.flags} />}
          <h2>Besparelsespotentiale</h2>
          <p>{savingsSentence(b.jobcenter.name, periodName(b.savings[0]?.period ?? ''), savingsTotal(b.savings))}</p>
          <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption>Fuldtidspersoner og kroner om året, hvis jobcentret nåede sit forventede niveau eller niveauet for den bedste fjerdedel i klyngen (løbende år {periodName(b.savings[0]?.period ?? '')})</caption>
            <thead><tr><th scope="col">Ydelse</th><th scope="col" className="text-align-right">Fuldtidspersoner, forventet niveau</th><th scope="col" className="text-align-right">Kr., forventet niveau</th><th scope="col" className="text-align-right">Fuldtidspersoner, bedste fjerdedel</th><th scope="col" className="text-align-right">Kr., bedste fjerdedel</th></tr></thead>
            <tbody>
              {[...b.savings].sort((x, y) => Number(y.category === 'public_support') - Number(x.category === 'public_support')).map((s) => (
                <tr key={s.category}>
                  <th scope="row">{categoryNames[s.category] ?? s.category}</th>
                  <td className="text-align-right">{fmt(s.fulltime_vs_expected, 0)}</td>
                  <td className="text-align-right">{mioKr(s.dkk_vs_expected)}</td>
                  <td className="text-align-right">{fmt(s.fulltime_vs_best_quartile, 0)}</td>
                  <td className="text-align-right">{mioKr(s.dkk_vs_best_quartile)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <p className="form-hint">{savingsMethod(b.unit_costs?.public_support)}</p>
          <div className="row">
            <div className="col-12 col-md-6">
              <h2>Klynge {b.cluster.number}</h2>
              <ul>{b.cluster.members.map((p) => <li key={p.id}>{p.id === b.jobcenter.id ? <strong>{p.name}</strong> : <Link to={`/benchmark/${p.id}?maal=${measure}`}>{p.name}</Link>}</li>)}</ul>
            </div>
            <div className="col-12 col-md-6">
              <h2>Nærmeste naboer</h2>
              <p>De 5 jobcentre med de mest ens rammevilkår, også på tværs af klynger.</p>
              <ol>{b.neighbours.map((n) => <li key={n.id}><Link to={`/benchmark/${n.id}?maal=${measure}`}>{n.name}</Link> (afstand {fmt(n.distance, 2)})</li>)}</ol>
            </div>
          </div>
        </>
      )}
    </Layout>
  );
}

function Problems({ flags }: { flags: NonNullable<JobcenterBenchmark['flags']> }) {
  return (
    <>
      <h2>Resultatproblemer</h2>
      {flags.length === 0 ? (
        <p>Ingen resultatproblemer i denne udgivelse.</p>
      ) : (
        <ul>
          {flags.map((f) => (
            <li key={f.id}>
              <strong>{statusNames[f.status]}:</strong> {f.kind === 'legal_requirement' ? `${f.label}: under lovens krav` : `${f.label}: ${directionNames[f.direction].toLowerCase()}`} ({periodName(f.first_period)} til {periodName(f.last_period)})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
