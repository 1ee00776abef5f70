import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@titipan/kernel';
import type { TokenSet } from 'openid-client';
import { OidcProvider } from '../auth/oidc-provider';
import { personFrom, type ConsoleSession, type ProviderTokens } from './domain/session';
import { refreshFailure, refreshNeeded, sessionExpiresAt } from './domain/session-rules';
import { randomBytes } from 'node:crypto';
import { SessionStore } from './session.store';

export const signedOut = () => new DomainError('unauthenticated', 'SIGNED_OUT', 'not signed in, or the session has ended; sign in again');

const claimsOf = (jwt: string | undefined): Record<string, unknown> | undefined => {
  const payload = jwt?.split('.')[1];
  return payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>) : undefined;
};

/** 256 random bits, URL-safe: session ids and CSRF tokens. */
export const randomSecret = () => randomBytes(32).toString('base64url');

/** Sessions: made from a sign-in's tokens, read with fresh tokens, ended. */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Session');

  constructor(
    private readonly store: SessionStore,
    private readonly provider: OidcProvider,
  ) {}

  get absoluteMs(): number {
    return this.store.limits.absoluteMs;
  }

  create(tokenSet: TokenSet, now = Date.now()): ConsoleSession {
    const tokens = tokensOf(tokenSet, now);
    const session: ConsoleSession = {
      id: randomSecret(),
      person: personFrom(claimsOf(tokens.accessToken) ?? {}, tokenSet.id_token ? tokenSet.claims() : undefined),
      csrfToken: randomSecret(),
      tokens,
      createdAt: now,
      lastSeenAt: now,
    };
    this.store.add(session);
    return session;
  }

  /** The session of a cookie, or 401 SIGNED_OUT. */
  require(id: string | undefined): ConsoleSession {
    const session = this.store.get(id);
    if (!session) throw signedOut();
    return session;
  }

  /** What the page may know of its session: never a token. */
  describe(session: ConsoleSession) {
    return {
      ...session.person,
      csrfToken: session.csrfToken,
      expiresAt: new Date(sessionExpiresAt(session, this.store.limits)).toISOString(),
    };
  }

  /**
   * The person's access token with at least 30 s left, refreshed when it has less. One refresh at a time per
   * session (the refresh token is used once; a second use would end the provider's session); a refused refresh
   * ends the session (401 SIGNED_OUT).
   */
  async accessToken(session: ConsoleSession, now = Date.now()): Promise<string> {
    if (!refreshNeeded(session.tokens.accessExpiresAt, now)) return session.tokens.accessToken;
    session.refreshing ??= this.refresh(session).finally(() => (session.refreshing = undefined));
    session.tokens = await session.refreshing;
    return session.tokens.accessToken;
  }

  end(session: ConsoleSession): void {
    this.store.delete(session.id);
  }

  private async refresh(session: ConsoleSession): Promise<ProviderTokens> {
    const started = Date.now();
    let tokenSet: TokenSet;
    try {
      tokenSet = await this.provider.client.refresh(session.tokens.refreshToken);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const failure = refreshFailure(error as { error?: unknown });
      if (failure === 'SESSION_ENDED') {
        this.logger.log(
          `session of ${session.person.username} ended: the provider refused the refresh (${(error as { error?: string }).error})`,
        );
        this.store.delete(session.id);
        throw signedOut();
      }
      this.logger.warn(`refresh for ${session.person.username} failed: ${(error as Error).message}`);
      throw new DomainError('unavailable', 'PROVIDER_UNAVAILABLE', 'the identity provider did not answer; try again shortly');
    }
    const tokens = tokensOf(tokenSet, started);
    this.logger.log(`access token of ${session.person.username} refreshed`);
    // Keycloak may omit a new refresh token or ID token on refresh; the earlier ones stay valid then
    return {
      ...tokens,
      refreshToken: tokens.refreshToken || session.tokens.refreshToken,
      idToken: tokens.idToken ?? session.tokens.idToken,
    };
  }
}

/** The tokens of a token response, the access token's end counted from when it was asked for. */
function tokensOf(tokenSet: TokenSet, askedAt: number): ProviderTokens {
  if (!tokenSet.access_token)
    throw new DomainError('unavailable', 'PROVIDER_UNAVAILABLE', 'the identity provider answered without an access token');
  const expiresIn = typeof tokenSet.expires_in === 'number' ? tokenSet.expires_in : 300;
  return {
    accessToken: tokenSet.access_token,
    refreshToken: tokenSet.refresh_token ?? '',
    idToken: tokenSet.id_token,
    accessExpiresAt: askedAt + expiresIn * 1000,
  };
}
