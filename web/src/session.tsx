/** The logged-in user (or none), their permissions and the CSRF token, from /api/session. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, sessionLost, setCsrf } from './api';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: string;
  organisation: { id: number; code: string; name: string; area: string | null };
}

interface SessionState {
  user: SessionUser | null;
  permissions: Record<string, string>;
  /** Login through an identity provider, when the server has one. */
  oidc: { label: string; login: string } | null;
  loaded: boolean;
}
type SessionBody = { user: SessionUser | null; csrf_token: string | null; permissions: Record<string, string>; oidc?: SessionState['oidc'] };

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
    setState((old) => ({ user: s.user, permissions: s.permissions, oidc: s.oidc ?? old.oidc, loaded: true }));
  }, []);
  const refresh = useCallback(async () => apply(await api<SessionBody>('/api/session')), [apply]);
  const logout = useCallback(async () => {
    await api('/api/session', { method: 'DELETE' });
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
