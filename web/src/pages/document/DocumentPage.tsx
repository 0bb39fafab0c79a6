/**
 * A steering document (/dokumenter/:id): its state, version and approval, the state changes
 * the user may make, the minimum-content check, the kind's editor (kinds/, driven by the
 * kind's sections list) or the read-only view, the comments, and the versions with a
 * comparison of two. A save and a state change name the revision they were based on; when
 * someone else changed the document in between, the server refuses it and the form keeps what
 * the user wrote.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { documentSummarySchema, documentViewResponse } from '../../../../src/documents/shared';
import { api, ApiError, send } from '../../api';
import { dateTime, kindSpec, stateClass, type DocumentView, type Transition } from '../../documents';
import { day } from '../../councils';
import { Alert, toError, useAction } from '../../forms';
import { Layout } from '../../Layout';
import { Link } from '../../router';
import { useSession } from '../../session';
import { Check, ErrorBox } from './Check';
import { CommentsSection } from './Comments';
import { same } from './fields';
import { HearingPanel } from './HearingPanel';
import { editorFor, panelFor } from './kinds';
import { Transitions, type HearingOptions } from './Transitions';
import { Versions } from './Versions';

export function DocumentPage({ id }: { id: string }) {
  const session = useSession();
  const [view, setView] = useState<DocumentView | null>(null);
  const [draft, setDraft] = useState<unknown>(null);
  /** The revision the form's contents are based on. */
  const [base, setBase] = useState<number | null>(null);
  // The same, read at once by a transition that follows a save.
  const baseRef = useRef<number | null>(null);
  baseRef.current = base;
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, notice, setError, setNotice, run } = useAction();
  const [versionsKey, setVersionsKey] = useState(0);

  /** Reads the document; `keepForm` leaves what the user is writing alone. */
  const load = useCallback(
    async (keepForm = false) => {
      try {
        const v = await api(`/api/documents/${encodeURIComponent(id)}`, documentViewResponse);
        setView(v);
        setVersionsKey((k) => k + 1);
        if (!keepForm) {
          setDraft(structuredClone(v.document.content));
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

  if (!view || draft === null) {
    return (
      <Layout title="Dokument">
        <p className="mb-2"><Link to="/dokumenter">Styringsdokumenter</Link></p>
        <h1>Dokument</h1>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <p role="status">Henter dokumentet …</p>}
      </Layout>
    );
  }

  const doc = view.document;
  const spec = kindSpec(doc.kind);
  const editing = view.may_edit && doc.state === 'draft';
  // Comments are saved on their own, and a generated part is the platform's: neither makes the form dirty.
  const humanPart = (c: unknown) => ({ ...(c as object), comments: null, generated: null });
  const dirty = editing && !same(humanPart(draft), humanPart(doc.content));
  const edit = (f: (c: unknown) => void) =>
    setDraft((d: unknown) => {
      const c = structuredClone(d);
      f(c);
      return c;
    });

  const save = async () => {
    // The stored comments and generated part go back as they are (the server keeps its own generated part).
    const stored = doc.content as { comments?: unknown; generated?: unknown };
    const content = { ...(draft as object), ...('comments' in stored ? { comments: stored.comments } : {}), ...('generated' in stored ? { generated: stored.generated } : {}) };
    // The kind's own schema checks the form first, with the server's words, so a slip is named before the round trip.
    const checked = (spec.edit?.schema ?? spec.schema).safeParse(content);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path.join('.');
      setError(new ApiError(400, 'invalid_field', `Indholdet, feltet ${field}: ${issue.message}.`, field));
      return false;
    }
    return run('Gemmer …', async () => {
      const s = await api(`/api/documents/${doc.id}`, documentSummarySchema, { method: 'PUT', body: { revision: base, content } });
      baseRef.current = s.revision;
      await load();
      return `Gemt som version ${s.revision}.`;
    });
  };

  const doTransition = async (action: Transition, approval?: { date: string; decision: string }, hearing?: HearingOptions) => {
    if (dirty && !(await save())) return;
    const label = view.transitions.find((t) => t.id === action)?.label ?? action;
    await run(`${label} …`, async () => {
      // The revision the user saw (or just saved): changed by someone else since, it is refused (409).
      const s = await api(`/api/documents/${doc.id}/transitions`, documentSummarySchema, { method: 'POST', body: { revision: baseRef.current, action, ...(approval ? { approval } : {}), ...(hearing ? { hearing } : {}) } });
      await load();
      return `${label}: dokumentet er nu version ${s.revision}.`;
    });
  };

  const regenerate = () =>
    run('Danner tallene igen fra statistikken … Det kan tage et øjeblik.', async () => {
      await send(`/api/documents/${doc.id}/regenerate`, { method: 'POST', body: { revision: base } });
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
      {doc.approval && <p>{spec.approvedBy?.done ?? 'Godkendt af kommunalbestyrelsen'} {day(doc.approval.date)}: {doc.approval.decision}</p>}
      <p className="d-print-none">
        <a className="button button-secondary" href={`/api/documents/${doc.id}/pdf`} download>Hent PDF</a>{' '}
        <a className="button button-secondary" href={`/api/documents/${doc.id}/html`}>Vis som HTML</a>
      </p>

      <ErrorBox error={error} editing={editing} onReload={() => void load().then(() => setError(null))} />
      {notice && <Alert kind="success">{notice}</Alert>}
      {busy && <p role="status" className="doc-progress"><span className="doc-spinner" aria-hidden="true" /> {busy}</p>}

      {session.user && spec.hearing && <HearingPanel key={`hearing-${versionsKey}`} docId={doc.id} />}

      {view.may_edit && <Transitions view={view} busy={busy !== null} dirty={dirty} onTransition={(a, approval, hearing) => void doTransition(a, approval, hearing)} />}

      {doc.state === 'draft' && (view.check.missing.length > 0 || view.check.notes.length > 0) && <Check view={view} editing={editing} />}

      <form onSubmit={onSubmit} noValidate aria-label="Dokumentets indhold">
        {editorFor(doc.kind)({ content: draft, saved: doc.content, view, editing, edit, busy: busy !== null, onRegenerate: () => void regenerate() })}
        {editing && (
          <div className="doc-savebar d-print-none">
            <button type="submit" className="button button-primary" disabled={busy !== null}>{busy === 'Gemmer …' ? 'Gemmer …' : 'Gem'}</button>
            <span className="ml-4">{dirty ? 'Du har ændringer, der ikke er gemt.' : 'Alt er gemt.'}</span>
          </div>
        )}
      </form>
      {panelFor(doc.kind, view)}

      {spec.comments && <CommentsSection view={view} role={session.user?.role ?? null} onSaved={async (rev) => {
        await load(true);
        setBase((b) => (b === rev - 1 ? rev : b));
        setNotice(`Bemærkningerne er gemt (version ${rev}).`);
      }} />}

      <Versions key={versionsKey} docId={doc.id} current={doc.revision} />
    </Layout>
  );
}

