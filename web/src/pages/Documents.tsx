/**
 * Styringsdokumenter (/dokumenter): the plans, audits and regional implementation plans the
 * user may see (the public: the published ones), filtered by kind, year and area; editors
 * create their jobcenter's plan or audit, regional monitors their region's implementation plan.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { documentListResponse, documentSummarySchema, kindsResponse } from '../../../src/documents/shared';
import { areasResponse } from '../../../src/statbank/shared';
import { api } from '../api';
import { kindNames, stateClass, stateNames, type DocumentKind, type DocumentSummary } from '../documents';
import { dateTime } from '../format';
import { Alert, ErrorSummary, Field, Select, useAction } from '../forms';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';

export type AreaRef = z.output<typeof areasResponse>[number];

/** Jobcentres and employment regions, for area choices. */
export function useSteeringAreas(): AreaRef[] {
  const [areas, setAreas] = useState<AreaRef[]>([]);
  useEffect(() => {
    api('/api/areas', areasResponse).then((a) => setAreas(a.filter((x) => x.level === 'employment_region' || x.level === 'jobcenter')), () => setAreas([]));
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

/** A kind in use (GET /api/document-kinds): the server's descriptors, those behind a feature only when it is on. */
type KindInUse = z.output<typeof kindsResponse>[number];

function useDocumentKinds(userId: number | undefined): KindInUse[] {
  const [kinds, setKinds] = useState<KindInUse[]>([]);
  useEffect(() => {
    api('/api/document-kinds', kindsResponse).then(setKinds, () => setKinds([]));
  }, [userId]);
  return kinds;
}

export function Documents() {
  const session = useSession();
  const inUse = useDocumentKinds(session.user?.id);
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
    api(`/api/documents?${p}`, documentListResponse).then(setDocs, (e: Error) => setError(e.message));
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

      {session.user && <NewDocument kinds={inUse.filter((k) => k.may_create && !k.council)} />}

      <form className="doc-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filtrér dokumenterne">
        <Select id="filter-kind" label="Type" value={kind} onChange={(v) => setFilter('type', v)} options={[{ value: '', label: 'Alle typer' }, ...inUse.map((k) => ({ value: k.kind, label: k.name }))]} />
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
                  <td><Link to={`/dokumenter/${d.id}`}>{kindNames[d.kind]} {d.period_name} – {d.area_name}</Link></td>
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

/** How the form's heading names a kind, where not by its name. */
const shortNames: Partial<Record<DocumentKind, string>> = { implementation_plan: 'implementeringsplan' };

/** The kinds the user creates (the server says which), in the own area (a national administrator: any, anywhere); a council's own documents are made on its page. */
function NewDocument({ kinds: inUse }: { kinds: KindInUse[] }) {
  const session = useSession();
  const role = session.user!.role;
  const own = session.user!.organisation.area ?? '';
  const kinds = inUse.map((k) => k.kind);
  const generated = new Set(inUse.filter((k) => k.generated).map((k) => k.kind));
  const areas = useSteeringAreas();
  const [chosen, setKind] = useState<DocumentKind | null>(null);
  const kind = chosen ?? kinds[0] ?? 'employment_plan';
  const [year, setYear] = useState<string | null>(null);
  const yearValue = year ?? String(new Date().getFullYear() + (generated.has(kind) ? -1 : 1));
  const [area, setArea] = useState(own);
  const { busy, error, run } = useAction();
  if (kinds.length === 0) return null;
  const fixedArea = role !== 'national_admin';
  const names = inUse.map((k) => shortNames[k.kind] ?? k.name.toLowerCase());
  const heading = `Ny ${names.length > 1 ? `${names.slice(0, -1).join(', ')} eller ${names.at(-1)}` : names[0]}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Opretter …', async () => {
      const d = await api('/api/documents', documentSummarySchema, { method: 'POST', body: { kind, area, year: Number(yearValue) } });
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
          <Field id="new-year" label="År" type="text" hint={generated.has(kind) ? 'Det år, revisionen følger op på.' : 'Det år, dokumentet gælder for.'} value={yearValue} onChange={setYear} error={error?.field === 'year' ? error.message : undefined} />
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
          <button type="submit" className="button button-primary" disabled={busy !== null}>{busy !== null ? (generated.has(kind) ? 'Danner revisionen fra statistikken …' : 'Opretter …') : 'Opret'}</button>
          {busy !== null && <p role="status" className="sr-only">{generated.has(kind) ? 'Danner revisionen fra statistikken …' : 'Opretter …'}</p>}
        </form>
      </div>
    </details>
  );
}
