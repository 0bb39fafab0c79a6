/**
 * Resultatproblemer: the result problems of the jobcenters the user follows up on (a regional
 * monitor: the region's), new, lasting and resolved, each with its evidence.
 */
import { useEffect, useState } from 'react';
import { problemsResponse } from '../../../src/benchmark/shared';
import { api } from '../api';
import { directionNames, statusNames, type Flag, type Problems } from '../benchmark';
import { Alert } from '../forms';
import { fmt, withUnit } from '../format';
import { periodName } from '../../../src/statbank/shared';
import { Layout } from '../Layout';
import { Link } from '../router';

const order: Flag['status'][] = ['new', 'lasting', 'resolved'];
const headings: Record<Flag['status'], string> = {
  new: 'Nye resultatproblemer',
  lasting: 'Vedvarende resultatproblemer',
  resolved: 'Løste resultatproblemer (det seneste år)',
};

/** A jobcenter markedly better than expected: a possible good practice, not a problem. */
const isBetter = (f: Flag) => f.direction === 'better';

export function ResultProblems() {
  const [p, setP] = useState<Problems | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('/api/benchmark/problems', problemsResponse).then(setP, (e: Error) => setError(e.message));
  }, []);
  const better = p?.flags.filter((f) => f.status !== 'resolved' && isBetter(f)) ?? [];
  return (
    <Layout title="Resultatproblemer">
      <h1>Resultatproblemer</h1>
      {error && <Alert kind="error">{error}</Alert>}
      {!p && !error && <p>Henter resultatproblemer …</p>}
      {p && (
        <>
          <p className="font-lead">
            Udgivelse {p.release}. Et jobcenter har et resultatproblem, når dets niveau i de seneste {p.settings.years} løbende år ligger uden for {fmt(p.settings.level * 100, 1)} %-intervallet
            om det forventede og mindst {fmt(p.settings.minDeviation * 100, 0)} % fra det, og strømmene bag (afgang til selvforsørgelse, varigheder, tilkendelser) bekræfter afvigelsen, hvor de er
            offentliggjort; eller når rettidigheden er under {fmt(p.settings.timelinessThreshold, 0)} %.
            Vises kun for de jobcentre, du følger op på.
          </p>
          {order.map((status) => {
            const rows = p.flags.filter((f) => f.status === status && !(status !== 'resolved' && isBetter(f)));
            return (
              <section key={status}>
                <h2>{headings[status]} ({rows.length})</h2>
                {rows.length === 0 ? <p>Ingen.</p> : <ProblemTable rows={rows} />}
              </section>
            );
          })}
          <section>
            <h2>Bedre end forventet ({better.length})</h2>
            <p>Jobcentre, der ligger markant bedre end forventet: mulig god praksis at lære af. Klyngens tal er løfteevne (faktisk ÷ forventet).</p>
            <ProblemTable rows={better} />
          </section>
        </>
      )}
    </Layout>
  );
}

/** The decimals of a flag's measure. */
const d = (f: Flag) => f.decimals ?? 1;

function ProblemTable({ rows }: { rows: Flag[] }) {
  if (rows.length === 0) return <p>Ingen.</p>;
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Jobcenter</th>
            <th scope="col">Mål</th>
            <th scope="col">Retning</th>
            <th scope="col">Periode</th>
            <th scope="col" className="text-align-right">Faktisk</th>
            <th scope="col" className="text-align-right">Forventet (interval) / krav</th>
            <th scope="col">Status</th>
            <th scope="col">Belæg</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id}>
              <th scope="row"><Link to={`/benchmark/${f.jobcenter}`}>{f.name}</Link></th>
              <td>{f.label}</td>
              <td>{f.kind === 'legal_requirement' ? 'Lovkrav ikke opfyldt' : directionNames[f.direction]}</td>
              <td>{f.first_period === f.last_period ? periodName(f.last_period) : `${periodName(f.first_period)} til ${periodName(f.last_period)}`}</td>
              <td className="text-align-right">{withUnit(f.evidence.actual, d(f), f.unit ?? '')}</td>
              <td className="text-align-right">
                {f.kind === 'legal_requirement' ? `mindst ${withUnit(f.evidence.threshold, 0, f.unit ?? '')}` : `${withUnit(f.evidence.expected, d(f), f.unit ?? '')} (${fmt(f.evidence.lower, d(f))}–${withUnit(f.evidence.upper, d(f), f.unit ?? '')})`}
              </td>
              <td>{statusNames[f.status]} · {f.evidence.flagged_periods.length} måneder</td>
              <td>
                <details>
                  <summary>Vis<span className="sr-only"> belæg for {f.name}</span></summary>
                  {f.evidence.years_published && (
                    <p className="mb-0">
                      Faktisk ÷ forventet over {f.evidence.years_published.join(', ')}: {fmt(f.evidence.pooled_ratio, 2)} (z = {fmt(f.evidence.z, 1)}).
                    </p>
                  )}
                  <p className="mb-0">
                    {f.kind === 'legal_requirement' ? `Klynge ${f.evidence.cluster}, faktisk niveau` : `Løfteevne (faktisk ÷ forventet) i klynge ${f.evidence.cluster}`}:{' '}
                    {f.evidence.peers.map((x) => `${(x.name ?? x.jobcenter).replace(/^Jobcenter /, '')} ${f.kind === 'legal_requirement' ? withUnit(x.actual, d(f), f.unit ?? '') : fmt(x.ratio, 2, 'ikke vurderet')}`).join(', ')}.
                  </p>
                  {f.evidence.explanations?.map((x) => (
                    <p key={x.measure} className="mb-0">{x.label}: faktisk {withUnit(x.actual, x.decimals ?? 1, x.unit ?? '')}, forventet {withUnit(x.expected, x.decimals ?? 1, x.unit ?? '')} ({periodName(x.period)})</p>
                  ))}
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
