/** The state changes the user may make: buttons, the hearing's options, the municipal council's approval. */
import { useState } from 'react';
import { kindSpec, type DocumentView, type Transition } from '../../documents';
import { Checkbox, Field, TextArea } from '../../forms';

/** The options of "send to hearing" (the server's defaults when left out). */
export interface HearingOptions {
  deadline?: string;
  require_all: boolean;
}

export function Transitions({ view, busy, dirty, onTransition }: { view: DocumentView; busy: boolean; dirty: boolean; onTransition: (a: Transition, approval?: { date: string; decision: string }, hearing?: HearingOptions) => void }) {
  // The server lists the transitions open from the document's state.
  const open = view.transitions.map((t) => t.id);
  const [date, setDate] = useState('');
  const [decision, setDecision] = useState('');
  const [deadline, setDeadline] = useState('');
  const [requireAll, setRequireAll] = useState(false);
  if (open.length === 0) return null;
  const label = (t: Transition) => view.transitions.find((x) => x.id === t)?.label ?? t;
  const spec = kindSpec(view.document.kind);
  const heard = spec.hearing?.bodies === 'jobcenter' ? 'Høringsparten er jobcentret, som svarer, om planen ligger inden for beskæftigelsesplanens rammer.' : spec.hearing?.bodies === 'rbr' ? 'Høringsparten er det regionale beskæftigelsesråd (RBR).' : 'Høringsparterne følger reglerne for dokumentets år: til og med 2014 det lokale beskæftigelsesråd (LBR) og beskæftigelsesregionen, fra 2015 det regionale råd og et lokalt råd, som kommunen har bevaret. Høringssiden viser, hvem der er hørt.';
  return (
    <section aria-labelledby="transitions-heading" className="d-print-none mb-6">
      <h2 id="transitions-heading" className="h3">Dokumentets gang</h2>
      {dirty && <p className="form-hint">Dine ændringer gemmes først.</p>}
      <div className="doc-transitions">
        {open.filter((t) => t !== 'approve' && t !== 'send_to_hearing').map((t) => (
          <button key={t} type="button" className={`button ${t === 'reopen' ? 'button-secondary' : 'button-primary'}`} disabled={busy} onClick={() => onTransition(t)}>{label(t)}</button>
        ))}
      </div>
      {open.includes('send_to_hearing') && (
        <form
          className="mt-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onTransition('send_to_hearing', undefined, { ...(deadline ? { deadline } : {}), require_all: requireAll });
          }}
        >
          <fieldset>
            <legend className="h4">Høring</legend>
            <p className="form-hint mt-0">{heard} De får besked, når dokumentet sendes i høring.</p>
            <Field id="hearing-deadline" label="Frist for høringssvar (valgfri)" type="date" hint="ÅÅÅÅ-MM-DD. Tom: fristen i årshjulet." value={deadline} onChange={setDeadline} />
            <Checkbox id="hearing-require-all" label="Kræv alle høringssvar før godkendelse" hint="Ellers kan dokumentet godkendes, når fristen er udløbet, også uden svar." checked={requireAll} onChange={setRequireAll} />
            <button type="submit" className="button button-primary" disabled={busy}>{label('send_to_hearing')}</button>
          </fieldset>
        </form>
      )}
      {open.includes('approve') && (
        <form
          className="mt-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onTransition('approve', { date, decision });
          }}
        >
          <fieldset>
            <legend className="h4">{spec.approvedBy?.legend ?? 'Kommunalbestyrelsens godkendelse'}</legend>
            <Field id="approval-date" label="Mødedato" type="date" hint="ÅÅÅÅ-MM-DD" value={date} onChange={setDate} />
            <TextArea id="approval-decision" label="Beslutning" rows={2} value={decision} onChange={setDecision} />
            <button type="submit" className="button button-primary" disabled={busy}>{label('approve')}</button>
          </fieldset>
        </form>
      )}
    </section>
  );
}
