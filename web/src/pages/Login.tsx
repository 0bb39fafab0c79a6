/** Log ind: e-mail and password; back to the page the user came from (`next`). */
import { useState, type FormEvent } from 'react';
import { sessionResponse } from '../../../src/access/shared';
import { api } from '../api';
import { Layout } from '../Layout';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Alert, ErrorSummary, Field, useAction } from '../forms';

/** Only paths on this site (no open redirect). */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

const oidcErrors: Record<string, string> = {
  oidc: 'Login hos identitetsudbyderen lykkedes ikke. Prøv igen.',
  oidc_ukendt: 'Du er logget ind hos identitetsudbyderen, men har ingen bruger i Styringshjulet. Bed din administrator om en invitation.',
  oidc_udloebet: 'Login tog for lang tid eller blev afbrudt. Prøv igen.',
  oidc_utilgaengelig: 'Identitetsudbyderen kan ikke nås lige nu. Log ind med e-mail og adgangskode, eller prøv igen senere.',
};

export function Login() {
  const session = useSession();
  const params = useLocation().searchParams;
  const next = safeNext(params.get('next'));
  const oidcError = oidcErrors[params.get('fejl') ?? ''];
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Logger ind …', async () => {
      session.apply(await api('/api/session', sessionResponse, { method: 'POST', body: { email, password } }));
      navigate(next, { replace: true });
    });
  };

  return (
    <Layout title="Log ind">
      <h1>Log ind</h1>
      {next !== '/' && <p>Log ind for at fortsætte. Du kommer tilbage til siden bagefter.</p>}
      {oidcError && <Alert kind="error" heading="Det lykkedes ikke">{oidcError}</Alert>}
      <ErrorSummary error={error} />
      {session.oidc && (
        <p>
          <a className="button button-primary" href={`${session.oidc.login}?next=${encodeURIComponent(next)}`}>{session.oidc.label}</a>
        </p>
      )}
      {session.oidc && <h2 className="h3">Eller med e-mail og adgangskode</h2>}
      <form onSubmit={submit} noValidate>
        <Field id="email" label="E-mail" type="email" autoComplete="username" value={email} onChange={setEmail} error={error?.field === 'email' ? error.message : undefined} />
        <Field id="password" label="Adgangskode" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={error?.field === 'password' ? error.message : undefined} />
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy !== null ? 'Logger ind …' : 'Log ind'}
        </button>
      </form>
    </Layout>
  );
}
