import type { CookieOptions, Request, Response } from 'express';

/** The console's session cookie: the session id only (256 random bits); the tokens stay on the server. */
export const SESSION_COOKIE = 'titipan_console';

/** Binds a sign-in attempt to the browser that started it (login CSRF): the callback must come with it. */
export const LOGIN_COOKIE = 'titipan_console_login';

/**
 * HttpOnly: no script reads it. Secure: sent over https only (browsers treat http://localhost and 127.0.0.1 as
 * secure, so local development works). SameSite=Lax: sent on top-level navigation from other sites (so a link
 * into the console keeps the person signed in) but not on their cross-site POSTs, images or fetches.
 */
export const sessionCookieOptions = (maxAgeMs: number): CookieOptions => ({
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
  path: '/',
  maxAge: maxAgeMs,
});

/** The login attempt's cookie: only the callback needs it, for the attempt's ten minutes. */
export const loginCookieOptions = (maxAgeMs: number): CookieOptions => ({
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
  path: '/auth/',
  maxAge: maxAgeMs,
});

export function cookieOf(req: Request, name: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function clearCookie(res: Response, name: string, options: CookieOptions): void {
  res.clearCookie(name, options); // Express 5 drops maxAge and sets an expiry in the past
}
