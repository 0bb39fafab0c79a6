/** Accepting an invitation: choose a password, then logged in. */
import { useState, type FormEvent } from 'react';
import { sessionResponse } from '../../../src/access/shared';
import { api, ApiError } from '../api';
import { ErrorSummary, Field } from '../forms';
import { Layout } from '../Layout';
import { navigate } from '../router';
import { useSession } from '../session';

export function Invitation({ token }: { token: string }) {
  const session = useSession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) {
      setError(new ApiError(400, 'mismatch', 'De to adgangskoder er ikke ens.', 'repeat'));
      return;
    }
    try {
      session.apply(await api(`/api/invitations/${encodeURIComponent(token)}`, sessionResponse, { method: 'POST', body: { password } }));
      navigate('/', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  };

  return (
    <Layout title="Vælg adgangskode">
      <h1>Velkommen til Styringshjulet</h1>
      <p>Du er inviteret. Vælg en adgangskode på mindst 10 tegn for at tage din bruger i brug.</p>
      <ErrorSummary error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="password" label="Adgangskode" type="password" autoComplete="new-password" hint="Mindst 10 tegn." value={password} onChange={setPassword} error={error?.field === 'password' ? error.message : undefined} />
        <Field id="repeat" label="Gentag adgangskoden" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} error={error?.field === 'repeat' ? error.message : undefined} />
        <button type="submit" className="button button-primary">Gem og log ind</button>
      </form>
    </Layout>
  );
}
