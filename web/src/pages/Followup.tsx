/**
 * Opfølgning: the region's quarterly follow-up on its jobcenters. A regional monitor (or a
 * national administrator, for any region) picks a quarter of the newest release and drafts
 * every jobcenter's follow-up report from the statistics bank; the list shows each
 * jobcenter's report for the quarter and its state, and the region writes its assessment and
 * publishes each report from its document page.
 */
import { useCallback, useEffect, useState } from 'react';
import { analysisResponse, casesResponse, caseResponse, generateResponse, quartersResponse, recommendationResponse, reportsResponse } from '../../../src/followup/shared';
import { periodName } from '../../../src/statbank/shared';
import { api } from '../api';
import { Alert, ErrorSummary, Field, Progress, Select, TextArea, fieldError, useAction } from '../forms';
import { date as day, dateTime } from '../format';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { CasesBoard, type CasesBody } from './FollowupBoard';
import { z } from 'zod';
import { useSession } from '../session';

export function Followup() {
  const session = useSession();
  const manage = !!session.permissions['followup.manage'];
  return (
    <Layout title="Opfølgning på jobcentrene">
      <h1>Opfølgning på jobcentrene</h1>
      <Cases manage={manage} recommend={!!session.permissions['followup.recommend']} />
      {manage && <Reports />}
    </Layout>
  );
}

function Reports() {
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
  /** The analysis report is the year's, on the year before: the year after the newest whole year in the release. */
  const year = quarters ? Number(quarters.latest.slice(0, 4)) + (quarters.latest.endsWith('Q4') ? 1 : 0) : new Date().getFullYear();
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
    <section>
      <h2>Kvartalets opfølgningsrapporter</h2>
      <p>
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
      {quarters && (
        <p>
          <button type="button" className="button button-secondary" disabled={action.busy !== null} onClick={() => void action.run(`Danner analyserapporten ${year} for ${regionName} …`, async () => {
            const r = await api('/api/followup/analysis', analysisResponse, { method: 'POST', body: { year, region } });
            navigate(`/dokumenter/${r.documents[0]}`);
          })}>Dan RBR’s analyserapport {year}</button>
          <span className="form-hint ml-4">Analyserapporten dannes i januar ud fra året før: regionens arbejdsmarked, jobcentrenes resultater og forslag til fokusområder.</span>
        </p>
      )}
      <Progress text={action.busy} />
      <ErrorSummary error={action.error} fieldId={(f) => `followup-${f}`} />
      {action.notice && <Alert kind="success">{action.notice}</Alert>}
      {list && (
        <section>
          <h3>Rapporter for {periodName(list.quarter)}: {list.region.name}</h3>
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
    </section>
  );
}

const problemsSchema = z.object({ flags: z.array(z.object({ jobcenter: z.string(), name: z.string(), measure: z.string(), label: z.string(), direction: z.string(), status: z.string(), kind: z.string() })) });

/** The board of cases (overdue first, then by next date) and the LBRs' recommendations. */
function Cases({ manage, recommend }: { manage: boolean; recommend: boolean }) {
  const [body, setBody] = useState<CasesBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api('/api/followup/cases', casesResponse).then(setBody, (e: Error) => setError(e.message)), []);
  useEffect(() => void load(), [load]);
  const closed = body?.cases.filter((c) => c.stage === 'closed') ?? [];
  return (
    <section>
      <h2>Sager om resultatproblemer</h2>
      <p className="font-lead">
        Når et jobcenter har alvorlige resultatproblemer, går regionen i dialog med jobcentret og det lokale beskæftigelsesråd. Hjælper dialogen ikke, indstiller RBR til en skriftlig
        aftale og til sidst et pålæg om at anvende anden aktør. Sagerne er ikke offentlige; jobcentret og dets LBR ser deres egne.
      </p>
      <p><Link to="/resultatproblemer">Alle resultatproblemer med deres grundlag</Link></p>
      {error && <Alert kind="error">{error}</Alert>}
      {!body && !error && <p role="status">Henter sagerne …</p>}
      {body && (
        <>
          <CasesBoard body={body} />
          {closed.length > 0 && <p>{closed.length} lukkede sager: {closed.map((c, i) => <span key={c.id}>{i > 0 && ', '}<Link to={`/opfoelgning/sager/${c.id}`}>{c.title}</Link> ({c.closed_reason === 'resolved' ? 'løst' : 'besluttet'} {day(c.closed_on)})</span>)}.</p>}
          {manage && <OpenCase cases={body.cases} jobcenters={body.jobcenters} />}
          <Recommendations list={body.recommendations} manage={manage} recommend={recommend} onChange={() => void load()} />
        </>
      )}
    </section>
  );
}

function OpenCase({ cases, jobcenters }: { cases: CasesBody['cases']; jobcenters: CasesBody['jobcenters'] }) {
  const [flags, setFlags] = useState<z.output<typeof problemsSchema>['flags']>([]);
  const [pick, setPick] = useState('');
  const [title, setTitle] = useState('');
  const [jobcenter, setJobcenter] = useState(jobcenters[0]?.id ?? '');
  const action = useAction();
  useEffect(() => {
    api('/api/benchmark/problems', problemsSchema).then((p) => {
      const openKeys = new Set(cases.filter((c) => c.stage !== 'closed').map((c) => `${c.jobcenter}|${c.measure}`));
      const free = p.flags.filter((f) => f.direction === 'worse' && f.status !== 'resolved' && !openKeys.has(`${f.jobcenter}|${f.measure}`));
      setFlags(free);
      setPick(free[0] ? `${free[0].jobcenter}|${free[0].measure}` : 'manual');
    }, () => setFlags([]));
  }, [cases]);
  const manual = pick === 'manual';
  const submit = () => action.run('Åbner sagen …', async () => {
    const [jc, measure] = pick.split('|');
    const c = await api('/api/followup/cases', caseResponse, { method: 'POST', body: manual ? { jobcenter, title } : { jobcenter: jc, measure } });
    navigate(`/opfoelgning/sager/${c.id}`);
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>Åbn en sag</h3>
      <Select id="case-measure" label="Resultatproblem" value={pick} onChange={setPick} options={[...flags.map((f) => ({ value: `${f.jobcenter}|${f.measure}`, label: `${f.name}: ${f.label} (${f.kind === 'legal_requirement' ? 'lovkrav' : f.status === 'new' ? 'nyt' : 'vedvarende'})` })), { value: 'manual', label: 'Et andet forhold (uden resultatproblem)' }]} hint={`${flags.length} resultatproblemer uden åben sag`} error={fieldError(action.error, 'measure')} />
      {manual && (
        <>
          <Select id="case-jobcenter" label="Jobcenter" value={jobcenter} onChange={setJobcenter} options={jobcenters.map((j) => ({ value: j.id, label: j.name }))} error={fieldError(action.error, 'jobcenter')} />
          <Field id="case-title" label="Overskrift" value={title} onChange={setTitle} error={fieldError(action.error, 'title')} />
        </>
      )}
      <p><button type="submit" className="button button-secondary" disabled={action.busy !== null}>Åbn sag</button></p>
      <Progress text={action.busy} />
      <ErrorSummary error={action.error} fieldId={(f) => `case-${f}`} />
    </form>
  );
}

function Recommendations({ list, manage, recommend, onChange }: { list: CasesBody['recommendations']; manage: boolean; recommend: boolean; onChange: () => void }) {
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const action = useAction();
  return (
    <section>
      <h3>LBR’s indstillinger til RBR</h3>
      {list.length === 0 ? <p>Ingen lokale beskæftigelsesråd har indstillet særlige fokusområder.</p> : (
        <ul className="nobullet-list">
          {list.map((r) => (
            <li key={r.id} className="doc-subsection">
              <p><strong>{r.jobcenter_name.replace(/^Jobcenter /, 'LBR ')}</strong>, {dateTime(r.created_at)}: {r.text}</p>
              {r.answered ? <p>Regionens svar ({r.answered_by}, {dateTime(r.answered_at!)}): {r.answer}</p> : manage ? (
                <form onSubmit={(e) => { e.preventDefault(); void action.run('Sender svaret …', async () => { await api(`/api/followup/recommendations/${r.id}/answer`, recommendationResponse, { method: 'POST', body: { version: r.version, answer: answers[r.id] ?? '' } }); onChange(); return 'Svaret er sendt til rådet.'; }); }}>
                  <TextArea id={`answer-${r.id}`} label="Regionens svar" value={answers[r.id] ?? ''} onChange={(v) => setAnswers({ ...answers, [r.id]: v })} rows={2} />
                  <p><button type="submit" className="button button-secondary">Send svar</button></p>
                </form>
              ) : <p><strong>Afventer regionens svar.</strong></p>}
            </li>
          ))}
        </ul>
      )}
      {recommend && (
        <form onSubmit={(e) => { e.preventDefault(); void action.run('Sender indstillingen …', async () => { await api('/api/followup/recommendations', recommendationResponse, { method: 'POST', body: { text } }); setText(''); onChange(); return 'Indstillingen er sendt til regionen.'; }); }}>
          <TextArea id="recommend-text" label="Indstil særligt fokus til RBR" value={text} onChange={setText} hint="Rådet kan indstille til det regionale beskæftigelsesråd, at der sættes særligt fokus på områder. Regionen skal svare." error={fieldError(action.error, 'text')} />
          <p><button type="submit" className="button button-secondary">Send indstilling</button></p>
        </form>
      )}
      <Progress text={action.busy} />
      <ErrorSummary error={action.error} />
      {action.notice && <Alert kind="success">{action.notice}</Alert>}
    </section>
  );
}
