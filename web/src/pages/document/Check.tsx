/** The error summary (a conflict offers the newest version; missing content links to its fields) and the minimum-content check. */
import { useEffect, useRef } from 'react';
import type { ApiError } from '../../api';
import { fieldId, focusPath, kindNames, kindSpec, type ContentIssue, type DocumentView } from '../../documents';

/** The error summary: a conflict offers the newest version; missing content links to the fields. */
export function ErrorBox({ error, editing, onReload }: { error: ApiError | null; editing: boolean; onReload: () => void }) {
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

export function Check({ view, editing }: { view: DocumentView; editing: boolean }) {
  const { missing, notes } = view.check;
  return (
    <section aria-labelledby="check-heading" className="doc-check">
      <h2 id="check-heading" className="h3">Minimumsindhold</h2>
      {missing.length > 0 ? (
        <>
          <p>Før {kindSpec(view.document.kind).hearing ? 'dokumentet kan sendes i høring' : `${kindNames[view.document.kind].toLowerCase()}en kan offentliggøres`}, mangler ({missing.length}):</p>
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
