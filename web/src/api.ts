/**
 * Calls to the server's JSON API, with the session's CSRF token and Danish errors. A 401
 * (no session, or it expired) sends the user to log in and then back to the same page.
 */
import { currentPath, navigate } from './router';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The rest of the server's error (e.g. `missing` for the minimum content, `current` for a conflict). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Fired when the server no longer knows the session; the session context reloads. */
export const sessionLost = 'styr:session-lost';

let csrf: string | null = null;
export const setCsrf = (token: string | null) => {
  csrf = token;
};

export async function api<T>(path: string, opts: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Serveren kunne ikke nås. Tjek din forbindelse, og prøv igen.');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } & Record<string, unknown> } | null;
  if (res.status === 401 && path !== '/api/session' && window.location.pathname !== '/login') {
    window.dispatchEvent(new Event(sessionLost));
    navigate(`/login?next=${encodeURIComponent(currentPath())}`, { replace: true });
  }
  if (!res.ok) {
    throw new ApiError(res.status, data?.error?.code ?? 'http', data?.error?.message ?? `Serveren svarede med fejl ${res.status}. Prøv igen om lidt.`, data?.error?.field, data?.error ?? {});
  }
  return data as T;
}
