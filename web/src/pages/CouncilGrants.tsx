/**
 * An LBR's grants on its page (/raad/LBR-J…): the yearly frames the state sets (national
 * administrators set them here), each year's grant plan with its state and total, and for the
 * secretariat the button that makes the next plan. Shown while the grant plan kind is in use.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { documentListResponse, documentSummarySchema, kindsResponse } from '../../../src/documents/shared';
import { framesResponse, frameResponse } from '../../../src/grants/shared';
import { api } from '../api';
import type { CouncilView } from '../councils';
import { kroner, stateClass, stateNames } from '../documents';
import { Alert, ErrorSummary, Field, NumberField, useAction } from '../forms';
import { Link, navigate } from '../router';
import { useSession } from '../session';

type Frames = z.output<typeof framesResponse>;
type Plans = z.output<typeof documentListResponse>;

export function CouncilGrants({ council }: { council: CouncilView }) {
  const session = useSession();
  const [inUse, setInUse] = useState(false);
  const [frames, setFrames] = useState<Frames | null>(null);
  const [plans, setPlans] = useState<Plans>([]);
  const area = council.area!;
  const load = useCallback(async () => {
    const kinds = await api('/api/document-kinds', kindsResponse);
    if (!kinds.some((k) => k.kind === 'grant_plan')) return;
    setInUse(true);
    setFrames(await api(`/api/councils/${encodeURIComponent(council.code)}/grants`, framesResponse));
    setPlans(await api(`/api/documents?kind=grant_plan&area=${encodeURIComponent(area)}`, documentListResponse));
  }, [council.code, area]);
  useEffect(() => void load().catch(() => setInUse(false)), [load, session.user?.id]);
  const { busy, error, run } = useAction();
  if (!inUse || !frames) return null;

  const next = new Date().getFullYear() + 1;
  const years = [...new Set([...frames.frames.map((f) => f.year), ...plans.map((p) => p.year)])].sort((a, b) => b - a);
  const create = (year: number) =>
    run('Opretter handleplanen …', async () => {
      const d = await api('/api/documents', documentSummarySchema, { method: 'POST', body: { kind: 'grant_plan', area, year } });
      navigate(`/dokumenter/${d.id}`);
    });
  const isAdmin = session.user?.role === 'national_admin';
  return (
    <section aria-labelledby="s-grants" className="doc-section">
      <h2 id="s-grants">LBR-midler</h2>
      <p>Staten giver hvert år rådet et tilskud til virksomhedsrettede og forebyggende initiativer inden for beskæftigelsesplanens rammer. Rådets handleplan høres i jobcentret, og hvert initiativ afsluttes med en evaluering og et regnskab.</p>
      <ErrorSummary error={error} />
      {years.length === 0 ? (
        <p className="doc-empty">Der er endnu ikke sat en ramme for rådets LBR-midler.</p>
      ) : (
        <table className="table table--compact">
          <caption className="sr-only">Rammer og handleplaner pr. år</caption>
          <thead><tr><th scope="col">År</th><th scope="col" className="text-align-right">Ramme</th><th scope="col">Handleplan</th></tr></thead>
          <tbody>
            {years.map((y) => {
              const f = frames.frames.find((x) => x.year === y);
              const p = plans.find((x) => x.year === y);
              return (
                <tr key={y}>
                  <th scope="row">{y}</th>
                  <td className="text-align-right">{f ? kroner(f.amount) : 'Ikke sat'}{f?.note ? <div className="form-hint">{f.note}</div> : null}</td>
                  <td>
                    {p ? <><Link to={`/dokumenter/${p.id}`}>Handleplan for LBR-midler {y}</Link> <span className={stateClass(p.state)}>{stateNames[p.state]}</span></> : council.access.secretariat ? <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void create(y)}>Opret handleplan for {y}</button> : <span className="doc-empty">Ingen handleplan endnu</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {council.access.secretariat && !years.includes(next) && (
        <p><button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void create(next)}>Opret handleplan for {next}</button></p>
      )}
      {isAdmin && <FrameForm code={council.code} frames={frames} onSaved={load} />}
    </section>
  );
}

/** National administrators set a year's frame; a change carries the version they saw. */
function FrameForm({ code, frames, onSaved }: { code: string; frames: Frames; onSaved: () => Promise<void> }) {
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [amount, setAmount] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, notice, run } = useAction();
  const current = frames.frames.find((f) => f.year === Number(year));
  useEffect(() => {
    setAmount(current?.amount ?? null);
    setNote(current?.note ?? '');
  }, [current?.version, current?.amount, current?.note]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Gemmer rammen …', async () => {
      const saved = await api(`/api/councils/${encodeURIComponent(code)}/grants/${encodeURIComponent(year)}`, frameResponse, { method: 'PUT', body: { amount, note, ...(current ? { version: current.version } : {}) } });
      await onSaved();
      return `Rammen for ${saved.year} er sat til ${kroner(saved.amount)}.`;
    });
  };
  return (
    <form onSubmit={submit} noValidate className="mt-5">
      <h3>Sæt rammen</h3>
      <ErrorSummary error={error} fieldId={(f) => `grant-${f}`} />
      {notice && <Alert kind="success">{notice}</Alert>}
      <Field id="grant-year" label="År" type="number" className="input-width-xs" value={year} onChange={setYear} />
      <NumberField id="grant-amount" label="Ramme (kr.)" hint="Hele kroner." value={amount} onChange={setAmount} />
      <Field id="grant-note" label="Note (valgfri)" value={note} onChange={setNote} />
      <button type="submit" className="button button-primary" disabled={busy !== null}>{busy ?? (current ? 'Ret rammen' : 'Sæt rammen')}</button>
    </form>
  );
}
