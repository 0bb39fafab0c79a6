/** DKFDS form parts with accessible errors. */
import type { ApiError } from './api';

export function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  autoComplete?: string;
  hint?: string;
  error?: string;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={props.id}>{props.label}</label>
      {props.hint && <span className="form-hint" id={`${props.id}-hint`}>{props.hint}</span>}
      {props.error && <span className="form-error-message" id={`${props.id}-error`}><span className="sr-only">Fejl: </span>{props.error}</span>}
      <input
        className="form-input"
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export function ErrorSummary({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-heading">Det lykkedes ikke</p>
        <p className="alert-text">{error.message}</p>
      </div>
    </div>
  );
}
