/** DKFDS form parts with accessible errors. */
import type { ReactNode } from 'react';
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

export function ErrorSummary({ error }: { error: ApiError | null }) {
  return error ? <Alert kind="error" heading="Det lykkedes ikke">{error.message}</Alert> : null;
}
