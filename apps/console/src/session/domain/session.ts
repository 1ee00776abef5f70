/**
 * A person signed in at the console. The tokens stay here, in the console's memory: the browser holds only the
 * session id, in an HttpOnly cookie, and never sees a token.
 */
export interface ProviderTokens {
  accessToken: string;
  refreshToken: string;
  idToken?: string;
  /** When the access token ends, ms since the epoch. */
  accessExpiresAt: number;
}

export interface Person {
  username: string;
  name: string;
  role: string;
  /** The UPT, Kanwil or venue code; null for national roles. */
  scope: string | null;
}

export interface ConsoleSession {
  id: string;
  person: Person;
  csrfToken: string;
  tokens: ProviderTokens;
  createdAt: number;
  lastSeenAt: number;
  /** The refresh under way, so that concurrent requests of one session wait for one refresh (refresh tokens are used once). */
  refreshing?: Promise<ProviderTokens>;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** The person as the provider's tokens describe them (claims read from tokens the console received itself, over TLS). */
export function personFrom(access: Record<string, unknown>, id: Record<string, unknown> | undefined): Person {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const username = text(access.preferred_username) ?? text(id?.preferred_username) ?? text(access.sub) ?? 'unknown';
  return {
    username,
    name: text(id?.name) ?? text(access.name) ?? username,
    role: text(access.role) ?? '',
    scope: text(access.titipan_scope) ?? null,
  };
}
