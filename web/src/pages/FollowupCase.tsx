/**
 * A follow-up case (sag): the result problem's evidence as of the release it was opened on,
 * the measure's trend release by release (with its expected interval), the steps taken, and
 * for the region's monitors the forms to record the next step or close the case.
 */
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { documentSummarySchema } from '../../../src/documents/shared';
import { caseResponse } from '../../../src/followup/shared';
import { api } from '../api';
import { Alert, ErrorSummary, Field, Progress, Select, TextArea, fieldError, useAction } from '../forms';
import { date as day, fmt } from '../format';
import { Layout } from '../Layout';
import { Link, navigate } from '../router';
import { useSession } from '../session';

type Case = z.output<typeof caseResponse>;
type Trend = Case['trend'];

const meetingsSchema = z.object({ meetings: z.array(z.object({ id: z.number(), title: z.string(), starts_at: z.string() })) });
const meetingSchema = z.object({ items: z.array(z.object({ title: z.string(), decision: z.string().default('') })) });
const documentsSchema = z.array(z.object({ id: z.number(), kind: z.string(), area: z.string(), year: z.number(), state: z.string() }));

const directionWords = { better: 'bedre', worse: 'dårligere', unchanged: 'uændret' } as const;

/** The measure release by release as dots, with the expected interval as a band (or the legal threshold as a line). */
function TrendChart({ trend, unit, decimals }: { trend: Trend; unit: string; decimals: number }) {
  const pts = trend.filter((p) => p.actual !== null);
  if (pts.length === 0) return null;
  const values = trend.flatMap((p) => [p.actual, p.lower, p.upper, p.threshold]).filter((v): v is number => v !== null);
  const lo = Math.min(...values), hi = Math.max(...values), pad = (hi - lo || 1) * 0.15;
  const W = 560, H = 180, L = 60, R = 60, T = 10, B = 30;
  const x = (i: number) => L + (trend.length === 1 ? (W - L - R) / 2 : (i / (trend.length - 1)) * (W - L - R));
  const y = (v: number) => T + (1 - (v - lo + pad) / (hi - lo + 2 * pad)) * (H - T - B);
  const label = `Udviklingen i målet pr. udgivelse, ${unit}`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} fontSize="11">
        <title>{label}</title>
        {trend.map((p, i) => p.lower !== null && p.upper !== null && <rect key={`b${i}`} x={x(i) - 14} width={28} y={y(p.upper)} height={Math.max(1, y(p.lower) - y(p.upper))} fill="#cfe2f3" />)}
        {trend.map((p, i) => p.threshold !== null && <line key={`t${i}`} x1={x(i) - 16} x2={x(i) + 16} y1={y(p.threshold)} y2={y(p.threshold)} stroke="#b51d09" strokeWidth={2} />)}
        {trend.map((p, i) => p.actual !== null && (
          <g key={`p${i}`}>
            <circle cx={x(i)} cy={y(p.actual)} r={5} fill={p.inside ? '#358000' : '#b51d09'} />
            <text x={x(i) + 9} y={y(p.actual) + 4}>{fmt(p.actual, decimals)}</text>
          </g>
        ))}
        {trend.map((p, i) => <text key={`x${i}`} x={x(i)} y={H - 8} textAnchor="middle">Udgivelse {p.release}</text>)}
      </svg>
      <figcaption>Prik: jobcentrets tal ({unit}); grøn inden for, rød uden for {trend.some((p) => p.threshold !== null) ? 'lovkravet (rød streg)' : 'det forventede interval (blåt felt)'}.</figcaption>
    </figure>
  );
}

export function FollowupCase({ id }: { id: string }) {
  const session = useSession();
  const manage = !!session.permissions['followup.manage'];
  const [c, setC] = useState<Case | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = useCallback(() => api(`/api/followup/cases/${id}`, caseResponse).then(setC, (e: Error) => setLoadError(e.message)), [id]);
  useEffect(() => void load(), [load]);
  if (!c) return <Layout title="Sag"><h1>Sag</h1>{loadError ? <Alert kind="error">{loadError}</Alert> : <p role="status">Henter sagen …</p>}</Layout>;
  const unit = c.unit ?? '';
  const ev = c.evidence as { period?: string; actual?: number; expected?: number; lower?: number; upper?: number; threshold?: number };
  return (
    <Layout title={c.title}>
      <p><Link to="/opfoelgning">Opfølgning</Link></p>
      <h1>{c.title}</h1>
      <p className="font-lead">
        {c.jobcenter_name}. <span className="badge">{c.stage_name}</span> Sagen blev åbnet {day(c.opened_on)} på udgivelse {c.opened_release}
        {c.source === 'manual' ? ' (oprettet i hånden)' : c.source === 'legal_requirement' ? ' fra et lovkrav, der ikke er opfyldt' : ' fra et resultatproblem i benchmarkingen'}.
        {c.next_date && c.stage !== 'closed' && <> Næste opfølgning: <strong>{day(c.next_date)}</strong>{c.overdue ? ' (overskredet)' : ''}.</>}
      </p>
      {c.measure && (
        <section>
          <h2>Målet: {c.measure_label}</h2>
          {ev.actual !== undefined && (
            <p>
              Ved åbningen: {fmt(ev.actual, c.decimals)} {unit}
              {ev.expected !== undefined && <> mod forventet {fmt(ev.expected, c.decimals)} {unit} (interval {fmt(ev.lower ?? null, c.decimals)} til {fmt(ev.upper ?? null, c.decimals)})</>}
              {ev.threshold !== undefined && <> mod lovkravet på {fmt(ev.threshold, 0)} pct</>}.
            </p>
          )}
          <TrendChart trend={c.trend} unit={unit} decimals={c.decimals} />
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption>Målet i hver udgivelse siden sagen blev åbnet</caption>
              <thead><tr><th scope="col">Udgivelse</th><th scope="col">Periode</th><th scope="col" className="num">Faktisk ({unit})</th><th scope="col" className="num">Forventet interval</th><th scope="col">Vurdering</th></tr></thead>
              <tbody>
                {c.trend.map((p) => (
                  <tr key={p.release}>
                    <td>{p.release}</td><td>{p.period_name}</td><td className="num">{fmt(p.actual, c.decimals)}</td>
                    <td className="num">{p.threshold !== null ? `mindst ${fmt(p.threshold, 0)}` : p.lower !== null && p.upper !== null ? `${fmt(p.lower, c.decimals)} – ${fmt(p.upper, c.decimals)}` : 'ikke beregnet'}</td>
                    <td>{p.inside === null ? 'Ikke offentliggjort' : p.inside ? 'Inden for' : 'Uden for'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{c.direction ? `Siden åbningen: ${directionWords[c.direction]}.` : c.trend.length < 2 ? 'Udviklingen vises, når der er kommet en ny udgivelse.' : 'Udviklingen kan ikke vises: målet er ikke offentliggjort i alle udgivelserne.'} {c.resolved ? 'Målet har været inden for det forventede i de seneste udgivelser, så sagen kan lukkes som løst.' : ''}</p>
        </section>
      )}
      <section>
        <h2>Forløb</h2>
        {c.steps.length === 0 ? <p>Der er endnu ikke registreret noget i sagen.</p> : (
          <ol className="doc-steps">
            {c.steps.map((s) => (
              <li key={s.id}>
                <strong>{day(s.date)}: {s.kind_name}</strong>
                {s.kind === 'task_force' && <> ({s.details.mode === 'imposed' ? 'pålagt' : 'tilbudt'})</>}
                {s.kind === 'order' && <> ({s.details.form === 'framework_tender' ? 'rammeudbud' : 'anden aktør'})</>}
                <div>{s.text}</div>
                <div className="small">Besluttet af {s.decided_by}{s.document_id && <> · <Link to={`/dokumenter/${s.document_id}`}>Den skriftlige aftale</Link></>}</div>
              </li>
            ))}
          </ol>
        )}
      </section>
      {manage && c.stage !== 'closed' && <StepForms c={c} onDone={setC} />}
    </Layout>
  );
}

function StepForms({ c, onDone }: { c: Case; onDone: (c: Case) => void }) {
  const today = new Date().toISOString().slice(0, 10);
  const kinds = [
    { value: 'dialogue_meeting', label: 'Dialogmøde med jobcentret' },
    { value: 'task_force', label: 'Task force' },
    ...(c.stage !== 'order' ? [{ value: 'rbr_recommendation', label: 'RBR’s indstilling (beslutning på et RBR-møde)' }] : []),
    ...(c.stage === 'agreement' ? [{ value: 'agreement_signed', label: 'Skriftlig aftale indgået' }] : []),
    ...(c.stage === 'order' ? [{ value: 'order', label: 'Pålæg om at anvende anden aktør' }] : []),
    { value: 'note', label: 'Notat' },
  ];
  const [kind, setKind] = useState('dialogue_meeting');
  const [dateV, setDate] = useState(today);
  const [text, setText] = useState('');
  const [next, setNext] = useState(c.next_date ?? '');
  // A signed agreement brings its own first follow-up date unless the user sets one.
  const [nextTouched, setNextTouched] = useState(false);
  const [mode, setMode] = useState('offered');
  const [to, setTo] = useState(c.stage === 'dialogue' ? 'agreement' : 'order');
  const [form, setForm] = useState('other_actor');
  const [decidedBy, setDecidedBy] = useState('');
  const [meetings, setMeetings] = useState<z.output<typeof meetingsSchema>['meetings']>([]);
  const [meetingId, setMeetingId] = useState('');
  const [items, setItems] = useState<z.output<typeof meetingSchema>['items']>([]);
  const [item, setItem] = useState('0');
  const [agreements, setAgreements] = useState<z.output<typeof documentsSchema>>([]);
  const [documentId, setDocumentId] = useState('');
  const action = useAction();
  const close = useAction();
  const [reason, setReason] = useState(c.resolved ? 'resolved' : 'decision');
  const [why, setWhy] = useState('');

  useEffect(() => {
    api(`/api/councils/RBR-${c.region}/meetings`, meetingsSchema).then((m) => { setMeetings(m.meetings); setMeetingId(String(m.meetings[0]?.id ?? '')); }, () => setMeetings([]));
    api(`/api/documents?kind=written_agreement&area=${c.jobcenter}`, documentsSchema).then((d) => { setAgreements(d); setDocumentId(String(d[0]?.id ?? '')); }, () => setAgreements([]));
  }, [c.region, c.jobcenter]);
  useEffect(() => {
    if (meetingId) api(`/api/meetings/${meetingId}`, meetingSchema).then((m) => setItems(m.items), () => setItems([]));
  }, [meetingId]);

  const step = () => {
    switch (kind) {
      case 'dialogue_meeting': return { kind, date: dateV, text, with_lbr: true };
      case 'task_force': return { kind, date: dateV, text, mode };
      case 'rbr_recommendation': return { kind, meeting_id: Number(meetingId), item: Number(item), to };
      case 'agreement_signed': return { kind, document_id: Number(documentId) };
      case 'order': return { kind, date: dateV, text, form, decided_by: decidedBy };
      default: return { kind, date: dateV, text };
    }
  };
  const submit = () => action.run('Gemmer …', async () => {
    onDone(await api(`/api/followup/cases/${c.id}/steps`, caseResponse, { method: 'POST', body: { version: c.version, ...(kind === 'agreement_signed' && !nextTouched ? {} : { next_date: next || null }), step: step() } }));
    setNextTouched(false);
    setText('');
    return 'Gemt i sagen.';
  });
  const f = (name: string) => fieldError(action.error, `step.${name}`) ?? fieldError(action.error, name);
  const dated = kind !== 'rbr_recommendation' && kind !== 'agreement_signed';
  return (
    <>
      <section>
        <h2>Næste skridt</h2>
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <Select id="step-kind" label="Hvad er sket" value={kind} onChange={setKind} options={kinds} />
          {dated && <Field id="step-date" label="Dato" type="date" value={dateV} onChange={setDate} error={f('date')} />}
          {kind === 'task_force' && <Select id="step-mode" label="Task forcen" value={mode} onChange={setMode} options={[{ value: 'offered', label: 'Tilbudt' }, { value: 'imposed', label: 'Pålagt' }]} />}
          {kind === 'order' && (
            <>
              <Select id="step-form" label="Pålæggets form" value={form} onChange={setForm} options={[{ value: 'other_actor', label: 'Pålæg om at anvende anden aktør' }, { value: 'framework_tender', label: 'Rammeudbud for en målgruppe' }]} />
              <Field id="step-decided_by" label="Besluttet af" value={decidedBy} onChange={setDecidedBy} error={f('decided_by')} hint="Fx regionsdirektøren efter RBR’s indstilling" />
            </>
          )}
          {kind === 'rbr_recommendation' && (
            <>
              <Select id="step-meeting_id" label="RBR-mødet" value={meetingId} onChange={setMeetingId} options={meetings.length ? meetings.map((m) => ({ value: String(m.id), label: `${m.title} ${day(m.starts_at)}` })) : [{ value: '', label: 'Rådet har ingen møder' }]} error={f('meeting_id')} />
              <Select id="step-item" label="Punktet med beslutningen" value={item} onChange={setItem} options={items.map((it, i) => ({ value: String(i), label: `${i + 1}. ${it.title}${it.decision ? '' : ' (ingen beslutning endnu)'}` }))} error={f('item')} />
              <Select id="step-to" label="RBR indstiller til" value={to} onChange={setTo} options={[...(c.stage === 'dialogue' ? [{ value: 'agreement', label: 'En skriftlig aftale med jobcentret' }] : []), { value: 'order', label: 'Et pålæg om at anvende anden aktør' }]} error={f('to')} />
            </>
          )}
          {kind === 'agreement_signed' && (
            agreements.length ? (
              <Select id="step-document_id" label="Den skriftlige aftale" value={documentId} onChange={setDocumentId} options={agreements.map((d) => ({ value: String(d.id), label: `Skriftlig aftale ${d.year}${d.state === 'published' ? '' : ' (ikke underskrevet endnu)'}` }))} error={f('document_id')} />
            ) : (
              <p>
                Jobcentret har ingen skriftlig aftale endnu.{' '}
                <button type="button" className="button button-secondary" onClick={() => void action.run('Opretter aftalen …', async () => {
                  const d = await api('/api/documents', documentSummarySchema, { method: 'POST', body: { kind: 'written_agreement', area: c.jobcenter, year: Number(today.slice(0, 4)) } });
                  navigate(`/dokumenter/${d.id}`);
                })}>Opret den skriftlige aftale</button>{' '}
                <span className="form-hint">Skriv aftalens mål og frister, og offentliggør den, når den er underskrevet.</span>
              </p>
            )
          )}
          {dated && <TextArea id="step-text" label={kind === 'dialogue_meeting' ? 'Referat (sendes til det lokale beskæftigelsesråd)' : kind === 'order' ? 'Den afgrænsede del af indsatsen' : 'Tekst'} value={text} onChange={setText} error={f('text')} />}
          <Field id="step-next_date" label="Næste opfølgning" type="date" value={next} onChange={(v) => { setNext(v); setNextTouched(true); }} error={fieldError(action.error, 'next_date')} />
          <p><button type="submit" className="button button-primary" disabled={action.busy !== null}>Gem i sagen</button></p>
        </form>
        <Progress text={action.busy} />
        <ErrorSummary error={action.error} fieldId={(x) => x.replace(/^step\./, 'step-')} />
        {action.notice && <Alert kind="success">{action.notice}</Alert>}
      </section>
      <section>
        <h2>Luk sagen</h2>
        <form onSubmit={(e) => { e.preventDefault(); void close.run('Lukker sagen …', async () => { onDone(await api(`/api/followup/cases/${c.id}/close`, caseResponse, { method: 'POST', body: { version: c.version, reason, date: today, text: why } })); return 'Sagen er lukket.'; }); }}>
          <Select id="close-reason" label="Hvorfor" value={reason} onChange={setReason} options={[{ value: 'resolved', label: 'Løst: målet er tilbage inden for det forventede' }, { value: 'decision', label: 'Besluttet af regionen' }]} hint={c.resolved ? 'Målet har været inden for det forventede i de seneste udgivelser.' : 'Løst kræver, at målet har været inden for det forventede i de seneste 2 udgivelser.'} error={fieldError(close.error, 'reason')} />
          <TextArea id="close-text" label="Begrundelse" value={why} onChange={setWhy} error={fieldError(close.error, 'text')} />
          <p><button type="submit" className="button button-secondary" disabled={close.busy !== null}>Luk sagen</button></p>
        </form>
        <Progress text={close.busy} />
        <ErrorSummary error={close.error} fieldId={(x) => `close-${x}`} />
      </section>
    </>
  );
}
