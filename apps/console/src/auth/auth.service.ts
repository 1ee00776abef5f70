import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@titipan/kernel';
import { LRUCache } from 'lru-cache';
import { generators, type CallbackParamsType } from 'openid-client';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console-config';
import type { ConsoleSession } from '../session/domain/session';
import { randomSecret, SessionService } from '../session/session.service';
import { sameSecret } from '../csrf/domain/csrf-rules';
import { OidcProvider } from './oidc-provider';
import { providerErrorCode, returnToPath } from './domain/return-to';

/** A sign-in started and not yet come back: ten minutes to finish at the provider. */
export const LOGIN_ATTEMPT_MS = 10 * 60_000;

interface LoginAttempt {
  /** The browser's login cookie: the callback must come from the browser that started. */
  browser: string;
  verifier: string;
  nonce: string;
  returnTo: string;
}

/** Where a callback leads: a session and the path to go back to, or the code of why not (`/?signin_error=`). */
export type CallbackOutcome = { session: ConsoleSession; returnTo: string } | { error: string };

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  /** Attempts by their state; bounded, so a flood of /auth/login cannot grow memory without end. */
  private readonly attempts = new LRUCache<string, LoginAttempt>({ max: 10_000, ttl: LOGIN_ATTEMPT_MS });

  constructor(
    private readonly provider: OidcProvider,
    private readonly sessions: SessionService,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  /** Where to start the sign-in instead, when a loopback name other than the console's own was used (development). */
  canonicalLoginUrl(host: string | undefined, rawReturnTo: unknown): string | undefined {
    const own = new URL(this.config.publicOrigin);
    if (!host || host === own.host) return undefined;
    const loopback = (name: string) => /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(name);
    if (!loopback(host) || !loopback(own.host)) return undefined;
    return `${own.origin}/auth/login?${new URLSearchParams({ returnTo: returnToPath(rawReturnTo) }).toString()}`;
  }

  /** The provider's authorize URL for a new attempt (PKCE S256, state, nonce kept here), and the browser's login cookie. */
  start(rawReturnTo: unknown, browserCookie: string | undefined): { url: string; browser: string } {
    const returnTo = returnToPath(rawReturnTo);
    const client = this.provider.client;
    const browser = browserCookie ?? randomSecret();
    const state = randomSecret();
    const verifier = generators.codeVerifier();
    const nonce = randomSecret();
    this.attempts.set(state, { browser, verifier, nonce, returnTo });
    const url = client.authorizationUrl({
      scope: 'openid',
      redirect_uri: this.config.callbackUrl,
      response_type: 'code',
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // the sign-in page in Bahasa Indonesia first, English second, whatever the browser's own language
      ui_locales: 'id en',
    });
    return { url, browser };
  }

  /** The provider's answer: the code exchanged for tokens (PKCE verifier, state and nonce checked), a session made. */
  async finish(params: CallbackParamsType, browserCookie: string | undefined): Promise<CallbackOutcome> {
    const state = typeof params.state === 'string' ? params.state : '';
    const attempt = state ? this.attempts.get(state) : undefined;
    if (state) this.attempts.delete(state); // one use, whatever happens next
    if (!attempt) return { error: params.error ? providerErrorCode(params.error) : 'LOGIN_EXPIRED' };
    if (!sameSecret(attempt.browser, browserCookie)) return { error: 'STATE_MISMATCH' };
    if (params.error) return { error: providerErrorCode(params.error) };
    let client;
    try {
      client = this.provider.client;
    } catch {
      return { error: 'PROVIDER_UNAVAILABLE' };
    }
    try {
      const tokenSet = await client.callback(this.config.callbackUrl, params, {
        code_verifier: attempt.verifier,
        state,
        nonce: attempt.nonce,
        response_type: 'code',
      });
      return { session: this.sessions.create(tokenSet), returnTo: attempt.returnTo };
    } catch (error) {
      this.logger.warn(`code exchange failed: ${(error as Error).message}`);
      return { error: 'CODE_EXCHANGE_FAILED' };
    }
  }

  /** Ends the session here and answers where the browser ends it at the provider. */
  logout(session: ConsoleSession): { logoutUrl: string } {
    this.sessions.end(session);
    let logoutUrl = `${this.config.publicOrigin}/`;
    try {
      logoutUrl = this.provider.client.endSessionUrl({
        id_token_hint: session.tokens.idToken,
        post_logout_redirect_uri: `${this.config.publicOrigin}/`,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // the provider not discovered: the console's session is over anyway; the page goes home
    }
    return { logoutUrl };
  }
}
