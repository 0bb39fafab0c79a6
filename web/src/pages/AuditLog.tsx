/** Ændringslog: every change, newest first (national administrator: all; regional monitor: own region). */
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../src/access/audit';
import { api, ApiError } from '../api';
import { ErrorSummary } from '../forms';
import { Layout } from '../Layout';
import { useSession } from '../session';

/** An audit entry as JSON: its time a string. */
type Entry = Omit<AuditEntry, 'at'> & { at: string };

const actions: Record<string, string> = {
  'user.invite': 'Inviterede en bruger',
  'user.update': 'Ændrede en bruger',
  'user.accept_invitation': 'Tog sin invitation i brug',
  'user.set_password': 'Satte en adgangskode',
};
const PAGE = 50;

export function AuditLog() {
  const session = useSession();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async (before?: number) => {
    try {
      const page = await api<Entry[]>(`/api/audit?limit=${PAGE}${before ? `&before=${before}` : ''}`);
      setEntries((e) => (before ? [...e, ...page] : page));
      setMore(page.length === PAGE);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }, []);
  useEffect(() => {
    if (session.loaded) void load();
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
            <tr><th scope="col">Tidspunkt</th><th scope="col">Hvem</th><th scope="col">Handling</th><th scope="col">Organisation</th><th scope="col">Detaljer</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString('da-DK')}</td>
                <td>{e.actor}</td>
                <td>{actions[e.action] ?? e.action}</td>
                <td>{e.organisation ?? ''}</td>
                <td><code>{Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ''}</code></td>
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
