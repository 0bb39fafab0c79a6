/** DKFDS form parts with accessible errors, and the state of a form's action (progress, error, notice). */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from './api';

/**
 * A labelled form group with its hint and error; `children` gets the ids the control must
 * name in aria-describedby.
 */
export function FormGroup({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (describedBy: string | undefined) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>{label}</label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span className="form-error-message" id={`${id}-error`}><span className="sr-only">Fejl: </span>{error}</span>}
      {children(describedBy)}
    </div>
  );
}

export function Field(props: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string; autoComplete?: string; hint?: string; error?: string; className?: string }) {
  return (
    <FormGroup {...props}>
      {(describedBy) => (
        <input
          className={`form-input ${props.className ?? ''}`.trim()}
          id={props.id}
          name={props.id}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          value={props.value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FormGroup>
  );
}

export function TextArea(props: { id: string; label: string; value: string; onChange: (v: string) => void; hint?: string; rows?: number; error?: string }) {
  return (
    <FormGroup {...props}>
      {(describedBy) => <textarea className="form-input doc-textarea" id={props.id} name={props.id} rows={props.rows ?? 4} value={props.value} aria-describedby={describedBy} aria-invalid={props.error ? true : undefined} onChange={(e) => props.onChange(e.target.value)} />}
    </FormGroup>
  );
}

export function parseNumber(s: string): number | null {
  const t = s.trim().replace(/\s/g, '').replace(/\u2212/g, '-');
  if (t === '') return null;
  const n = Number(t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t);
  return Number.isFinite(n) ? n : null;
}
const numberText = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));

/** A number typed in Danish (comma as decimal mark); the text is kept while it is being typed. */
export function NumberField(props: { id: string; label: string; value: number | null; onChange: (v: number | null) => void; hint?: string; error?: string }) {
  const [text, setText] = useState(numberText(props.value));
  useEffect(() => {
    setText((t) => (parseNumber(t) === props.value ? t : numberText(props.value)));
  }, [props.value]);
  const bad = text.trim() !== '' && parseNumber(text) === null;
  const error = props.error ?? (bad ? 'Skriv et tal, fx 12,5.' : undefined);
  return (
    <FormGroup id={props.id} label={props.label} hint={props.hint} error={error}>
      {(describedBy) => (
        <input
          className="form-input input-width-s"
          id={props.id}
          name={props.id}
          type="text"
          inputMode="decimal"
          value={text}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            props.onChange(parseNumber(e.target.value));
          }}
        />
      )}
    </FormGroup>
  );
}

export function Select(props: { id: string; label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; hint?: string; error?: string }) {
  return (
    <FormGroup {...props}>
      {(describedBy) => (
        <select className="form-select" id={props.id} name={props.id} value={props.value} aria-describedby={describedBy} aria-invalid={props.error ? true : undefined} onChange={(e) => props.onChange(e.target.value)}>
          {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </FormGroup>
  );
}

/** A DKFDS alert: errors are announced at once (role alert), confirmations politely (role status). */
export function Alert({ kind, heading, children }: { kind: 'error' | 'success' | 'info'; heading?: string; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="alert-body">
        {heading && <p className="alert-heading">{heading}</p>}
        <p className="alert-text">{children}</p>
      </div>
    </div>
  );
}

export const toError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));

/**
 * A component's actions: `run` shows the progress text (`busy`, null when idle), clears the
 * error and the notice, and keeps the action's error; a string the action returns becomes the
 * notice. It resolves to whether the action succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = async (progress: string, action: () => Promise<string | void | null>): Promise<boolean> => {
    setBusy(progress);
    setError(null);
    setNotice(null);
    try {
      const text = await action();
      if (text) setNotice(text);
      return true;
    } catch (e) {
      setError(toError(e));
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, notice, setError, setNotice, run };
}

/** Focuses and scrolls to a field by id; false when it is not on the page. */
export function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.focus();
  el.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * The error summary of a form: takes focus when it appears, shows the server's Danish message
 * as it is, links to the field it names, and for a conflict offers the newest version.
 */
export function ErrorSummary({ error, heading, fieldId, onReload, reloadHint }: { error: ApiError | null; heading?: string; fieldId?: (field: string) => string; onReload?: () => void; reloadHint?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const id = error.field && fieldId ? fieldId(error.field) : null;
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <div className="alert-body">
        <p className="alert-heading">{heading ?? (error.code === 'conflict' ? 'Det er ændret af en anden' : 'Der er et problem')}</p>
        {id ? (
          <ul className="alert-text nobullet-list">
            <li><a href={`#${id}`} onClick={(e) => { e.preventDefault(); focusField(id); }}>{error.message}</a></li>
          </ul>
        ) : (
          <p className="alert-text">{error.message}</p>
        )}
        {error.code === 'conflict' && onReload && (
          <p className="alert-text">
            <button type="button" className="button button-secondary" onClick={onReload}>Hent den nyeste version</button>{' '}
            <span className="form-hint">{reloadHint ?? '(erstatter det, der står i formularen)'}</span>
          </p>
        )}
      </div>
    </div>
  );
}

/** The field's error from the server, when it names that field. */
export const fieldError = (error: ApiError | null, field: string) => (error?.field === field ? error.message : undefined);

/** A progress line announced politely. */
export function Progress({ text }: { text: string | null }) {
  return text ? <p role="status" className="doc-progress"><span className="doc-spinner" aria-hidden="true" /> {text}</p> : null;
}

export function Checkbox({ id, label, checked, onChange, hint }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <div className="form-group form-group-checkbox">
      <input className="form-checkbox" type="checkbox" id={id} name={id} checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
    </div>
  );
}

export function RadioGroup({ id, legend, value, options, onChange, hint, error }: { id: string; legend: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void; hint?: string; error?: string }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset id={id} tabIndex={-1} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
        <legend className="form-label">{legend}</legend>
        {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
        {error && <span className="form-error-message" id={`${id}-error`}><span className="sr-only">Fejl: </span>{error}</span>}
        {options.map((o) => (
          <div key={o.value} className="form-group-radio">
            <input className="form-radio" type="radio" id={`${id}-${o.value}`} name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
