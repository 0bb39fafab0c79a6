/** The logged-in user (or none), their permissions and the CSRF token, from /api/session. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { sessionResponse } from '../../src/access/shared';
import { api, send, sessionLost, setCsrf } from './api';

type SessionBody = z.output<typeof sessionResponse>;
export type SessionUser = NonNullable<SessionBody['user']>;

interface SessionState {
  user: SessionUser | null;
  permissions: SessionBody['permissions'];
  /** Login through an identity provider, when the server has one. */
  oidc: SessionBody['oidc'];
  loaded: boolean;
}

interface SessionApi extends SessionState {
  refresh: () => Promise<void>;
  apply: (s: SessionBody) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ user: null, permissions: {}, oidc: null, loaded: false });
  const apply = useCallback((s: SessionBody) => {
    setCsrf(s.csrf_token);
    setState({ user: s.user, permissions: s.permissions, oidc: s.oidc, loaded: true });
  }, []);
  const refresh = useCallback(async () => apply(await api('/api/session', sessionResponse)), [apply]);
  const logout = useCallback(async () => {
    await send('/api/session', { method: 'DELETE' });
    await refresh();
  }, [refresh]);
  useEffect(() => {
    const load = () => void refresh().catch(() => setState((s) => ({ ...s, loaded: true })));
    load();
    window.addEventListener(sessionLost, load);
    return () => window.removeEventListener(sessionLost, load);
  }, [refresh]);
  return <SessionContext.Provider value={{ ...state, refresh, apply, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
