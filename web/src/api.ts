/**
 * Calls to the server's JSON API, with the session's CSRF token and Danish errors. An answer
 * is parsed with its route's response schema (the server's src/<module>/responses.ts, which
 * the server's tests hold the routes to), so what a page reads is what the schema says. A 401
 * (no session, or it expired) sends the user to log in and then back to the same page.
 */
import type { z } from 'zod';
import { errorResponse } from '../../src/server/shared';
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

interface Options {
  method?: string;
  body?: unknown;
}

/** The server's answer when it is a success; its error as an ApiError otherwise. */
async function request(path: string, opts: Options): Promise<Response> {
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
  if (res.status === 401 && path !== '/api/session' && window.location.pathname !== '/login') {
    window.dispatchEvent(new Event(sessionLost));
    navigate(`/login?next=${encodeURIComponent(currentPath())}`, { replace: true });
  }
  if (!res.ok) {
    const parsed = errorResponse.safeParse(await res.json().catch(() => null));
    const error = parsed.success ? parsed.data.error : undefined;
    throw new ApiError(res.status, error?.code ?? 'http', error?.message ?? `Serveren svarede med fejl ${res.status}. Prøv igen om lidt.`, error?.field, error ?? {});
  }
  return res;
}

/** The answer to `path`, parsed with its response schema. */
export async function api<S extends z.ZodType>(path: string, schema: S, opts: Options = {}): Promise<z.output<S>> {
  const res = await request(path, opts);
  const parsed = schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) {
    console.error(`Svaret på ${opts.method ?? 'GET'} ${path} passer ikke til skemaet:`, parsed.error.issues);
    throw new ApiError(res.status, 'bad_response', 'Serverens svar kunne ikke læses. Genindlæs siden, og prøv igen.');
  }
  return parsed.data;
}

/** A chosen file's content as base64 (what the upload routes take). */
export function readBase64(file: File): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('Filen kunne ikke læses.'));
    r.readAsDataURL(file);
  });
}

/** A call whose answer the page does not read (204 No Content, or a body it has no use for). */
export async function send(path: string, opts: Options = {}): Promise<void> {
  await request(path, opts);
}
