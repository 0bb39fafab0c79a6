/**
 * Årshjulet (/aarshjul?omraade=DK|B1|J101&aar=2026): the statutory steps of a calendar year
 * with their deadlines, and where each jobcenter within the area stands on each (done, done
 * late, overdue, due soon, upcoming; always as text, never by colour alone), overdue rows
 * first; the counts as cards and a stacked bar per step. A jobcenter's editors mark the steps
 * no document shows (e.g. the dialogue with the region) as done.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { allSteps, boardResponse } from '../../../src/calendar/shared';
import { api, send } from '../api';
import { day, stepClass, type Board, type StepCell, type StepStatus } from '../councils';
import { Alert, ErrorSummary, Field, Progress, Select, toError, useAction } from '../forms';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useSteeringAreas } from './Documents';

const manual = new Set<string>([...allSteps.values()].filter((s) => s.evidence === 'manual').map((s) => s.id));
const statusColors: Record<StepStatus, string> = { overdue: '#b00020', due_soon: '#b35c00', upcoming: '#0059b3', done_late: '#6f42c1', done: '#008139' };
const kindShort = { employment_plan: 'Plan', results_audit: 'Revision' } as const;

export function YearlyCalendar() {
  const session = useSession();
  const { search } = useLocation();
  const q = useMemo(() => new URLSearchParams(search), [search]);
  const thisYear = new Date().getFullYear();
  const area = (q.get('omraade') ?? 'DK').toUpperCase();
  const year = Number(q.get('aar') ?? thisYear) || thisYear;
  const areas = useSteeringAreas();
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setBoard(await api(`/api/calendar?area=${encodeURIComponent(area)}&year=${year}`, boardResponse));
      setError(null);
    } catch (e) {
      setError(toError(e).message);
    }
  }, [area, year]);
  useEffect(() => {
    if (!session.loaded) return;
    setBoard(null);
    void load();
  }, [load, session.loaded, session.user?.id]);

  const setFilter = (key: string, value: string) => {
    const n = new URLSearchParams(q);
    n.set(key, value);
    if (!n.has('omraade')) n.set('omraade', area);
    if (!n.has('aar')) n.set('aar', String(year));
    navigate(`/aarshjul?${n}`, { replace: true });
  };
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  if (!years.includes(String(year))) years.push(String(year));
  const feedCode = area === 'DK' ? 'AMS' : area;
  const user = session.user;
  const ownRow = board?.rows.find((r) => user && (user.role === 'national_admin' ? board.rows.length === 1 : user.role === 'jobcenter_editor' && user.organisation.area === r.area));

  return (
    <Layout title="Årshjul">
      <h1>Årshjul {year}{board ? ` – ${board.area_name}` : ''}</h1>
      <p className="font-lead">De lovbestemte trin i årets styringscyklus og fristerne for dem: beskæftigelsesplanen for næste år og resultatrevisionen for sidste år, og hvor hvert jobcenter står.</p>

      <form className="doc-filters" onSubmit={(e) => e.preventDefault()} aria-label="Vælg område og år">
        <div className="form-group">
          <label className="form-label" htmlFor="filter-area">Område</label>
          <select id="filter-area" className="form-select" value={area} onChange={(e) => setFilter('omraade', e.target.value)}>
            <option value="DK">Hele landet</option>
            <optgroup label="Beskæftigelsesregioner">{areas.filter((a) => a.level === 'employment_region').map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</optgroup>
            <optgroup label="Jobcentre">{areas.filter((a) => a.level === 'jobcenter').map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</optgroup>
          </select>
        </div>
        <Select id="filter-year" label="År" value={String(year)} onChange={(v) => setFilter('aar', v)} options={years.map((y) => ({ value: y, label: y }))} />
      </form>

      {error && <Alert kind="error">{error}</Alert>}
      {!board && !error && <p role="status">Henter årshjulet …</p>}
      {board && (
        <>
          <Counts board={board} />
          <StepChart board={board} />
          {ownRow && <OwnSteps board={board} row={ownRow} onChanged={load} />}
          <FollowupDates board={board} signedIn={!!user} />
          {board.grants.length > 0 && <GrantDates board={board} />}
          {board.cooperation.length > 0 && <CooperationDates board={board} />}
          <BoardTable board={board} />
          <section aria-labelledby="s-feed" className="doc-section">
            <h2 id="s-feed" className="h3">Kalender</h2>
            <p>Fristerne for {board.area_name} som kalender (iCalendar), der opdateres af sig selv.</p>
            <p><a className="button button-secondary" href={`/api/calendar/feeds/organisations/${encodeURIComponent(feedCode)}.ics`}>Abonnér på kalenderen for {board.area_name}</a></p>
            {user && <p>Din egen kalender med dine råds møder og høringsfrister finder du under <Link to="/notifikationer">Notifikationer</Link>.</p>}
          </section>
        </>
      )}
    </Layout>
  );
}

function Counts({ board }: { board: Board }) {
  const total = Object.values(board.counts).reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="s-counts" className="doc-section">
      <h2 id="s-counts" className="h3">Status {day(board.today)}</h2>
      <p>{board.rows.length} {board.rows.length === 1 ? 'jobcenter' : 'jobcentre'} × {board.steps.length} trin = {total} frister i {board.year}.</p>
      <p>{board.year} følger reglerne for <strong>{board.era.name.toLowerCase()}</strong> ({board.era.law}){board.era.set ? ', valgt for året af en administrator' : ''}.</p>
      <ul className="profile-cards calendar-counts" aria-label="Antal frister efter status">
        {board.statuses.map((s) => (
          <li key={s.id} className="card">
            <div className="card-content">
              <p className="h2 mt-0 mb-2">{board.counts[s.id]}</p>
              <span className={stepClass(s.id)}>{s.label}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Per step: how many jobcenters have each status, as a stacked bar (the table under it says the same). */
function StepChart({ board }: { board: Board }) {
  const per = board.steps.map((d) => {
    const c = Object.fromEntries(board.statuses.map((s) => [s.id, 0])) as Record<StepStatus, number>;
    for (const r of board.rows) {
      const cell = r.steps.find((x) => x.step === d.step && x.document_year === d.document_year);
      if (cell) c[cell.status]++;
    }
    return { d, c };
  });
  const w = 720, rowH = 26, left = 56, right = 8, top = 8;
  const h = top + per.length * rowH + 8;
  const n = Math.max(1, board.rows.length);
  const x = (v: number) => left + (v * (w - left - right)) / n;
  return (
    <section aria-labelledby="s-chart" className="doc-section">
      <h2 id="s-chart" className="h3">Trinene samlet</h2>
      <figure className="chart">
        <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Søjlediagram: for hvert af årets ${per.length} trin antallet af jobcentre efter status. Tallene står i tabellen under diagrammet.`}>
          {per.map(({ d, c }, i) => {
            let acc = 0;
            const y = top + i * rowH;
            return (
              <g key={`${d.step}-${d.document_year}`}>
                <text x={left - 6} y={y + 16} textAnchor="end" fontSize="12">{i + 1}.</text>
                {board.statuses.map((s) => {
                  const v = c[s.id];
                  const x0 = x(acc);
                  acc += v;
                  return v > 0 ? <rect key={s.id} x={x0} y={y + 3} width={x(acc) - x0} height={rowH - 8} fill={statusColors[s.id]} stroke="#fff" strokeWidth="1" /> : null;
                })}
              </g>
            );
          })}
        </svg>
        <figcaption>
          Antal jobcentre pr. trin (numrene står i tabellen).{' '}
          {board.statuses.map((s) => (
            <span key={s.id} className="chart-key"><span aria-hidden="true" className="chart-swatch calendar-swatch" style={{ background: statusColors[s.id] }} /> {s.label}</span>
          ))}
        </figcaption>
      </figure>
      <details className="details">
        <summary className="details-summary">Tallene bag diagrammet</summary>
        <div className="details-text table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">Antal jobcentre pr. trin og status</caption>
            <thead><tr><th scope="col">Trin</th><th scope="col">Frist</th>{board.statuses.map((s) => <th key={s.id} scope="col" className="text-align-right">{s.label}</th>)}</tr></thead>
            <tbody>
              {per.map(({ d, c }, i) => (
                <tr key={`${d.step}-${d.document_year}`}>
                  <th scope="row">{i + 1}. {d.label}</th>
                  <td>{day(d.due)}</td>
                  {board.statuses.map((s) => <td key={s.id} className="text-align-right">{c[s.id]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function CellView({ c }: { c: StepCell }) {
  return (
    <>
      <span className={stepClass(c.status)}>{c.status_label}</span>
      {c.done_on && <><br /><span className="form-hint">{day(c.done_on)}{c.marked ? ' (markeret)' : ''}</span></>}
    </>
  );
}

function BoardTable({ board }: { board: Board }) {
  return (
    <section aria-labelledby="s-board" className="doc-section">
      <h2 id="s-board" className="h3">Jobcentrene</h2>
      <p>Jobcentre med overskredne frister står først. Trinene er nummereret som i diagrammet.</p>
      <div className="table--responsive-scroll">
        <table className="table table--compact calendar-board">
          <caption className="sr-only">Status pr. jobcenter og trin i {board.year}</caption>
          <thead>
            <tr>
              <th scope="col">Jobcenter</th>
              {board.steps.map((d, i) => (
                <th key={`${d.step}-${d.document_year}`} scope="col" id={`col-${d.step}-${d.document_year}`}>
                  {i + 1}. {kindShort[d.kind]} {d.document_year}: {d.label}
                  <br /><span className="form-hint">Frist {day(d.due)}{d.overridden ? ' (ændret)' : ''}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.rows.map((r) => (
              <tr key={r.area} data-area={r.area}>
                <th scope="row"><Link to={`/dokumenter?omraade=${r.area}`}>{r.name}</Link></th>
                {board.steps.map((d) => {
                  const c = r.steps.find((x) => x.step === d.step && x.document_year === d.document_year);
                  return <td key={`${d.step}-${d.document_year}`} data-step={d.step}>{c ? <CellView c={c} /> : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const followupKinds = { case: 'Sag', agreement_followup: 'Skriftlig aftale: opfølgning', agreement_deadline: 'Skriftlig aftale: frist' } as const;

/** The region's follow-up in the year: signed agreements' follow-up dates and deadlines, and (for those who follow them) the cases' next follow-ups. */
function FollowupDates({ board, signedIn }: { board: Board; signedIn: boolean }) {
  const overdue = board.followup.filter((e) => e.overdue).length;
  return (
    <section aria-labelledby="s-followup" className="doc-section">
      <h2 id="s-followup" className="h3">Regionens opfølgning på jobcentrene</h2>
      <p>
        Opfølgningsdatoer og frister i de skriftlige aftaler, regionen har indgået med {board.area.startsWith('J') ? board.area_name : `jobcentre i ${board.area_name}`}
        {signedIn ? ', og næste opfølgning i de sager, du følger' : ''}.{overdue > 0 ? ` ${overdue} ${overdue === 1 ? 'opfølgning er' : 'opfølgninger er'} overskredet.` : ''}
      </p>
      {board.followup.length === 0 ? <p className="doc-empty">Ingen opfølgningsdatoer i {board.year}.</p> : (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">Opfølgningsdatoer i {board.year}</caption>
            <thead><tr><th scope="col">Dato</th><th scope="col">Jobcenter</th><th scope="col">Hvad</th><th scope="col">Type</th></tr></thead>
            <tbody>
              {board.followup.map((e) => (
                <tr key={e.uid}>
                  <td>{day(e.day)}{e.overdue && <strong> (overskredet)</strong>}</td>
                  <td>{e.jobcenter_name}</td>
                  <td><Link to={e.path}>{e.summary}</Link></td>
                  <td>{followupKinds[e.kind]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The LBRs' grant initiatives' evaluations and accounts due in the year, overdue ones marked. */
function GrantDates({ board }: { board: Board }) {
  const name = (area: string) => board.rows.find((r) => r.area === area)?.name ?? area;
  const overdue = board.grants.filter((g) => g.overdue).length;
  return (
    <section aria-labelledby="s-grants" className="doc-section">
      <h2 id="s-grants" className="h3">LBR-midler: evalueringer og regnskaber</h2>
      <p>Hvert initiativ, de lokale råd har givet LBR-midler til, afsluttes med en evaluering og et regnskab.{overdue > 0 ? ` ${overdue} ${overdue === 1 ? 'er forfalden' : 'er forfaldne'}.` : ''}</p>
      <div className="table--responsive-scroll">
        <table className="table table--compact">
          <caption className="sr-only">Frister for evaluering og regnskab i {board.year}</caption>
          <thead><tr><th scope="col">Frist</th><th scope="col">Jobcenter</th><th scope="col">Initiativ</th></tr></thead>
          <tbody>
            {board.grants.map((g) => (
              <tr key={`${g.document_id}-${g.initiative}`}>
                <td>{day(g.day)}{g.overdue && <strong> (forfalden)</strong>}</td>
                <td>{name(g.area)}</td>
                <td><Link to={`/dokumenter/${g.document_id}#s-accounts`}>{g.title}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The live cooperation agreements' review and expiry dates in the year. */
function CooperationDates({ board }: { board: Board }) {
  return (
    <section aria-labelledby="s-cooperation" className="doc-section">
      <h2 id="s-cooperation" className="h3">Samarbejdsaftaler: revision og udløb</h2>
      <div className="table--responsive-scroll">
        <table className="table table--compact">
          <caption className="sr-only">Samarbejdsaftalernes datoer i {board.year}</caption>
          <thead><tr><th scope="col">Dato</th><th scope="col">Jobcenter</th><th scope="col">Hvad</th></tr></thead>
          <tbody>
            {board.cooperation.map((e) => (
              <tr key={e.uid}>
                <td>{day(e.day)}</td>
                <td>{e.jobcenter_name}</td>
                <td><Link to={e.path}>{e.summary}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OwnSteps({ board, row, onChanged }: { board: Board; row: Board['rows'][number]; onChanged: () => Promise<void> }) {
  const mine = row.steps.filter((c) => manual.has(c.step));
  const [dates, setDates] = useState<Record<string, string>>({});
  const { busy, error, notice, run } = useAction();
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="s-own" className="doc-section">
      <h2 id="s-own" className="h3">Trin, {row.name} selv markerer</h2>
      <p>Disse trin viser intet dokument; markér dem som udført, når de er sket.</p>
      <ErrorSummary error={error} fieldId={() => `mark-${mine[0]!.step}`} />
      {notice && <Alert kind="success">{notice}</Alert>}
      <Progress text={busy} />
      {mine.map((c) => {
        const key = `${c.step}-${c.document_year}`;
        const date = dates[key] ?? board.today;
        const submit = (e: FormEvent) => {
          e.preventDefault();
          void run('Markerer trinnet …', async () => {
            await send('/api/calendar/steps', { method: 'POST', body: { area: row.area, year: c.document_year, step: c.step, done_on: date } });
            await onChanged();
            return `“${c.label}” er markeret som udført ${day(date)}.`;
          });
        };
        return (
          <form key={key} noValidate onSubmit={submit} className="target-editor" aria-label={c.label}>
            <p className="mt-0"><strong>{c.label}</strong> ({kindShort[c.kind].toLowerCase()} {c.document_year}) · frist {day(c.due)} · <CellView c={c} /></p>
            {c.done_on && c.marked ? (
              <button type="button" className="button button-tertiary" disabled={busy !== null} onClick={() => void run('Fjerner markeringen …', async () => {
                await send('/api/calendar/steps', { method: 'DELETE', body: { area: row.area, year: c.document_year, step: c.step } });
                await onChanged();
                return `Markeringen af “${c.label}” er fjernet.`;
              })}>Fjern markeringen</button>
            ) : !c.done_on ? (
              <>
                <Field id={`mark-${c.step}`} label="Udført den" type="date" hint="ÅÅÅÅ-MM-DD" value={date} onChange={(v) => setDates((x) => ({ ...x, [key]: v }))} error={error?.field === 'done_on' ? error.message : undefined} />
                <button type="submit" className="button button-primary" disabled={busy !== null}>Markér som udført</button>
              </>
            ) : null}
          </form>
        );
      })}
    </section>
  );
}
