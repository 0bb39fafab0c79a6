/**
 * The table explorer: the view's state is the /v3/data query itself, kept in the page's URL,
 * so a copied link reproduces the view and the matching API call is shown as it is.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { LineChart } from '../chart';
import { Alert } from '../forms';
import { date } from '../format';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { releasesResponse } from '../../../src/server/shared';
import { AREA_DIMENSION, areaParameter, dataResponse, tableResponse } from '../../../src/statbank/shared';
import { defaultAreas, defaultQuery, freqNames, statusText, type DataResult, type Dimension, type Status, type TableInfo } from '../statbank';

const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

export function Explorer({ tableId }: { tableId: string }) {
  const { search } = useLocation();
  const query = useMemo(() => new URLSearchParams(search), [search]);
  const release = query.get('release');
  const [info, setInfo] = useState<TableInfo | null>(null);
  const [releases, setReleases] = useState<{ version: number }[]>([]);
  const [data, setData] = useState<DataResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    setError(null);
    api(`/v3/table/${encodeURIComponent(tableId)}${release ? `?release=${encodeURIComponent(release)}` : ''}`, tableResponse).then(setInfo, (e: Error) => setError(e.message));
    api('/api/releases', releasesResponse).then(setReleases, () => setReleases([]));
  }, [tableId, release]);

  // Without periods in the URL, start from the default view (replacing the URL, so Back works).
  const hasQuery = [...query.keys()].some((k) => k.startsWith('period.'));
  useEffect(() => {
    if (info && !hasQuery) {
      const q = defaultQuery(info);
      if (release) q.set('release', release);
      navigate(`/statistik/${tableId}?${q}`, { replace: true });
    }
  }, [info, hasQuery, tableId, release]);

  const apiQuery = new URLSearchParams(query);
  const apiPath = `/v3/data/${tableId}?${apiQuery}`;
  useEffect(() => {
    if (!hasQuery) return;
    setData(null);
    api(`/v3/data/${tableId}?${query}`, dataResponse).then(setData, (e: Error) => setError(e.message));
  }, [tableId, query, hasQuery]);

  const update = (f: (q: URLSearchParams) => void) => {
    const q = new URLSearchParams(query);
    f(q);
    navigate(`/statistik/${tableId}?${q}`);
  };

  if (!info) {
    return (
      <Layout title="Statistikbanken">
        <h1>Statistikbanken</h1>
        {error ? <p role="alert">{error} <Link to="/statistik">Til tabellerne</Link>.</p> : <p>Henter tabellen …</p>}
      </Layout>
    );
  }

  const freq = [...query.keys()].find((k) => k.startsWith('period.'))?.slice(7) ?? Object.keys(info.periods_by_freq)[0]!;
  const latest = /^latest:(\d+)$/.exec(query.get(`period.${freq}`) ?? '')?.[1] ?? '12';
  const selectedM = (query.get('mgroup.*') ?? '*') === '*' ? info.mgroups.map((m) => m.mgroup_id) : query.get('mgroup.*')!.split(',');
  const areaDim = info.dimensions.find((d) => d.dimension_id === AREA_DIMENSION)!;
  const otherDims = info.dimensions.filter((d) => d.dimension_id !== AREA_DIMENSION);
  const selectedAreas = new Set(areaDim.hierarchies.flatMap((h) => (query.get(h.parameter) ?? '').split(',').filter(Boolean).map((v) => `${h.parameter}|${v === '/' ? 'DK' : v}`)));

  return (
    <Layout title={info.table_name}>
      <p className="mb-2"><Link to="/statistik">Statistikbanken</Link> › {info.subject.subject_name}</p>
      <h1>{info.table_name}</h1>
      {info.description && <p>{info.description}</p>}
      <p>
        Udgivelse {info.release}, opdateret {date(info.update_latest)}.
      </p>
      {error && <Alert kind="error">{error}</Alert>}

      <form className="explorer-form" onSubmit={(e) => e.preventDefault()} aria-label="Vælg tal">
        <fieldset className="form-group">
          <legend className="form-label">Mål</legend>
          {info.mgroups.map((m) => (
            <div key={m.mgroup_id} className="form-group-checkbox">
              <input
                type="checkbox"
                className="form-checkbox"
                id={`m-${m.mgroup_id}`}
                checked={selectedM.includes(m.mgroup_id)}
                onChange={(e) =>
                  update((q) => {
                    const next = e.target.checked ? [...selectedM, m.mgroup_id] : selectedM.filter((x) => x !== m.mgroup_id);
                    if (next.length === 0 || next.length === info.mgroups.length) q.delete('mgroup.*');
                    else q.set('mgroup.*', next.join(','));
                  })
                }
              />
              <label htmlFor={`m-${m.mgroup_id}`}>{m.mgroup_name}</label>
            </div>
          ))}
        </fieldset>

        <AreaPicker
          dim={areaDim}
          selected={selectedAreas}
          onChange={(keys) =>
            update((q) => {
              for (const h of areaDim.hierarchies) q.delete(h.parameter);
              const by = new Map<string, string[]>();
              for (const k of keys) {
                const [param, id] = k.split('|') as [string, string];
                by.set(param, [...(by.get(param) ?? []), id]);
              }
              for (const [param, ids] of by) q.set(param, ids.join(','));
              if (by.size === 0) {
                const d = defaultAreas(info);
                if (d) q.set(d.parameter, d.value);
              }
            })
          }
        />

        {otherDims.map((d) => (
          <div key={d.dimension_id} className="form-group">
            <label className="form-label" htmlFor={`d-${d.dimension_id}`}>{d.dimension_name}</label>
            <select
              id={`d-${d.dimension_id}`}
              className="form-select"
              value={query.get(d.parameter ?? '') ?? d.default}
              onChange={(e) => update((q) => (e.target.value === d.default ? q.delete(d.parameter!) : q.set(d.parameter!, e.target.value)))}
            >
              {d.total !== undefined && <option value="/">I alt</option>}
              <option value="*">Alle værdier</option>
              {d.hierarchies[0]!.levels.filter((l) => l.level_id !== 'total').map((l) => (
                <optgroup key={l.level_id} label={l.level_name}>
                  {l.values.map((v) => <option key={v.value_id} value={v.value_id}>{v.value_name}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
        ))}

        <div className="form-group">
          <label className="form-label" htmlFor="freq">Perioder</label>
          <select
            id="freq"
            className="form-select"
            value={freq}
            onChange={(e) => update((q) => { for (const f of Object.keys(info.periods_by_freq)) q.delete(`period.${f}`); q.set(`period.${e.target.value}`, `latest:${latest}`); })}
          >
            {Object.keys(info.periods_by_freq).map((f) => <option key={f} value={f}>{freqNames[f] ?? f}</option>)}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="latest">Antal seneste perioder</label>
          <input
            id="latest"
            className="form-input input-width-xs"
            type="number"
            min={1}
            max={info.periods_by_freq[freq]?.length ?? 1}
            value={latest}
            onChange={(e) => { const n = Math.max(1, Number(e.target.value) || 1); update((q) => q.set(`period.${freq}`, `latest:${n}`)); }}
          />
        </div>
        {releases.length > 1 && (
          <div className="form-group">
            <label className="form-label" htmlFor="release">Udgivelse</label>
            <select id="release" className="form-select" value={release ?? ''} onChange={(e) => update((q) => (e.target.value ? q.set('release', e.target.value) : q.delete('release')))}>
              <option value="">Nyeste</option>
              {releases.map((r) => <option key={r.version} value={r.version}>Version {r.version}</option>)}
            </select>
          </div>
        )}
      </form>

      <section aria-labelledby="result-heading" aria-live="polite" aria-busy={!data}>
        <h2 id="result-heading">Resultat</h2>
        {!data && !error && <p>Henter tal …</p>}
        {data && <Result data={data} />}
        {data && (
          <div className="mt-5">
            <h3>Hent og del</h3>
            <ul className="nobullet-list">
              <li><a className="function-link" href={`${apiPath}&format=csv`} download>Hent CSV (til Excel)</a></li>
              <li><a className="function-link" href={`${apiPath}&format=xlsx`} download>Hent Excel (XLSX)</a></li>
              <li><a className="function-link" href={`${apiPath}&format=json`}>Hent JSON</a></li>
              <li>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true), () => setCopied(false))}
                >
                  Kopiér link til visningen
                </button>
                {copied && <span role="status"> Linket er kopieret.</span>}
              </li>
            </ul>
            <p>
              Samme tal fra API'et: <code className="api-call">{apiPath}</code>
            </p>
          </div>
        )}
      </section>
    </Layout>
  );
}

/** Every area of the table once, as `parameter|id` with its name and level, in the hierarchies' order. */
function areaList(d: Dimension) {
  const seen = new Set<string>();
  return d.hierarchies.flatMap((h) => {
    const parameter = areaParameter(h.parameter);
    return h.levels.flatMap((l) =>
      l.values.filter((v) => !seen.has(v.value_id) && seen.add(v.value_id)).map((v) => ({ key: `${parameter}|${v.value_id}`, name: v.value_name, level: l.level_name })),
    );
  });
}

/**
 * The areas: the chosen ones as a list with "Fjern", a search that narrows the list below it,
 * and the list itself (a multiple select, so Ctrl and Shift still choose several).
 */
function AreaPicker({ dim, selected, onChange }: { dim: Dimension; selected: Set<string>; onChange: (keys: string[]) => void }) {
  const [term, setTerm] = useState('');
  const all = useMemo(() => areaList(dim), [dim]);
  const t = term.trim().toLocaleLowerCase('da');
  const shown = t ? all.filter((a) => a.name.toLocaleLowerCase('da').includes(t)) : all;
  const chosen = all.filter((a) => selected.has(a.key));
  const levels = [...new Set(shown.map((a) => a.level))];
  return (
    <div className="form-group">
      <fieldset>
        <legend className="form-label">Valgte områder</legend>
        {chosen.length === 0 ? <p className="form-hint">Ingen valgt: tabellens standardområde vises.</p> : (
          <ul className="nobullet-list area-chips">
            {chosen.map((a) => (
              <li key={a.key}>
                {a.name}
                <button type="button" className="function-link" aria-label={`Fjern ${a.name}`} onClick={() => onChange([...selected].filter((k) => k !== a.key))}>Fjern</button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <label className="form-label" htmlFor="area-search">Søg område</label>
      <span className="form-hint" id="area-search-hint">Skriv en del af navnet, fx Odense eller Hovedstaden.</span>
      <input id="area-search" type="search" className="form-input" aria-describedby="area-search-hint" aria-controls="areas" value={term} onChange={(e) => setTerm(e.target.value)} />
      <label className="form-label" htmlFor="areas">Områder</label>
      <span className="form-hint" id="areas-hint">{shown.length} af {all.length} områder. Vælg flere med Ctrl eller Skift.</span>
      <select
        id="areas"
        className="form-select"
        multiple
        size={8}
        aria-describedby="areas-hint"
        value={[...selected]}
        onChange={(e) => {
          // Areas hidden by the search stay chosen.
          const visible = new Set(shown.map((a) => a.key));
          onChange([...[...selected].filter((k) => !visible.has(k)), ...[...e.target.selectedOptions].map((o) => o.value)]);
        }}
      >
        {levels.map((l) => (
          <optgroup key={l} label={l}>
            {shown.filter((a) => a.level === l).map((a) => <option key={a.key} value={a.key}>{a.name}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function Result({ data }: { data: DataResult }) {
  if (data.rows.length === 0) return <p>Ingen rækker passer til valget.</p>;
  const numeric = data.columns.map((_c, i) => data.rows.some((r) => typeof r[i] === 'number') || data.rows.every((r) => r[i] === null));
  const used = [...new Set(data.status.filter((s) => s !== 'published'))] as Status[];
  const notMade = data.rows.some((r, ri) => data.status[ri] === 'published' && r.some((v, i) => numeric[i] && v === null));
  // A published cell without a value is a measure not made for it (e.g. a percentage of the population for an a-kasse): shown as not computed.
  const mark: Record<Status, string> = { published: '–', primary: '⋯', secondary: '⋯', unavailable: '–' };
  return (
    <>
      <Chart data={data} numeric={numeric} />
      {/* Focusable, so a wide table can be scrolled with the keyboard. */}
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label="Tallene i tabelform">
        <table className="table table--compact">
          <caption className="sr-only">Tallene i tabelform</caption>
          <thead>
            <tr>{data.columns.map((c, i) => <th key={c} scope="col" className={numeric[i] ? 'text-align-right' : undefined}>{c}</th>)}</tr>
          </thead>
          <tbody>
            {data.rows.map((r, ri) => (
              <tr key={ri}>
                {r.map((v, i) =>
                  numeric[i] ? (
                    <td key={i} className="text-align-right">
                      {v === null ? (
                        <>
                          <span aria-hidden="true">{mark[data.status[ri] ?? 'unavailable']}</span>
                          <span className="sr-only">{data.status[ri] === 'primary' || data.status[ri] === 'secondary' ? 'diskretioneret' : 'ikke opgjort'}</span>
                        </>
                      ) : typeof v === 'number' ? nf.format(v) : v}
                    </td>
                  ) : (
                    <td key={i}>{v}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(used.length > 0 || notMade) && (
        <dl className="mt-4">
          {used.map((s) => (
            <div key={s}>
              <dt className="weight-semibold">{mark[s]} {s === 'unavailable' ? 'Ikke opgjort' : s === 'primary' ? 'Diskretioneret' : 'Diskretioneret (sekundært)'}</dt>
              <dd>{statusText[s]}</dd>
            </div>
          ))}
          {notMade && (
            <div>
              <dt className="weight-semibold">– Ikke opgjort for rækken</dt>
              <dd>Målet gøres ikke op for denne opdeling, fx andele af befolkningen for en a-kasse, som ingen befolkning har.</dd>
            </div>
          )}
        </dl>
      )}
    </>
  );
}

/** A line per series (every non-period, non-measure column combination) of the first measure over the periods. */
function Chart({ data, numeric }: { data: DataResult; numeric: boolean[] }) {
  const measure = numeric.findIndex(Boolean);
  if (measure < 0) return null;
  const periods = [...new Set(data.rows.map((r) => String(r[0])))];
  if (periods.length < 2) return null;
  const keyCols = data.columns.map((_c, i) => i).filter((i) => i > 0 && !numeric[i]);
  const series = new Map<string, (number | null)[]>();
  for (const r of data.rows) {
    const k = keyCols.map((i) => r[i]).join(', ');
    const arr = series.get(k) ?? periods.map(() => null);
    arr[periods.indexOf(String(r[0]))] = typeof r[measure] === 'number' ? (r[measure] as number) : null;
    series.set(k, arr);
  }
  if (series.size > 8) return <p>Grafen vises for højst 8 serier; indsnævr valget for at se den.</p>;
  return <LineChart title={data.columns[measure]!} periods={periods} series={[...series].map(([name, values]) => ({ name, values }))} />;
}
