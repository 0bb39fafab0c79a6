/** The document's versions, newest first, and the comparison of any two. */
import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { diffResponse, versionsResponse } from '../../../../src/documents/shared';
import { api } from '../../api';
import { dateTime, stateNames } from '../../documents';
import { Alert, toError, useAction } from '../../forms';
import { Section } from '../AuditTables';

type Version = z.output<typeof versionsResponse>[number];
type Diff = z.output<typeof diffResponse>;

export function Versions({ docId, current }: { docId: number; current: number }) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [from, setFrom] = useState(String(Math.max(1, current - 1)));
  const [to, setTo] = useState(String(current));
  const [diff, setDiff] = useState<Diff | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    api(`/api/documents/${docId}/versions`, versionsResponse).then(setVersions, (e: unknown) => setError(toError(e)));
  }, [docId]);
  const compare = (e: FormEvent) => {
    e.preventDefault();
    void run('Sammenligner …', async () => {
      setDiff(await api(`/api/documents/${docId}/diff?from=${from}&to=${to}`, diffResponse));
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
                  <tr key={v.revision}><td>{v.revision}</td><td>{v.event_name}</td><td>{stateNames[v.state]}</td><td>{v.actor}</td><td>{dateTime(v.created_at)}</td></tr>
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
