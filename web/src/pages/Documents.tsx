/**
 * Styringsdokumenter (/dokumenter): the plans, audits and regional implementation plans the
 * user may see (the public: the published ones), filtered by kind, year and area; editors
 * create their jobcenter's plan or audit, regional monitors their region's implementation plan.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { kindNames, stateClass, stateNames, type DocumentKind, type DocumentSummary } from '../documents';
import { dateTime } from '../format';
import { Alert, ErrorSummary, Field, Select, useAction } from '../forms';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';

export interface AreaRef {
  id: string;
  name: string;
  level: string;
}

/** Jobcentres and employment regions, for area choices. */
export function useSteeringAreas(): AreaRef[] {
  const [areas, setAreas] = useState<AreaRef[]>([]);
  useEffect(() => {
    api<AreaRef[]>('/api/areas').then((a) => setAreas(a.filter((x) => x.level === 'employment_region' || x.level === 'jobcenter')), () => setAreas([]));
  }, []);
  return areas;
}

export function AreaOptions({ areas }: { areas: AreaRef[] }) {
  return (
    <>
      <optgroup label="Beskæftigelsesregioner">{areas.filter((a) => a.level === 'employment_region').map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</optgroup>
      <optgroup label="Jobcentre">{areas.filter((a) => a.level === 'jobcenter').map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</optgroup>
    </>
  );
}

export function Documents() {
  const session = useSession();
  const { search } = useLocation();
  const q = useMemo(() => new URLSearchParams(search), [search]);
  const kind = q.get('type') ?? '';
  const year = q.get('aar') ?? '';
  const area = q.get('omraade') ?? '';
  const areas = useSteeringAreas();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!session.loaded) return;
    const p = new URLSearchParams();
    if (kind) p.set('kind', kind);
    if (year) p.set('year', year);
    if (area) p.set('area', area);
    setDocs(null);
    api<DocumentSummary[]>(`/api/documents?${p}`).then(setDocs, (e: Error) => setError(e.message));
  }, [kind, year, area, session.loaded, session.user?.id]);

  const setFilter = (key: string, value: string) => {
    const n = new URLSearchParams(q);
    if (value) n.set(key, value);
    else n.delete(key);
    navigate(`/dokumenter${n.size ? `?${n}` : ''}`, { replace: true });
  };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 10 }, (_, i) => String(thisYear + 2 - i));

  return (
    <Layout title="Styringsdokumenter">
      <h1>Styringsdokumenter</h1>
      <p className="font-lead">Beskæftigelsesplaner, resultatrevisioner og beskæftigelsesregionernes mål og implementeringsplaner. {session.user ? 'Du ser de dokumenter, din rolle giver adgang til.' : 'Du ser de offentliggjorte dokumenter.'}</p>
      <p><Link to="/maal">Se målene og deres status</Link> · <Link to="/ministermaal">Se ministermålene</Link></p>

      {session.user && <NewDocument />}

      <form className="doc-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filtrér dokumenterne">
        <Select id="filter-kind" label="Type" value={kind} onChange={(v) => setFilter('type', v)} options={[{ value: '', label: 'Alle typer' }, ...(Object.keys(kindNames) as DocumentKind[]).map((k) => ({ value: k, label: kindNames[k] }))]} />
        <Select id="filter-year" label="År" value={year} onChange={(v) => setFilter('aar', v)} options={[{ value: '', label: 'Alle år' }, ...years.map((y) => ({ value: y, label: y }))]} />
        <div className="form-group">
          <label className="form-label" htmlFor="filter-area">Område</label>
          <select id="filter-area" className="form-select" value={area} onChange={(e) => setFilter('omraade', e.target.value)}>
            <option value="">Alle områder</option>
            <AreaOptions areas={areas} />
          </select>
        </div>
      </form>

      {error && <Alert kind="error">{error}</Alert>}
      {!docs && !error && <p role="status">Henter dokumenterne …</p>}
      {docs && docs.length === 0 && <p>Der er ingen dokumenter, der passer til filtrene.</p>}
      {docs && docs.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption>{docs.length} {docs.length === 1 ? 'dokument' : 'dokumenter'}</caption>
            <thead>
              <tr><th scope="col">Dokument</th><th scope="col">År</th><th scope="col">Område</th><th scope="col">Tilstand</th><th scope="col">Version</th><th scope="col">Senest ændret</th></tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <td><Link to={`/dokumenter/${d.id}`}>{kindNames[d.kind]} {d.year} – {d.area_name}</Link></td>
                  <td>{d.year}</td>
                  <td>{d.area_name}</td>
                  <td><span className={stateClass(d.state)}>{stateNames[d.state]}</span></td>
                  <td>{d.revision}</td>
                  <td>{dateTime(d.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** The kinds a role creates, in its own area (a national administrator: any, anywhere). */
function NewDocument() {
  const session = useSession();
  const role = session.user!.role;
  const own = session.user!.organisation.area ?? '';
  const kinds: DocumentKind[] = role === 'jobcenter_editor' ? ['employment_plan', 'results_audit'] : role === 'regional_monitor' ? ['implementation_plan'] : role === 'national_admin' ? ['employment_plan', 'results_audit', 'implementation_plan'] : [];
  const areas = useSteeringAreas();
  const [kind, setKind] = useState<DocumentKind>(kinds[0] ?? 'employment_plan');
  const [year, setYear] = useState(String(new Date().getFullYear() + (kinds[0] === 'results_audit' ? -1 : 1)));
  const [area, setArea] = useState(own);
  const { busy, error, run } = useAction();
  if (kinds.length === 0) return null;
  const fixedArea = role !== 'national_admin';
  const heading = kinds.length === 1 && kinds[0] === 'implementation_plan' ? 'Ny implementeringsplan' : 'Ny beskæftigelsesplan eller resultatrevision';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Opretter …', async () => {
      const d = await api<DocumentSummary>('/api/documents', { method: 'POST', body: { kind, area, year: Number(year) } });
      navigate(`/dokumenter/${d.id}`);
    });
  };
  return (
    <details className="details mb-6">
      <summary className="details-summary">{heading}</summary>
      <div className="details-text">
        <ErrorSummary error={error} />
        <form onSubmit={submit} noValidate>
          {kinds.length > 1 && <Select id="new-kind" label="Dokument" value={kind} onChange={(v) => setKind(v as DocumentKind)} options={kinds.map((k) => ({ value: k, label: kindNames[k] }))} />}
          <Field id="new-year" label="År" type="text" hint={kind === 'results_audit' ? 'Det år, revisionen følger op på.' : 'Det år, planen gælder for.'} value={year} onChange={setYear} error={error?.field === 'year' ? error.message : undefined} />
          {fixedArea ? (
            <p>Område: <strong>{areas.find((a) => a.id === own)?.name ?? own}</strong></p>
          ) : (
            <div className="form-group">
              <label className="form-label" htmlFor="new-area">Område</label>
              <select id="new-area" className="form-select" value={area} onChange={(e) => setArea(e.target.value)}>
                <option value="">Vælg område</option>
                <AreaOptions areas={areas} />
              </select>
            </div>
          )}
          <button type="submit" className="button button-primary" disabled={busy !== null}>{busy !== null ? (kind === 'results_audit' ? 'Danner revisionen fra statistikken …' : 'Opretter …') : 'Opret'}</button>
          {busy !== null && <p role="status" className="sr-only">{kind === 'results_audit' ? 'Danner revisionen fra statistikken …' : 'Opretter …'}</p>}
        </form>
      </div>
    </details>
  );
}
