import type { LineOutcome, SaleLine, SendBatch } from './sale-queue';

/** The person signed in, as the backend-for-frontend tells (GET /api/session). */
export interface Session {
  username: string;
  name: string;
  role: string;
  scope: string | null;
  csrfToken: string;
  expiresAt: string;
}

/** A service's error answer: {statusCode, code, message, details}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** No answer at all: the device is offline or the console is unreachable. */
export class OfflineError extends Error {}

const SESSION_KEY = 'titipan.session';
let csrfToken = '';

export function signIn(): never {
  location.assign(`/auth/login?returnTo=${encodeURIComponent(location.pathname + location.search)}`);
  throw new Error('redirecting to sign-in');
}

/**
 * The session; offline, the last one this device saw (so the till opens and queues sales without a
 * connection). Signed out: to the sign-in page.
 */
export async function loadSession(): Promise<Session> {
  try {
    const session = await call<Session>('GET', '/api/session');
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    csrfToken = session.csrfToken;
    return session;
  } catch (error) {
    if (error instanceof OfflineError) {
      const kept = localStorage.getItem(SESSION_KEY);
      if (kept) {
        const session = JSON.parse(kept) as Session;
        csrfToken = session.csrfToken;
        return session;
      }
    }
    throw error;
  }
}

export function forgetSession(): void {
  localStorage.removeItem(SESSION_KEY);
}

/** One call to the console's own origin; writes carry the session's CSRF token. A 401 sends the browser to sign in. */
export async function call<T>(method: string, path: string, body?: unknown, options: { redirectOn401?: boolean } = {}): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new OfflineError('offline');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new OfflineError('unreachable');
  }
  const json = (await response.json().catch(() => undefined)) as
    { code?: string; message?: string; details?: Record<string, unknown> } | undefined;
  if (response.status === 401 && options.redirectOn401 !== false) signIn();
  if (!response.ok) {
    throw new ApiError(response.status, json?.code ?? `HTTP_${response.status}`, json?.message ?? response.statusText, json?.details ?? {});
  }
  return json as T;
}

/** Every page of a list (the services answer {items, total} pages of up to 200). */
export async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += 200) {
    const page = await call<{ items: T[]; total: number }>('GET', `${path}${sep}limit=200&offset=${offset}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

/** The sale queue's sender: POST /sales/batches, with what the queue needs to know about a failure. */
export const sendSales: SendBatch = async (lines: SaleLine[]) => {
  try {
    return await call<{ lines: LineOutcome[] }>('POST', '/api/consignment/sales/batches', { lines }, { redirectOn401: false });
  } catch (error) {
    if (error instanceof OfflineError) return { kind: 'retry', reason: 'offline' };
    if (error instanceof ApiError) {
      if (error.status === 401) return { kind: 'signed-out' };
      if (error.status >= 500 || error.status === 429 || error.status === 408) return { kind: 'retry', reason: error.code };
      return { kind: 'rejected', code: error.code, message: error.message, details: error.details };
    }
    return { kind: 'retry', reason: String(error) };
  }
};

export async function signOut(): Promise<void> {
  const { logoutUrl } = await call<{ logoutUrl: string }>('POST', '/auth/logout');
  forgetSession();
  location.assign(logoutUrl);
}

/** The session loadSession last saw (it keeps it before the app renders): who the pages are for. */
export function currentSession(): Session | undefined {
  const kept = localStorage.getItem(SESSION_KEY);
  return kept ? (JSON.parse(kept) as Session) : undefined;
}
