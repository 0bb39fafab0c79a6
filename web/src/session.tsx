/** The logged-in user (or none), their permissions and the CSRF token, from /api/session. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrf } from './api';

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
  loaded: boolean;
}

interface SessionApi extends SessionState {
  refresh: () => Promise<void>;
  apply: (s: { user: SessionUser | null; csrf_token: string | null; permissions: Record<string, string> }) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ user: null, permissions: {}, loaded: false });
  const apply = useCallback((s: { user: SessionUser | null; csrf_token: string | null; permissions: Record<string, string> }) => {
    setCsrf(s.csrf_token);
    setState({ user: s.user, permissions: s.permissions, loaded: true });
  }, []);
  const refresh = useCallback(async () => apply(await api('/api/session')), [apply]);
  const logout = useCallback(async () => {
    await api('/api/session', { method: 'DELETE' });
    await refresh();
  }, [refresh]);
  useEffect(() => {
    refresh().catch(() => setState((s) => ({ ...s, loaded: true })));
  }, [refresh]);
  return <SessionContext.Provider value={{ ...state, refresh, apply, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
