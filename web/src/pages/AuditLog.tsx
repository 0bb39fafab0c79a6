/** Ændringslog: every change, newest first (national administrator: all; regional monitor: own region). */
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { auditResponse, organisationsResponse } from '../../../src/access/shared';
import { api, ApiError } from '../api';
import { actionName, changeText, type OrgNames } from '../auditText';
import { dateTime } from '../format';
import { ErrorSummary } from '../forms';
import { Layout } from '../Layout';
import { useSession } from '../session';

type Entry = z.output<typeof auditResponse>[number];

const PAGE = 50;

export function AuditLog() {
  const session = useSession();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [orgs, setOrgs] = useState<OrgNames>(new Map());

  const load = useCallback(async (before?: number) => {
    try {
      const page = await api(`/api/audit?limit=${PAGE}${before ? `&before=${before}` : ''}`, auditResponse);
      setEntries((e) => (before ? [...e, ...page] : page));
      setMore(page.length === PAGE);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }, []);
  useEffect(() => {
    if (!session.loaded) return;
    void load();
    // Names for the organisation codes in the entries' details.
    api('/api/organisations', organisationsResponse).then((list) => setOrgs(new Map(list.map((o) => [o.code, o.name]))), () => undefined);
  }, [session.loaded, load]);

  return (
    <Layout title="Ændringslog">
      <h1>Ændringslog</h1>
      <p>Alle ændringer af brugere og dokumenter, med hvem og hvornår. Loggen kan ikke ændres eller slettes.</p>
      <ErrorSummary error={error} />
      {entries.length > 0 && (
        <table className="table table--compact">
          <caption className="sr-only">Ændringer, nyeste først</caption>
          <thead>
            <tr><th scope="col">Tidspunkt</th><th scope="col">Hvem</th><th scope="col">Handling</th><th scope="col">Ændring</th><th scope="col">Organisation</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{dateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>{actionName(e)}</td>
                <td>
                  {changeText(e, orgs)}
                  {/* The stored entry as it is, for support (the text above is what people read). */}
                  {Object.keys(e.details).length > 0 && (
                    <details className="audit-raw">
                      <summary>Tekniske detaljer<span className="sr-only"> for ændringen {dateTime(e.at)}</span></summary>
                      <pre>{JSON.stringify(e.details, null, 1)}</pre>
                    </details>
                  )}
                </td>
                <td>{e.organisation_name ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length === 0 && !error && <p>Ingen ændringer endnu.</p>}
      {more && <button type="button" className="button button-secondary" onClick={() => void load(entries.at(-1)?.id)}>Vis ældre</button>}
    </Layout>
  );
}
