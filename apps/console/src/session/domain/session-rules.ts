import type { ConsoleSession, SessionLimits } from './session';

/** How close to its end an access token is refreshed before it is forwarded: a service must still find it valid on arrival. */
export const REFRESH_MARGIN_MS = 30_000;

/** Whether the access token must be refreshed before use: less than the margin left (or already over). */
export function refreshNeeded(accessExpiresAt: number, now: number, marginMs = REFRESH_MARGIN_MS): boolean {
  return accessExpiresAt - now < marginMs;
}

export type SessionEnd = 'IDLE' | 'ABSOLUTE' | undefined;

/**
 * Whether a session is over: unused longer than the idle limit, or older than the absolute limit (like the
 * realm's SSO session, whose refresh tokens would be refused past the same limits anyway).
 */
export function sessionEnd(session: Pick<ConsoleSession, 'createdAt' | 'lastSeenAt'>, limits: SessionLimits, now: number): SessionEnd {
  if (now - session.createdAt >= limits.absoluteMs) return 'ABSOLUTE';
  if (now - session.lastSeenAt >= limits.idleMs) return 'IDLE';
  return undefined;
}

/** When the session ends if nothing more happens: the idle limit from now, or the absolute limit, whichever comes first. */
export function sessionExpiresAt(session: Pick<ConsoleSession, 'createdAt' | 'lastSeenAt'>, limits: SessionLimits): number {
  return Math.min(session.lastSeenAt + limits.idleMs, session.createdAt + limits.absoluteMs);
}

/**
 * What a failed refresh means. `invalid_grant` (the provider's session ended: signed out, disabled, idle or too
 * old, or the refresh token used already) ends the console's session too; anything else (the provider
 * unreachable or failing) is passing, and the session stays for the next try.
 */
export function refreshFailure(error: { error?: unknown; status?: number } | undefined): 'SESSION_ENDED' | 'PROVIDER_UNAVAILABLE' {
  if (error?.error === 'invalid_grant' || error?.error === 'unauthorized_client' || error?.error === 'invalid_client')
    return 'SESSION_ENDED';
  return 'PROVIDER_UNAVAILABLE';
}
