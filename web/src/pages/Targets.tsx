/**
 * Mål (/maal?omraade=B1): the targets of every plan in an area (a region's jobcentres and its
 * own implementation plan, or one jobcenter) with their status at a glance, counted by status.
 */
import { useEffect, useMemo, useState } from 'react';
import { areaTargetsResponse } from '../../../src/documents/shared';
import { api } from '../api';
import { kindNames, stateClass, stateNames, statusLabels, statusOrder, type AreaTargets, type TargetRow, type TargetStatus } from '../documents';
import { StatusBadge } from '../editor';
import { Alert } from '../forms';
import { formatValue, periodName, targetAmount } from '../../../src/statbank/shared';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { AreaOptions, useSteeringAreas } from './Documents';

export function StatusCounts({ targets, label }: { targets: { status: TargetStatus }[]; label: string }) {
  const counts = statusOrder.map((s) => [s, targets.filter((t) => t.status === s).length] as const).filter(([, n]) => n > 0);
  if (counts.length === 0) return null;
  return (
    <ul className="nobullet-list status-counts" aria-label={label}>
      {counts.map(([s, n]) => <li key={s}><StatusBadge status={s} /> {n}</li>)}
    </ul>
  );
}

export function TargetTable({ targets, caption }: { targets: TargetRow[]; caption: string }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr><th scope="col">Afsnit</th><th scope="col">Mål</th><th scope="col">Status</th><th scope="col" className="text-align-right">Seneste</th><th scope="col" className="text-align-right">Målværdi</th><th scope="col">Frist</th></tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.path}>
              <td>{t.section}</td>
              <td>{t.title}</td>
              <td><StatusBadge status={t.status} /><div className="form-hint">{t.reason}</div></td>
              <td className="text-align-right">{t.latest ? <>{formatValue(t.latest.value, t.measure ?? '')}<div className="form-hint">{periodName(t.latest.period)}</div></> : t.measure ? 'Intet tal endnu' : 'Ikke målbart'}</td>
              <td className="text-align-right">{t.target ? `${t.target.direction === 'at_least' ? 'mindst' : 'højst'} ${formatValue(targetAmount(t.target.value, t.measure ?? '', t.target.direction), t.measure ?? '')}` : 'Ikke målbart'}</td>
              <td>{t.deadline ? periodName(t.deadline) : 'Ingen frist'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Targets() {
  const session = useSession();
  const { search } = useLocation();
  const q = useMemo(() => new URLSearchParams(search), [search]);
  const own = session.user?.organisation.area;
  const area = (q.get('omraade') ?? (own && /^[BJ]/.test(own) ? own : 'B1')).toUpperCase();
  const areas = useSteeringAreas();
  const [data, setData] = useState<AreaTargets[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!session.loaded) return;
    setData(null);
    setError(null);
    api(`/api/targets?area=${encodeURIComponent(area)}`, areaTargetsResponse).then(setData, (e: Error) => setError(e.message));
  }, [area, session.loaded, session.user?.id]);
  const name = areas.find((a) => a.id === area)?.name ?? area;
  const all = data?.flatMap((d) => d.targets) ?? [];

  return (
    <Layout title={`Mål: ${name}`}>
      <h1>Mål og status: {name}</h1>
      <p className="font-lead">Målene i beskæftigelsesplanerne{area.startsWith('B') ? ' og regionens egne mål' : ''}, med status ud fra den nyeste udgivelse af statistikken.</p>
      <div className="form-group">
        <label className="form-label" htmlFor="targets-area">Område</label>
        <select id="targets-area" className="form-select" value={area} onChange={(e) => navigate(`/maal?omraade=${encodeURIComponent(e.target.value)}`)}>
          {areas.length === 0 && <option value={area}>{area}</option>}
          <AreaOptions areas={areas} />
        </select>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {!data && !error && <p role="status">Henter målene …</p>}
      {data && data.length === 0 && <p>Der er ingen planer med mål i området{session.user ? '' : ', der er offentliggjort'}.</p>}
      {data && data.length > 0 && (
        <>
          <h2>I alt {all.length} mål i {data.length} {data.length === 1 ? 'dokument' : 'dokumenter'}</h2>
          <StatusCounts targets={all} label="Antal mål efter status i alt" />
          {data.map((d) => {
            const title = `${kindNames[d.document.kind]} ${d.document.year} – ${d.document.area_name}`;
            return (
              <section key={d.document.id} aria-labelledby={`doc-${d.document.id}`} className="doc-section">
                <h3 id={`doc-${d.document.id}`}><Link to={`/dokumenter/${d.document.id}`}>{title}</Link></h3>
                <p><span className={stateClass(d.document.state)}>{stateNames[d.document.state]}</span> · {d.targets.length} mål</p>
                <StatusCounts targets={d.targets} label={`Antal mål efter status: ${title}`} />
                {d.targets.length > 0 ? <TargetTable targets={d.targets} caption={`Målene i ${title}`} /> : <p className="doc-empty">Dokumentet har ingen mål endnu.</p>}
              </section>
            );
          })}
          <p className="form-hint">Status: {statusOrder.map((s) => statusLabels[s]).join(', ')}.</p>
        </>
      )}
    </Layout>
  );
}
