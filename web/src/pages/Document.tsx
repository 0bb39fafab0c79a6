/**
 * A steering document (/dokumenter/:id): its state, version and approval, the state changes
 * the user may make, the minimum-content check, the editor (plans, implementation plans and
 * the human parts of results audits) or the read-only view, the comments, and the versions
 * with a comparison of two. A save names the revision it was based on; when someone else
 * saved in between, the server refuses it and the form keeps what the user wrote.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import {
  dateTime, emptyTarget, fieldId, focusPath, stateClass,
  type AuditContent, type ContentIssue, type DocumentSummary, type DocumentView, type Figure, type ImplementationPlanContent, type PlanContent, type RulesContent, type Target, type TargetView, type Transition,
} from '../documents';
import { day, responseClass, type Hearing } from '../councils';
import { IndicatorFields, TargetEditor, TargetStatusView } from '../editor';
import { Alert, Checkbox, Field, NumberField, RadioGroup, TextArea, toError, useAction } from '../forms';
import { fmt } from '../format';
import { Layout } from '../Layout';
import { Link } from '../router';
import { useSession } from '../session';
import { AuditTables, Section } from './AuditTables';

type Content = PlanContent | ImplementationPlanContent | AuditContent | RulesContent;
/** The options of "send to hearing" (the server's defaults when left out). */
interface HearingOptions {
  deadline?: string;
  require_all: boolean;
}
interface Version {
  revision: number;
  event: string;
  event_name: string;
  state: string;
  actor: string;
  created_at: string;
}
interface Diff {
  from: number;
  to: number;
  fields: { key: string; label: string; lines: { op: '=' | '+' | '-'; text: string }[] }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function DocumentPage({ id }: { id: string }) {
  const session = useSession();
  const [view, setView] = useState<DocumentView | null>(null);
  const [draft, setDraft] = useState<Content | null>(null);
  /** The revision the form's contents are based on. */
  const [base, setBase] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, notice, setError, setNotice, run } = useAction();
  const [versionsKey, setVersionsKey] = useState(0);

  /** Reads the document; `keepForm` leaves what the user is writing alone. */
  const load = useCallback(
    async (keepForm = false) => {
      try {
        const v = await api<DocumentView>(`/api/documents/${encodeURIComponent(id)}`);
        setView(v);
        setVersionsKey((k) => k + 1);
        if (!keepForm) {
          setDraft(structuredClone(v.document.content) as Content);
          setBase(v.document.revision);
        }
        setLoadError(null);
      } catch (e) {
        setLoadError(toError(e).message);
      }
    },
    [id],
  );
  useEffect(() => {
    if (session.loaded) void load();
  }, [session.loaded, load, session.user?.id]);

  if (!view || !draft) {
    return (
      <Layout title="Dokument">
        <p className="mb-2"><Link to="/dokumenter">Styringsdokumenter</Link></p>
        <h1>Dokument</h1>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <p role="status">Henter dokumentet …</p>}
      </Layout>
    );
  }

  const doc = view.document;
  const editing = view.may_edit && doc.state === 'draft';
  // Comments are saved on their own, and an audit's numbers are the generator's: neither makes the form dirty.
  const humanPart = (c: unknown) => (doc.kind === 'results_audit' ? (c as AuditContent).analysis : { ...(c as object), comments: null });
  const dirty = editing && !same(humanPart(draft), humanPart(doc.content));
  const edit = (f: (c: Content) => void) =>
    setDraft((d) => {
      const c = structuredClone(d)!;
      f(c);
      return c;
    });

  const save = async () => {
    const content = doc.kind === 'results_audit' ? { analysis: (draft as AuditContent).analysis, comments: (doc.content as AuditContent).comments } : { ...draft, comments: (doc.content as { comments?: unknown }).comments };
    return run('Gemmer …', async () => {
      const s = await api<DocumentSummary>(`/api/documents/${doc.id}`, { method: 'PUT', body: { revision: base, content } });
      await load();
      return `Gemt som version ${s.revision}.`;
    });
  };

  const doTransition = async (action: Transition, approval?: { date: string; decision: string }, hearing?: HearingOptions) => {
    if (dirty && !(await save())) return;
    const label = view.transitions.find((t) => t.id === action)?.label ?? action;
    await run(`${label} …`, async () => {
      const current = await api<DocumentView>(`/api/documents/${doc.id}`);
      const s = await api<DocumentSummary>(`/api/documents/${doc.id}/transitions`, { method: 'POST', body: { revision: current.document.revision, action, ...(approval ? { approval } : {}), ...(hearing ? { hearing } : {}) } });
      await load();
      return `${label}: dokumentet er nu version ${s.revision}.`;
    });
  };

  const regenerate = () =>
    run('Danner tallene igen fra statistikken … Det kan tage et øjeblik.', async () => {
      await api(`/api/documents/${doc.id}/regenerate`, { method: 'POST', body: { revision: base } });
      await load(true);
      setBase((b) => (b === null ? b : b + 1));
      return 'Tallene er dannet igen. Jeres tekst er bevaret.';
    });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <Layout title={view.title}>
      <p className="mb-2"><Link to="/dokumenter">Styringsdokumenter</Link></p>
      <h1>{view.title}</h1>
      <p>
        <span className={stateClass(doc.state)}>{view.state_name}</span> · Version {doc.revision} · senest ændret {dateTime(doc.updated_at)} af {doc.updated_by}
        {view.release && <> · tal fra udgivelse {view.release.version}{view.release.cutoff_week ? ` (data til og med ${view.release.cutoff_week})` : ''}</>}
      </p>
      {doc.approval && <p>Godkendt af kommunalbestyrelsen {day(doc.approval.date)}: {doc.approval.decision}</p>}
      <p className="d-print-none">
        <a className="button button-secondary" href={`/api/documents/${doc.id}/pdf`} download>Hent PDF</a>{' '}
        <a className="button button-secondary" href={`/api/documents/${doc.id}/html`}>Vis som HTML</a>
      </p>

      <ErrorBox error={error} editing={editing} onReload={() => void load().then(() => setError(null))} />
      {notice && <Alert kind="success">{notice}</Alert>}
      {busy && <p role="status" className="doc-progress"><span className="doc-spinner" aria-hidden="true" /> {busy}</p>}

      {session.user && (doc.kind === 'employment_plan' || doc.kind === 'results_audit') && <HearingPanel key={`hearing-${versionsKey}`} docId={doc.id} />}

      {view.may_edit && <Transitions view={view} busy={busy !== null} dirty={dirty} onTransition={(a, approval, hearing) => void doTransition(a, approval, hearing)} />}

      {doc.state === 'draft' && (view.check.missing.length > 0 || view.check.notes.length > 0) && <Check view={view} editing={editing} />}

      <form onSubmit={onSubmit} noValidate aria-label="Dokumentets indhold">
        {doc.kind === 'employment_plan' && <PlanSections content={draft as PlanContent} saved={doc.content as PlanContent} view={view} editing={editing} edit={(f) => edit((c) => f(c as PlanContent))} />}
        {doc.kind === 'implementation_plan' && <ImplementationSections content={draft as ImplementationPlanContent} saved={doc.content as ImplementationPlanContent} view={view} editing={editing} edit={(f) => edit((c) => f(c as ImplementationPlanContent))} />}
        {doc.kind === 'rules_of_procedure' && <RulesSections content={draft as RulesContent} editing={editing} edit={(f) => edit((c) => f(c as RulesContent))} />}
        {doc.kind === 'results_audit' && (
          <AuditSections content={draft as AuditContent} generated={(doc.content as AuditContent).generated} editing={editing} busy={busy !== null} onRegenerate={() => void regenerate()} edit={(f) => edit((c) => f(c as AuditContent))} />
        )}
        {editing && (
          <div className="doc-savebar d-print-none">
            <button type="submit" className="button button-primary" disabled={busy !== null}>{busy === 'Gemmer …' ? 'Gemmer …' : 'Gem'}</button>
            <span className="ml-4">{dirty ? 'Du har ændringer, der ikke er gemt.' : 'Alt er gemt.'}</span>
          </div>
        )}
      </form>

      {doc.kind !== 'rules_of_procedure' && <CommentsSection view={view} role={session.user?.role ?? null} onSaved={async (rev) => {
        await load(true);
        setBase((b) => (b === rev - 1 ? rev : b));
        setNotice(`Bemærkningerne er gemt (version ${rev}).`);
      }} />}

      <Versions key={versionsKey} docId={doc.id} current={doc.revision} />
    </Layout>
  );
}

/** The error summary: a conflict offers the newest version; missing content links to the fields. */
function ErrorBox({ error, editing, onReload }: { error: ApiError | null; editing: boolean; onReload: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const missing = (error.details.missing as ContentIssue[] | undefined) ?? [];
  const field = error.field ?? (error.details.field as string | undefined);
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-heading">
      <div className="alert-body">
        <p className="alert-heading" id="error-summary-heading">{error.code === 'conflict' ? 'Dokumentet er ændret af en anden' : error.code === 'hearing_running' || error.code === 'hearing_responses' ? 'Dokumentet kan ikke godkendes endnu' : 'Der er et problem'}</p>
        <p className="alert-text">{error.message}</p>
        {missing.length > 0 && (
          <ul className="alert-text" aria-label="Det mangler">
            {missing.map((m) => <li key={m.path}><IssueLink issue={m} editing={editing} /></li>)}
          </ul>
        )}
        {field && editing && error.code === 'invalid_field' && <p className="alert-text"><a href={`#${fieldId(field.replace(/^content\./, ''))}`} onClick={(e) => { e.preventDefault(); focusPath(field.replace(/^content\./, '')); }}>Gå til feltet</a></p>}
        {error.code === 'conflict' && (
          <p className="alert-text">
            <button type="button" className="button button-secondary" onClick={onReload}>Hent den nyeste version</button>{' '}
            <span className="form-hint">(erstatter det, der står i formularen)</span>
          </p>
        )}
      </div>
    </div>
  );
}

function IssueLink({ issue, editing }: { issue: ContentIssue; editing: boolean }) {
  if (!editing) return <>{issue.message}</>;
  return (
    <a href={`#${fieldId(issue.path)}`} onClick={(e) => { e.preventDefault(); focusPath(issue.path); }}>
      {issue.message}
    </a>
  );
}

function Check({ view, editing }: { view: DocumentView; editing: boolean }) {
  const { missing, notes } = view.check;
  return (
    <section aria-labelledby="check-heading" className="doc-check">
      <h2 id="check-heading" className="h3">Minimumsindhold</h2>
      {missing.length > 0 ? (
        <>
          <p>Før {view.document.kind === 'rules_of_procedure' ? 'forretningsordenen kan offentliggøres' : 'dokumentet kan sendes i høring'}, mangler ({missing.length}):</p>
          <ul>{missing.map((m) => <li key={m.path}><IssueLink issue={m} editing={editing} /></li>)}</ul>
        </>
      ) : (
        <p>Minimumsindholdet er på plads (ud fra den gemte version).</p>
      )}
      {notes.length > 0 && (
        <>
          <p>Værd at se på:</p>
          <ul>{notes.map((m) => <li key={`${m.path}-${m.message}`}><IssueLink issue={m} editing={editing} /></li>)}</ul>
        </>
      )}
    </section>
  );
}

function Transitions({ view, busy, dirty, onTransition }: { view: DocumentView; busy: boolean; dirty: boolean; onTransition: (a: Transition, approval?: { date: string; decision: string }, hearing?: HearingOptions) => void }) {
  // The server lists the transitions open from the document's state.
  const open = view.transitions.map((t) => t.id);
  const [date, setDate] = useState('');
  const [decision, setDecision] = useState('');
  const [deadline, setDeadline] = useState('');
  const [requireAll, setRequireAll] = useState(false);
  if (open.length === 0) return null;
  const label = (t: Transition) => view.transitions.find((x) => x.id === t)?.label ?? t;
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
            <p className="form-hint mt-0">Høringsparterne er det lokale beskæftigelsesråd (LBR) og beskæftigelsesregionen. De får besked, når dokumentet sendes i høring.</p>
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
            <legend className="h4">Kommunalbestyrelsens godkendelse</legend>
            <Field id="approval-date" label="Mødedato" type="date" hint="ÅÅÅÅ-MM-DD" value={date} onChange={setDate} />
            <TextArea id="approval-decision" label="Beslutning" rows={2} value={decision} onChange={setDecision} />
            <button type="submit" className="button button-primary" disabled={busy}>{label('approve')}</button>
          </fieldset>
        </form>
      )}
    </section>
  );
}

type Edit<T> = (f: (c: T) => void) => void;

/** Targets of one section: editors, or the read-only list with their status. */
/** A list of targets; `goal` (a ministerial goal) pre-fills a new target with the goal's indicator in the document's area. */
function TargetList({ base, targets, saved, view, editing, edit, area, goal }: { base: string; targets: Target[]; saved: Target[] | undefined; view: DocumentView; editing: boolean; edit: (f: (ts: Target[]) => void) => void; area: string; goal?: { year: number; number: number } }) {
  const viewAt = (i: number): TargetView | undefined => view.targets.find((t) => t.path === `${base}.${i}`);
  const viewOf = (i: number): TargetView | undefined => (same(targets[i], saved?.[i]) ? viewAt(i) : undefined);
  if (!editing) {
    if (targets.length === 0) return <p className="doc-empty">Ingen mål.</p>;
    return (
      <ol className="doc-targets">
        {targets.map((t, i) => (
          <li key={i}>
            <p className="mb-2"><strong>{t.title}</strong></p>
            {t.indicator && <p className="form-hint mt-0">{viewAt(i)?.description}</p>}
            <TargetStatusView view={viewAt(i)} measurable={t.indicator !== null} measure={t.indicator?.measure} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className="doc-targets">
      {targets.map((t, i) => (
        <TargetEditor
          key={i}
          id={fieldId(`${base}.${i}`)}
          heading={`Mål ${i + 1}`}
          target={t}
          area={area}
          view={viewOf(i)}
          goal={goal}
          onChange={(nt) => edit((ts) => void (ts[i] = nt))}
          onRemove={() => edit((ts) => void ts.splice(i, 1))}
        />
      ))}
      <button type="button" id={fieldId(base)} className="button button-secondary" onClick={() => edit((ts) => void ts.push(emptyTarget()))}>Tilføj mål</button>
    </div>
  );
}

function Text({ id, label, value, editing, onChange, rows }: { id: string; label: string; value: string; editing: boolean; onChange: (v: string) => void; rows?: number }) {
  if (editing) return <TextArea id={fieldId(id)} label={label} value={value} onChange={onChange} rows={rows} />;
  return (
    <div className="doc-text">
      <h4 className="h5">{label}</h4>
      {value.trim() === '' ? <p className="doc-empty">Ikke udfyldt.</p> : value.trim().split(/\n\s*\n/).map((p, i) => <p key={i} className="doc-paragraph">{p}</p>)}
    </div>
  );
}

function PlanSections({ content: c, saved, view, editing, edit }: { content: PlanContent; saved: PlanContent; view: DocumentView; editing: boolean; edit: Edit<PlanContent> }) {
  const area = view.document.area;
  const sumOf = (k: 'state' | 'municipal') => c.budget.lines.reduce((a, l) => a + (l[k] ?? 0), 0);
  return (
    <>
      <Section id="s-goals" title="Ministermålene">
        {c.goals.length === 0 && <p className="doc-empty">Der er ingen ministermål for året.</p>}
        {c.goals.map((g, i) => (
          <div key={g.number} className="doc-subsection">
            <h3>Ministermål {g.number}: {g.title}</h3>
            <Text id={`goals.${i}.strategy`} label={`Strategi for ministermål ${g.number}`} value={g.strategy} editing={editing} onChange={(v) => edit((x) => void (x.goals[i]!.strategy = v))} />
            <h4 className="h5">Mål</h4>
            <TargetList base={`goals.${i}.targets`} targets={g.targets} saved={saved.goals[i]?.targets} view={view} editing={editing} area={area} goal={{ year: view.document.year, number: g.number }} edit={(f) => edit((x) => f(x.goals[i]!.targets))} />
          </div>
        ))}
      </Section>

      <Section id="s-challenges" title="De vigtigste udfordringer">
        {c.challenges.length === 0 && !editing && <p className="doc-empty">Ingen udfordringer beskrevet.</p>}
        {c.challenges.map((ch, ci) => (
          <div key={ci} className="doc-subsection">
            {editing ? (
              <fieldset>
                <legend className="h4">Udfordring {ci + 1}</legend>
                <Field id={fieldId(`challenges.${ci}.title`)} label="Overskrift" value={ch.title} onChange={(v) => edit((x) => void (x.challenges[ci]!.title = v))} />
                <TextArea id={fieldId(`challenges.${ci}.text`)} label="Beskrivelse" value={ch.text} onChange={(v) => edit((x) => void (x.challenges[ci]!.text = v))} />
                {ch.figures.map((f, fi) => (
                  <FigureEditor key={fi} id={fieldId(`challenges.${ci}.figures.${fi}`)} n={fi + 1} figure={f} live={same(f, saved.challenges[ci]?.figures[fi]) ? view.figures.find((x) => x.path === `challenges.${ci}.figures.${fi}`) : undefined}
                    onChange={(nf) => edit((x) => void (x.challenges[ci]!.figures[fi] = nf))} onRemove={() => edit((x) => void x.challenges[ci]!.figures.splice(fi, 1))} />
                ))}
                <p>
                  <button type="button" className="button button-secondary" onClick={() => edit((x) => void x.challenges[ci]!.figures.push({ label: '', indicator: { table: '', measure: '', area, dims: {}, freq: 'M' }, period: null }))}>Tilføj tal fra statistikbanken</button>{' '}
                  <button type="button" className="button button-tertiary" onClick={() => edit((x) => void x.challenges.splice(ci, 1))}>Fjern udfordringen<span className="sr-only"> {ch.title}</span></button>
                </p>
              </fieldset>
            ) : (
              <>
                <h3>{ch.title}</h3>
                <Text id={`challenges.${ci}.text`} label="Beskrivelse" value={ch.text} editing={false} onChange={() => undefined} />
                {ch.figures.length > 0 && (
                  <ul>
                    {ch.figures.map((f, fi) => {
                      const live = view.figures.find((x) => x.path === `challenges.${ci}.figures.${fi}`);
                      return <li key={fi}>{f.label}: <strong>{fmt(live?.value ?? null, 2, '–')}</strong>{live?.period ? ` (${live.period})` : ''}{live?.note ? ` – ${live.note}` : ''}</li>;
                    })}
                  </ul>
                )}
              </>
            )}
          </div>
        ))}
        {editing && <button type="button" id={fieldId('challenges')} className="button button-secondary" onClick={() => edit((x) => void x.challenges.push({ title: '', text: '', figures: [] }))}>Tilføj udfordring</button>}
      </Section>

      <Section id="s-citizen" title="Den borgerrettede indsats">
        <Text id="citizen.strategy" label="Strategi for den borgerrettede indsats" value={c.citizen.strategy} editing={editing} onChange={(v) => edit((x) => void (x.citizen.strategy = v))} />
        <h3 className="h4">Mål</h3>
        <TargetList base="citizen.targets" targets={c.citizen.targets} saved={saved.citizen.targets} view={view} editing={editing} area={area} edit={(f) => edit((x) => f(x.citizen.targets))} />
      </Section>

      <Section id="s-business" title="Den virksomhedsrettede indsats">
        <Text id="business.strategy" label="Strategi for den virksomhedsrettede indsats" value={c.business.strategy} editing={editing} onChange={(v) => edit((x) => void (x.business.strategy = v))} />
        <h3 className="h4">Mål</h3>
        <TargetList base="business.targets" targets={c.business.targets} saved={saved.business.targets} view={view} editing={editing} area={area} edit={(f) => edit((x) => f(x.business.targets))} />
        <Text id="business.council_grants" label="LBR’s plan for LBR-midlerne" value={c.business.council_grants} editing={editing} onChange={(v) => edit((x) => void (x.business.council_grants = v))} />
      </Section>

      <Section id="s-other" title="Andre aktører">
        {editing ? (
          <NumberField id={fieldId('other_actors.share_pct')} label="Andel af indsatsen, der forventes varetaget af andre aktører (pct.)" value={c.other_actors.share_pct} onChange={(v) => edit((x) => void (x.other_actors.share_pct = v))} />
        ) : (
          <p>Andel af indsatsen, der forventes varetaget af andre aktører: <strong>{c.other_actors.share_pct === null ? 'ikke angivet' : `${fmt(c.other_actors.share_pct, 0)} %`}</strong></p>
        )}
        <Text id="other_actors.strategy" label="Strategi for brugen af andre aktører" value={c.other_actors.strategy} editing={editing} onChange={(v) => edit((x) => void (x.other_actors.strategy = v))} />
      </Section>

      <Section id="s-local" title="Lokale mål">
        {c.local_goals.length === 0 && !editing && <p className="doc-empty">Ingen lokale mål.</p>}
        {c.local_goals.map((g, i) => (
          <div key={i} className="doc-subsection">
            {editing ? (
              <fieldset>
                <legend className="h4">Lokalt mål {i + 1}</legend>
                <Field id={fieldId(`local_goals.${i}.title`)} label="Overskrift" value={g.title} onChange={(v) => edit((x) => void (x.local_goals[i]!.title = v))} />
                <TextArea id={fieldId(`local_goals.${i}.strategy`)} label="Strategi" value={g.strategy} onChange={(v) => edit((x) => void (x.local_goals[i]!.strategy = v))} />
                <TargetList base={`local_goals.${i}.targets`} targets={g.targets} saved={saved.local_goals[i]?.targets} view={view} editing area={area} edit={(f) => edit((x) => f(x.local_goals[i]!.targets))} />
                <p><button type="button" className="button button-tertiary" onClick={() => edit((x) => void x.local_goals.splice(i, 1))}>Fjern det lokale mål<span className="sr-only"> {g.title}</span></button></p>
              </fieldset>
            ) : (
              <>
                <h3>{g.title}</h3>
                <Text id={`local_goals.${i}.strategy`} label="Strategi" value={g.strategy} editing={false} onChange={() => undefined} />
                <TargetList base={`local_goals.${i}.targets`} targets={g.targets} saved={saved.local_goals[i]?.targets} view={view} editing={false} area={area} edit={() => undefined} />
              </>
            )}
          </div>
        ))}
        {editing && <button type="button" id={fieldId('local_goals')} className="button button-secondary" onClick={() => edit((x) => void x.local_goals.push({ title: '', strategy: '', targets: [] }))}>Tilføj lokalt mål</button>}
      </Section>

      <Section id="s-budget" title="Budget">
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">Budgetlinjer i kroner</caption>
            <thead>
              <tr>
                <th scope="col">Budgetlinje</th>
                <th scope="col" className="text-align-right">Statslig del (kr.)</th>
                <th scope="col" className="text-align-right">Kommunal del (kr.)</th>
                <th scope="col" className="text-align-right">I alt (kr.)</th>
                {editing && <th scope="col"><span className="sr-only">Handling</span></th>}
              </tr>
            </thead>
            <tbody>
              {c.budget.lines.map((l, i) => (
                <tr key={i}>
                  {editing ? (
                    <>
                      <td><Field id={fieldId(`budget.lines.${i}.label`)} label={`Budgetlinje ${i + 1}: tekst`} value={l.label} onChange={(v) => edit((x) => void (x.budget.lines[i]!.label = v))} /></td>
                      <td><NumberField id={fieldId(`budget.lines.${i}.state`)} label={`Budgetlinje ${i + 1}: statslig del`} value={l.state} onChange={(v) => edit((x) => void (x.budget.lines[i]!.state = v))} /></td>
                      <td><NumberField id={fieldId(`budget.lines.${i}.municipal`)} label={`Budgetlinje ${i + 1}: kommunal del`} value={l.municipal} onChange={(v) => edit((x) => void (x.budget.lines[i]!.municipal = v))} /></td>
                    </>
                  ) : (
                    <>
                      <td>{l.label}</td>
                      <td className="text-align-right">{fmt(l.state, 0, '–')}</td>
                      <td className="text-align-right">{fmt(l.municipal, 0, '–')}</td>
                    </>
                  )}
                  <td className="text-align-right">{fmt((l.state ?? 0) + (l.municipal ?? 0), 0)}</td>
                  {editing && <td><button type="button" className="button button-tertiary" onClick={() => edit((x) => void x.budget.lines.splice(i, 1))}>Fjern<span className="sr-only"> budgetlinje {i + 1}</span></button></td>}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">I alt</th>
                <td className="text-align-right">{fmt(sumOf('state'), 0)}</td>
                <td className="text-align-right">{fmt(sumOf('municipal'), 0)}</td>
                <td className="text-align-right">{fmt(sumOf('state') + sumOf('municipal'), 0)}</td>
                {editing && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
        {editing && <p><button type="button" id={fieldId('budget.lines')} className="button button-secondary" onClick={() => edit((x) => void x.budget.lines.push({ label: '', state: null, municipal: null }))}>Tilføj budgetlinje</button></p>}
        <Text id="budget.note" label="Note til budgettet" value={c.budget.note} editing={editing} onChange={(v) => edit((x) => void (x.budget.note = v))} rows={2} />
      </Section>
    </>
  );
}

function FigureEditor({ id, n, figure, live, onChange, onRemove }: { id: string; n: number; figure: Figure; live?: DocumentView['figures'][number]; onChange: (f: Figure) => void; onRemove: () => void }) {
  return (
    <fieldset className="target-editor">
      <legend className="h5">Tal {n}</legend>
      <Field id={`${id}-label`} label="Tekst til tallet" value={figure.label} onChange={(label) => onChange({ ...figure, label })} />
      <IndicatorFields id={id} value={figure.indicator} onChange={(indicator) => onChange({ ...figure, indicator })} />
      <Field id={`${id}-period`} label="Periode" hint="Tom: den nyeste offentliggjorte periode." className="input-width-m" value={figure.period ?? ''} onChange={(p) => onChange({ ...figure, period: p.trim() === '' ? null : p.trim() })} />
      <p>
        {live ? <>Værdi: <strong>{fmt(live.value, 2, '–')}</strong>{live.period ? ` (${live.period})` : ''}{live.note ? ` – ${live.note}` : ''}</> : <span className="form-hint">Gem planen for at se tallets værdi.</span>}
      </p>
      <button type="button" className="button button-tertiary" onClick={onRemove}>Fjern tallet<span className="sr-only"> {figure.label || n}</span></button>
    </fieldset>
  );
}

function ImplementationSections({ content: c, saved, view, editing, edit }: { content: ImplementationPlanContent; saved: ImplementationPlanContent; view: DocumentView; editing: boolean; edit: Edit<ImplementationPlanContent> }) {
  return (
    <Section id="s-goals" title="Regionale mål">
      {c.goals.length === 0 && !editing && <p className="doc-empty">Ingen mål.</p>}
      {c.goals.map((g, i) => (
        <div key={i} className="doc-subsection">
          {editing ? (
            <fieldset>
              <legend className="h4">Regionalt mål {i + 1}</legend>
              <Field id={fieldId(`goals.${i}.title`)} label="Overskrift" value={g.title} onChange={(v) => edit((x) => void (x.goals[i]!.title = v))} />
              <TextArea id={fieldId(`goals.${i}.implementation`)} label="Implementeringsplan" value={g.implementation} onChange={(v) => edit((x) => void (x.goals[i]!.implementation = v))} />
              <TargetList base={`goals.${i}.targets`} targets={g.targets} saved={saved.goals[i]?.targets} view={view} editing area={view.document.area} edit={(f) => edit((x) => f(x.goals[i]!.targets))} />
              <p><button type="button" className="button button-tertiary" onClick={() => edit((x) => void x.goals.splice(i, 1))}>Fjern målet<span className="sr-only"> {g.title}</span></button></p>
            </fieldset>
          ) : (
            <>
              <h3>{g.title}</h3>
              <Text id={`goals.${i}.implementation`} label="Implementeringsplan" value={g.implementation} editing={false} onChange={() => undefined} />
              <TargetList base={`goals.${i}.targets`} targets={g.targets} saved={saved.goals[i]?.targets} view={view} editing={false} area={view.document.area} edit={() => undefined} />
            </>
          )}
        </div>
      ))}
      {editing && <button type="button" id={fieldId('goals')} className="button button-secondary" onClick={() => edit((x) => void x.goals.push({ title: '', implementation: '', targets: [] }))}>Tilføj regionalt mål</button>}
    </Section>
  );
}

const analysisLabels: [keyof AuditContent['analysis'], string][] = [
  ['summary', 'Jobcenterets sammenfatning'],
  ['results', 'Analyse af resultaterne'],
  ['goals', 'Analyse af ministermålene'],
  ['improvements', 'Opfølgning og forbedringer'],
];

function AuditSections({ content: c, generated, editing, busy, onRegenerate, edit }: { content: AuditContent; generated: AuditContent['generated']; editing: boolean; busy: boolean; onRegenerate: () => void; edit: Edit<AuditContent> }) {
  return (
    <>
      {editing && (
        <p className="d-print-none">
          <button type="button" className="button button-secondary" disabled={busy} onClick={onRegenerate}>Dan tallene igen</button>
          <span className="form-hint ml-4">Henter tallene fra den nyeste udgivelse. Teksten, I har skrevet, bevares.</span>
        </p>
      )}
      <AuditTables g={generated} />
      <Section id="s-analysis" title="Jobcenterets analyse">
        {analysisLabels.map(([k, label]) => (
          <Text key={k} id={`analysis.${k}`} label={label} value={c.analysis[k]} editing={editing} onChange={(v) => edit((x) => void (x.analysis[k] = v))} rows={5} />
        ))}
      </Section>
    </>
  );
}

const approvalOptions: { value: RulesContent['response_approval']; label: string }[] = [
  { value: 'meeting', label: 'Vedtages på et rådsmøde' },
  { value: 'chair', label: 'Godkendes af formanden' },
];

/** A council's rules of procedure: the text, the number of meetings a year and how hearing responses are adopted. */
function RulesSections({ content: c, editing, edit }: { content: RulesContent; editing: boolean; edit: Edit<RulesContent> }) {
  return (
    <Section id="s-rules" title="Forretningsorden">
      <Text id="text" label="Forretningsordenens tekst" value={c.text} editing={editing} onChange={(v) => edit((x) => void (x.text = v))} rows={14} />
      {editing ? (
        <>
          <NumberField id={fieldId('meetings_per_year')} label="Ordinære møder om året" hint="Tom: ikke fastsat." value={c.meetings_per_year} onChange={(v) => edit((x) => void (x.meetings_per_year = v === null ? null : Math.round(v)))} />
          <RadioGroup id={fieldId('response_approval')} legend="Høringssvar" hint="Hvordan rådet vedtager sine høringssvar til beskæftigelsesplanen og resultatrevisionen." value={c.response_approval} options={approvalOptions} onChange={(v) => edit((x) => void (x.response_approval = v as RulesContent['response_approval']))} />
        </>
      ) : (
        <dl className="doc-facts">
          <dt>Ordinære møder om året</dt>
          <dd>{c.meetings_per_year ?? 'Ikke fastsat'}</dd>
          <dt>Høringssvar</dt>
          <dd>{approvalOptions.find((o) => o.value === c.response_approval)?.label}</dd>
        </dl>
      )}
    </Section>
  );
}

/** The document's hearing at a glance: the deadline, each body's response, a link to the hearing page. */
function HearingPanel({ docId }: { docId: number }) {
  const [hearing, setHearing] = useState<Hearing | null>(null);
  useEffect(() => {
    // Not everyone takes part in hearings (the public, some roles): then there is no panel.
    api<{ hearing: Hearing | null }>(`/api/documents/${docId}/hearing`).then((r) => setHearing(r.hearing), () => setHearing(null));
  }, [docId]);
  if (!hearing) return null;
  return (
    <section aria-labelledby="hearing-heading" className="doc-hearing mb-6">
      <h2 id="hearing-heading" className="h3">Høring</h2>
      <p>
        Version {hearing.revision} {hearing.closed_at ? `var i høring med frist ${day(hearing.deadline)}; høringen er afsluttet.` : hearing.ended ? `var i høring med frist ${day(hearing.deadline)}; fristen er udløbet.` : `er i høring til og med ${day(hearing.deadline)}.`}
        {hearing.require_all && ' Alle høringssvar kræves før godkendelsen.'}
        {!hearing.closed_at && hearing.bodies.every((b) => b.state === 'adopted') && ' Alle høringsparter har vedtaget deres svar, så dokumentet kan godkendes nu.'}
      </p>
      <ul className="nobullet-list">
        {hearing.bodies.map((b) => (
          <li key={b.code}>
            {b.name}: <span className={responseClass(b.state)}>{b.state_name}</span>
            {b.late && <> <span className="badge badge-warning">Modtaget efter fristen</span></>}
          </li>
        ))}
      </ul>
      <p><Link to={`/dokumenter/${docId}/hoering`} className="button button-secondary">Gå til høringen</Link></p>
    </section>
  );
}

function CommentsSection({ view, role, onSaved }: { view: DocumentView; role: string | null; onSaved: (revision: number) => Promise<void> }) {
  const comments = (view.document.content as { comments?: { lbr: string; region: string } }).comments ?? { lbr: '', region: '' };
  const mine: ('lbr' | 'region')[] = !view.may_comment ? [] : role === 'council_member' ? ['lbr'] : role === 'regional_monitor' ? ['region'] : ['lbr', 'region'];
  const names = { lbr: 'Det lokale beskæftigelsesråds (LBR’s) bemærkninger', region: 'Beskæftigelsesregionens bemærkninger' };
  return (
    <Section id="s-comments" title="Bemærkninger">
      {view.hearing_runs && (
        <p>
          Dokumentet er i høring. LBR og beskæftigelsesregionen giver deres bemærkninger som høringssvar på <Link to={`/dokumenter/${view.document.id}/hoering`}>høringssiden</Link>; hvert vedtaget svar føjes til her.
        </p>
      )}
      {(['lbr', 'region'] as const).map((who) =>
        mine.includes(who) ? (
          <CommentForm key={`${who}-${view.document.revision}`} who={who} label={names[who]} initial={comments[who]} docId={view.document.id} revision={view.document.revision} onSaved={onSaved} />
        ) : (
          <div key={who} className="doc-text">
            <h3 className="h4">{names[who]}</h3>
            {comments[who].trim() === '' ? <p className="doc-empty">{view.hearing_runs ? 'Intet vedtaget høringssvar endnu.' : 'Ingen bemærkninger.'}</p> : comments[who].trim().split(/\n\s*\n/).map((p, i) => <p key={i} className="doc-paragraph">{p}</p>)}
          </div>
        ),
      )}
    </Section>
  );
}

function CommentForm({ who, label, initial, docId, revision, onSaved }: { who: 'lbr' | 'region'; label: string; initial: string; docId: number; revision: number; onSaved: (revision: number) => Promise<void> }) {
  const [text, setText] = useState(initial);
  const { busy, error, run } = useAction();
  return (
    <form
      noValidate
      className="mb-6"
      onSubmit={(e) => {
        e.preventDefault();
        void run('Gemmer …', async () => {
          const s = await api<DocumentSummary>(`/api/documents/${docId}/comments`, { method: 'PUT', body: { revision, who, text } });
          await onSaved(s.revision);
        });
      }}
    >
      {error && <Alert kind="error" heading="Bemærkningerne blev ikke gemt">{error.message}</Alert>}
      <TextArea id={`comment-${who}`} label={label} value={text} onChange={setText} />
      <button type="submit" className="button button-secondary" disabled={busy !== null}>{busy !== null ? 'Gemmer …' : 'Gem bemærkninger'}</button>
    </form>
  );
}

function Versions({ docId, current }: { docId: number; current: number }) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [from, setFrom] = useState(String(Math.max(1, current - 1)));
  const [to, setTo] = useState(String(current));
  const [diff, setDiff] = useState<Diff | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    api<Version[]>(`/api/documents/${docId}/versions`).then(setVersions, (e: unknown) => setError(toError(e)));
  }, [docId]);
  const compare = (e: FormEvent) => {
    e.preventDefault();
    void run('Sammenligner …', async () => {
      setDiff(await api<Diff>(`/api/documents/${docId}/diff?from=${from}&to=${to}`));
    });
  };
  const options = (versions ?? []).map((v) => <option key={v.revision} value={v.revision}>Version {v.revision}: {v.event_name}</option>);
  return (
    <Section id="s-versions" title="Versioner">
      {error && <Alert kind="error">{error.message}</Alert>}
      {!versions && !error && <p>Henter versionerne …</p>}
      {versions && (
        <>
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption className="sr-only">Dokumentets versioner, nyeste først</caption>
              <thead><tr><th scope="col">Version</th><th scope="col">Hændelse</th><th scope="col">Tilstand</th><th scope="col">Af</th><th scope="col">Tidspunkt</th></tr></thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.revision}><td>{v.revision}</td><td>{v.event_name}</td><td>{({ draft: 'Kladde', in_hearing: 'I høring', approved: 'Godkendt', published: 'Offentliggjort' } as Record<string, string>)[v.state] ?? v.state}</td><td>{v.actor}</td><td>{dateTime(v.created_at)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          {versions.length > 1 && (
            <form onSubmit={compare} noValidate className="doc-compare">
              <fieldset>
                <legend className="h4">Sammenlign to versioner</legend>
                <div className="form-group">
                  <label className="form-label" htmlFor="diff-from">Fra version</label>
                  <select id="diff-from" className="form-select" value={from} onChange={(e) => setFrom(e.target.value)}>{options}</select>
                </div>
                <div className="form-group">
                  <label className="form-label" htmlFor="diff-to">Til version</label>
                  <select id="diff-to" className="form-select" value={to} onChange={(e) => setTo(e.target.value)}>{options}</select>
                </div>
                <button type="submit" className="button button-secondary" disabled={busy !== null}>{busy !== null ? 'Sammenligner …' : 'Sammenlign'}</button>
              </fieldset>
            </form>
          )}
          {diff && (
            <div className="doc-diff" aria-live="polite">
              <h3>Ændringer fra version {diff.from} til version {diff.to}</h3>
              {diff.fields.length === 0 && <p>Indholdet er det samme i de to versioner.</p>}
              {diff.fields.map((f) => (
                <div key={f.key}>
                  <h4 className="h5">{f.label}</h4>
                  <ul className="diff-lines">
                    {f.lines.map((l, i) =>
                      l.op === '+' ? <li key={i} className="diff-add"><ins><span className="sr-only">Tilføjet: </span>{l.text}</ins></li>
                        : l.op === '-' ? <li key={i} className="diff-del"><del><span className="sr-only">Fjernet: </span>{l.text}</del></li>
                          : <li key={i} className="diff-same">{l.text}</li>,
                    )}
                  </ul>
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </Section>
  );
}
