/**
 * Opfølgning: the region's quarterly follow-up on its jobcenters. A regional monitor (or a
 * national administrator, for any region) picks a quarter of the newest release and drafts
 * every jobcenter's follow-up report from the statistics bank; the list shows each
 * jobcenter's report for the quarter and its state, and the region writes its assessment and
 * publishes each report from its document page.
 */
import { useCallback, useEffect, useState } from 'react';
import { generateResponse, quartersResponse, reportsResponse } from '../../../src/followup/shared';
import { periodName } from '../../../src/statbank/shared';
import { api } from '../api';
import { Alert, ErrorSummary, Progress, Select, useAction } from '../forms';
import { dateTime } from '../format';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import type { z } from 'zod';

export function Followup() {
  const url = useLocation();
  const [quarters, setQuarters] = useState<z.output<typeof quartersResponse> | null>(null);
  const [list, setList] = useState<z.output<typeof reportsResponse> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const action = useAction();
  const quarter = url.searchParams.get('kvartal') ?? quarters?.latest ?? '';
  const region = url.searchParams.get('region') ?? quarters?.regions[0]?.id ?? '';
  const setParam = (k: string, v: string) => {
    const p = new URLSearchParams(url.search);
    p.set(k, v);
    navigate(`/opfoelgning?${p}`, { replace: true });
  };

  useEffect(() => {
    api('/api/followup/quarters', quartersResponse).then(setQuarters, (e: Error) => setLoadError(e.message));
  }, []);
  const load = useCallback(() => {
    if (!quarter || !region) return;
    api(`/api/followup/reports?quarter=${quarter}&region=${region}`, reportsResponse).then(setList, (e: Error) => setLoadError(e.message));
  }, [quarter, region]);
  useEffect(load, [load]);

  const regionName = quarters?.regions.find((r) => r.id === region)?.name ?? region;
  const generate = () =>
    action.run(`Danner opfølgningsrapporter for ${periodName(quarter)} for jobcentrene i ${regionName} …`, async () => {
      const r = await api('/api/followup/reports', generateResponse, { method: 'POST', body: { quarter, region } });
      load();
      const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
      return `${n(r.created, 'ny rapport', 'nye rapporter')} og ${n(r.updated, 'kladde dannet igen', 'kladder dannet igen')} for ${periodName(r.quarter)} fra udgivelse ${r.release}${r.skipped.length ? `; ${n(r.skipped.length, 'offentliggjort rapport', 'offentliggjorte rapporter')} er ikke ændret` : ''}. Regionens vurderinger er bevaret.`;
    });

  const reportOf = new Map(list?.reports.map((r) => [r.area, r]));
  const published = list?.reports.filter((r) => r.state === 'published').length ?? 0;
  return (
    <Layout title="Opfølgning på jobcentrene">
      <h1>Opfølgning på jobcentrene</h1>
      <p className="font-lead">
        Beskæftigelsesregionen følger hvert kvartal op på beskæftigelsesindsatsen i jobcentrene. Rapporterne dannes fra statistikbanken: nøgletal for kvartalet mod samme kvartal året før,
        klyngen, regionen og hele landet, rettidigheden, målene i beskæftigelsesplanen og resultatproblemerne. Regionen skriver sin vurdering og offentliggør rapporten til kommunens
        beskæftigelsesudvalg og det lokale beskæftigelsesråd.
      </p>
      {loadError && <Alert kind="error">{loadError}</Alert>}
      {!quarters && !loadError && <p role="status">Henter kvartalerne …</p>}
      {quarters && (
        <form className="doc-filters" onSubmit={(e) => { e.preventDefault(); void generate(); }} aria-label="Dan opfølgningsrapporter">
          <Select id="followup-quarter" label="Kvartal" value={quarter} onChange={(v) => setParam('kvartal', v)} options={quarters.quarters.map((q) => ({ value: q, label: periodName(q) }))} hint={`Hele kvartaler i udgivelse ${quarters.release}`} />
          {quarters.regions.length > 1 ? (
            <Select id="followup-region" label="Beskæftigelsesregion" value={region} onChange={(v) => setParam('region', v)} options={quarters.regions.map((r) => ({ value: r.id, label: r.name }))} />
          ) : (
            <p><strong>Region:</strong> {regionName}</p>
          )}
          <p><button type="submit" className="button button-primary" disabled={action.busy !== null}>Dan rapporter for {periodName(quarter)}</button></p>
        </form>
      )}
      <Progress text={action.busy} />
      <ErrorSummary error={action.error} fieldId={(f) => `followup-${f}`} />
      {action.notice && <Alert kind="success">{action.notice}</Alert>}
      {list && (
        <section>
          <h2>Rapporter for {periodName(list.quarter)}: {list.region.name}</h2>
          <p>{list.reports.length} af {list.jobcenters.length} jobcentre har en rapport; {published} er offentliggjort.</p>
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption className="sr-only">Opfølgningsrapporter for {periodName(list.quarter)}</caption>
              <thead><tr><th scope="col">Jobcenter</th><th scope="col">Rapport</th><th scope="col">Tilstand</th><th scope="col">Senest ændret</th></tr></thead>
              <tbody>
                {list.jobcenters.map((j) => {
                  const r = reportOf.get(j.id);
                  return (
                    <tr key={j.id}>
                      <td>{j.name}</td>
                      <td>{r ? <Link to={`/dokumenter/${r.id}`}>Opfølgning {periodName(list.quarter)}<span className="sr-only">, {j.name}</span></Link> : 'Ikke dannet endnu'}</td>
                      <td>{r ? r.state_name : '–'}</td>
                      <td>{r ? `${dateTime(r.updated_at)} (${r.updated_by})` : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Layout>
  );
}
