/** Users and roles: the list (national administrator: all; regional monitor: own region), invitations and role changes. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { invitedResponse, organisationsResponse, roleNames, roles, usersResponse } from '../../../src/access/shared';
import { api, ApiError, send } from '../api';
import { Alert, ErrorSummary, Field } from '../forms';
import { Layout } from '../Layout';
import { useSession } from '../session';

type User = z.output<typeof usersResponse>[number];
type Organisation = z.output<typeof organisationsResponse>[number];

export function Users() {
  const session = useSession();
  const manage = session.permissions['users.manage'] === 'any';
  const [users, setUsers] = useState<User[] | null>(null);
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await api('/api/users', usersResponse));
      if (manage) setOrgs(await api('/api/organisations', organisationsResponse));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }, [manage]);
  useEffect(() => {
    if (session.loaded) void load();
  }, [session.loaded, load]);

  const change = async (u: User, body: Record<string, unknown>) => {
    setError(null);
    try {
      await send(`/api/users/${u.id}`, { method: 'PATCH', body: { version: u.version, ...body } });
      setNotice(`${u.email} er opdateret.`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
    await load();
  };

  return (
    <Layout title="Brugere">
      <h1>Brugere</h1>
      <ErrorSummary error={error} />
      {notice && <Alert kind="success">{notice}</Alert>}
      {manage && <Invite orgs={orgs} onInvited={(msg) => { setNotice(msg); void load(); }} />}
      {users && (
        <table className="table table--compact">
          <caption>{users.length} brugere</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">E-mail</th>
              <th scope="col">Organisation</th>
              <th scope="col">Rolle</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.organisation.name}</td>
                <td>
                  {manage ? (
                    <select className="form-select" aria-label={`Rolle for ${u.name}`} value={u.role} onChange={(e) => void change(u, { role: e.target.value })}>
                      {roles.map((r) => <option key={r} value={r}>{roleNames[r]}</option>)}
                    </select>
                  ) : (
                    roleNames[u.role]
                  )}
                </td>
                <td>
                  {u.disabled ? 'Deaktiveret' : u.active ? 'Aktiv' : 'Inviteret'}
                  {manage && (
                    <>
                      {' '}
                      <button type="button" className="button button-tertiary" onClick={() => void change(u, { disabled: !u.disabled })}>
                        {u.disabled ? 'Aktivér' : 'Deaktivér'}<span className="sr-only"> {u.name}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function Invite({ orgs, onInvited }: { orgs: Organisation[]; onInvited: (msg: string) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState<string>('jobcenter_reader');
  const [error, setError] = useState<ApiError | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api('/api/users', invitedResponse, { method: 'POST', body: { email, name, organisation, role } });
      setLink(r.mailed ? null : r.invitation_url);
      setEmail('');
      setName('');
      onInvited(r.mailed ? `${r.user.email} er inviteret og har fået en mail med et link.` : `${r.user.email} er inviteret.`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  };

  return (
    <details className="details mb-6">
      <summary className="details-summary">Invitér en bruger</summary>
      <div className="details-text">
        <ErrorSummary error={error} />
        {link && (
          <p>
            Send dette link til brugeren (gyldigt i 14 dage): <code>{link}</code>
          </p>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field id="invite-email" label="E-mail" type="email" value={email} onChange={setEmail} error={error?.field === 'email' ? error.message : undefined} />
          <Field id="invite-name" label="Navn" value={name} onChange={setName} error={error?.field === 'name' ? error.message : undefined} />
          <div className={`form-group${error?.field === 'organisation' ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="invite-org">Organisation</label>
            <select className="form-select" id="invite-org" value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
              <option value="">Vælg organisation</option>
              {orgs.map((o) => <option key={o.code} value={o.code}>{o.name} ({o.code})</option>)}
            </select>
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="invite-role">Rolle</label>
            <select className="form-select" id="invite-role" value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => <option key={r} value={r}>{roleNames[r]}</option>)}
            </select>
          </div>
          <button type="submit" className="button button-primary">Invitér</button>
        </form>
      </div>
    </details>
  );
}
