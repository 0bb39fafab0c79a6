/**
 * Råd og møder (/raad): the councils (BER, the RBRs, the LBRs), filtered by type and by a
 * text search on name, code and area; each links to its page.
 */
import { useEffect, useMemo, useState } from 'react';
import { councilsResponse } from '../../../src/councils/shared';
import { api } from '../api';
import { councilTypeNames, type CouncilSummary, type CouncilType } from '../councils';
import { Alert, Select } from '../forms';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';

export function Councils() {
  const { search } = useLocation();
  const q = useMemo(() => new URLSearchParams(search), [search]);
  const type = (q.get('type') ?? '').toUpperCase();
  const text = q.get('q') ?? '';
  const [councils, setCouncils] = useState<CouncilSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What is typed is kept here; the address follows (replace: no history entry per key).
  const [typed, setTyped] = useState(text);

  useEffect(() => {
    api('/api/councils', councilsResponse).then(setCouncils, (e: Error) => setError(e.message));
  }, []);

  const setFilter = (key: string, value: string) => {
    const n = new URLSearchParams(q);
    if (value) n.set(key, value);
    else n.delete(key);
    navigate(`/raad${n.size ? `?${n}` : ''}`, { replace: true });
  };
  const needle = text.trim().toLocaleLowerCase('da');
  const shown = (councils ?? []).filter((c) => (!type || c.type === type) && (!needle || `${c.name} ${c.code} ${c.area ?? ''} ${c.type_name}`.toLocaleLowerCase('da').includes(needle)));

  return (
    <Layout title="Råd og møder">
      <h1>Råd og møder</h1>
      <p className="font-lead">Beskæftigelsesrådet, de regionale og de lokale beskæftigelsesråd: deres medlemmer, sammensætning, forretningsorden, møder og høringer.</p>
      <p>Jobcentrenes skriftlige samarbejdsaftaler med a-kasser, faglige organisationer og andre kommuner: <Link to="/samarbejdsaftaler">Samarbejdsaftaler</Link>.</p>
      <p><Link to="/aarshjul">Se årshjulet med fristerne</Link></p>

      <form className="doc-filters" onSubmit={(e) => e.preventDefault()} role="search" aria-label="Find et råd">
        <Select id="filter-type" label="Type" value={type} onChange={(v) => setFilter('type', v)} options={[{ value: '', label: 'Alle typer' }, ...(Object.keys(councilTypeNames) as CouncilType[]).map((t) => ({ value: t, label: `${councilTypeNames[t]} (${t})` }))]} />
        <div className="form-group">
          <label className="form-label" htmlFor="filter-q">Søg</label>
          <span className="form-hint" id="filter-q-hint">Navn, kode eller område, fx København eller J101.</span>
          <input
            className="form-input"
            id="filter-q"
            type="search"
            aria-describedby="filter-q-hint"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setFilter('q', e.target.value);
            }}
          />
        </div>
      </form>

      {error && <Alert kind="error">{error}</Alert>}
      {!councils && !error && <p role="status">Henter rådene …</p>}
      {councils && (
        <>
          <p role="status">{shown.length === 0 ? 'Ingen råd passer til søgningen.' : `${shown.length} råd vist.`}</p>
          {shown.length > 0 && (
            <div className="table--responsive-scroll">
              <table className="table table--compact">
                <caption className="sr-only">Rådene, der passer til filtrene</caption>
                <thead>
                  <tr><th scope="col">Råd</th><th scope="col">Type</th></tr>
                </thead>
                <tbody>
                  {shown.map((c) => (
                    <tr key={c.code}>
                      <td><Link to={`/raad/${encodeURIComponent(c.code)}`}>{c.name}</Link></td>
                      <td>{c.type_name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Layout>
  );
}
