import { createHash, randomBytes } from 'node:crypto';
import { firstRefusal, refuse, type ErrorKind, type Rule } from '@titipan/kernel';
import { IdentityProviderError } from './client-credentials';
import { LOGIN_MESSAGES_ID, type LoginMessageKey } from './login-messages-id';

/**
 * Signing a person in as a browser does, with no password grant: the authorization code flow with PKCE (S256)
 * against a public client (the console). The provider's login page is fetched, its form filled in and posted
 * with the page's cookies, the redirect to `redirectUri` is read from `Location` (nothing needs to listen
 * there), and the code is exchanged together with the verifier. Used by the demo and the tests, and by the
 * console for its own scripted checks.
 */

export interface SignInSettings {
  /** Base URL of the provider, e.g. http://127.0.0.1:8080 */
  url: string;
  realm: string;
  /** A public client with the code flow and PKCE S256 (titipan-console). */
  clientId: string;
  /** One of the client's redirect URIs; only its query string is read back, so nothing needs to serve it. */
  redirectUri: string;
  /** Per HTTP call. Default 30 s. */
  timeoutMs?: number;
}

export interface SignInCredentials {
  username: string;
  password: string;
  /** Submitted when the provider asks for a new password (a temporary one, or an administrator's reset). */
  newPassword?: string;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  idToken?: string;
  /** When the access token ends, in ms since the epoch (from `expires_in`, counted from the request). */
  expiresAt: number;
}

/** Why a sign-in is refused: stable codes a caller (the console, a test) can act on. */
export type SignInRefusalCode =
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_DISABLED'
  | 'ACCOUNT_LOCKED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'NEW_PASSWORD_REFUSED'
  | 'REQUIRED_ACTION'
  | 'SESSION_ENDED';

export const SIGN_IN_REFUSAL_KIND: Record<SignInRefusalCode, ErrorKind> = {
  INVALID_CREDENTIALS: 'unauthenticated',
  ACCOUNT_DISABLED: 'unauthenticated',
  ACCOUNT_LOCKED: 'unauthenticated',
  PASSWORD_CHANGE_REQUIRED: 'unauthenticated',
  NEW_PASSWORD_REFUSED: 'validation',
  REQUIRED_ACTION: 'unauthenticated',
  SESSION_ENDED: 'unauthenticated',
};

/** What the provider answered a submitted form with, when it was a page and not the redirect. */
export interface ProviderPage {
  username: string;
  /** The page's form (`kc-form-login`, `kc-passwd-update-form`, ...), when it has one. */
  formId?: string;
  /** The required action named by the form's action URL (`execution=UPDATE_PASSWORD`), when there is one. */
  requiredAction?: string;
  /** The message the page shows the person (an error or a notice), as text. */
  message?: string;
  /** Whether a new password was given to answer UPDATE_PASSWORD with. */
  newPasswordGiven: boolean;
  /** Whether this page answers the new password just submitted. */
  afterNewPassword: boolean;
}

type PageRule = Rule<ProviderPage, SignInRefusalCode>;

/**
 * Whether a page's message says `key`: in Keycloak's own English (messages_en.properties of the login theme,
 * matched loosely by `english`) or in the realm's Indonesian (the same constants the realm is given, compared
 * whole). Sign-in asks for English (ui_locales=en), but a person whose account remembers Indonesian (chosen on
 * the login page) gets Indonesian pages once the username is known: Keycloak ranks that above ui_locales.
 */
const says = (message: string | undefined, english: RegExp, key: LoginMessageKey): boolean =>
  !!message && (english.test(message) || message === LOGIN_MESSAGES_ID[key]);

const accountNotDisabled: PageRule = ({ username, message }) =>
  says(message, /account is disabled/i, 'accountDisabledMessage')
    ? { code: 'ACCOUNT_DISABLED', message: `${username}: the account is disabled; ask an administrator`, details: { provider: message } }
    : undefined;

const accountNotLocked: PageRule = ({ username, message }) =>
  message && /temporarily (disabled|locked)|locked/i.test(message)
    ? {
        code: 'ACCOUNT_LOCKED',
        message: `${username}: locked for a while after too many wrong passwords; try again later`,
        details: { provider: message },
      }
    : undefined;

const credentialsAccepted: PageRule = ({ username, formId, message }) =>
  formId === 'kc-form-login'
    ? {
        code: 'INVALID_CREDENTIALS',
        // Keycloak answers a temporarily locked account with the same page, so as not to tell that the username exists
        message: `${username}: wrong username or password (after repeated failures the account is also locked for a while)`,
        details: { provider: message ?? null },
      }
    : undefined;

const newPasswordAccepted: PageRule = ({ username, requiredAction, afterNewPassword, message }) =>
  requiredAction === 'UPDATE_PASSWORD' && afterNewPassword
    ? {
        code: 'NEW_PASSWORD_REFUSED',
        message: `${username}: the new password was refused${message ? `: ${message}` : ''}`,
        details: { provider: message ?? null },
      }
    : undefined;

const noPasswordChangeOwed: PageRule = ({ username, requiredAction, newPasswordGiven }) =>
  requiredAction === 'UPDATE_PASSWORD' && !newPasswordGiven
    ? {
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: `${username}: the password is temporary and must be changed at this sign-in; give a new password`,
        details: { requiredAction },
      }
    : undefined;

const noOtherRequiredAction: PageRule = ({ username, requiredAction }) =>
  requiredAction && requiredAction !== 'UPDATE_PASSWORD'
    ? {
        code: 'REQUIRED_ACTION',
        message: `${username}: the provider asks for ${requiredAction} first; complete it at the account console`,
        details: { requiredAction },
      }
    : undefined;

/** Which refusal a page that is not the redirect means, in this order (the first that applies). */
export const SIGN_IN_PAGE_RULES: readonly PageRule[] = [
  accountNotDisabled,
  accountNotLocked,
  credentialsAccepted,
  newPasswordAccepted,
  noPasswordChangeOwed,
  noOtherRequiredAction,
];

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A PKCE pair (RFC 7636): a random verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
}

/** The issuer of a realm (what tokens name in `iss`). */
export const issuerOf = (url: string, realm: string) => `${url.replace(/\/$/, '')}/realms/${encodeURIComponent(realm)}`;

/** Signs a person in through the provider's login page; answers their tokens or throws a refusal (DomainError). */
export async function signIn(settings: SignInSettings, credentials: SignInCredentials): Promise<Tokens> {
  const { code, verifier, nonce } = await authorize(settings, credentials);
  const tokens = await tokenRequest(settings, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: settings.redirectUri,
    client_id: settings.clientId,
    code_verifier: verifier,
  });
  if (tokens.idToken && claimsOf(tokens.idToken).nonce !== nonce) {
    throw new IdentityProviderError('identity provider: the ID token carries another nonce than the one sent', 400, undefined);
  }
  return tokens;
}

/**
 * The first half of the sign-in: the login page filled in, and the code read from the redirect, with the PKCE
 * verifier and nonce that belong to it (the second half is the code exchange, `signIn` does both).
 */
export async function authorize(
  settings: SignInSettings,
  credentials: SignInCredentials,
): Promise<{ code: string; verifier: string; nonce: string }> {
  const browser = new Browser(settings.timeoutMs ?? 30_000);
  const { verifier, challenge } = pkcePair();
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));
  const endpoint = `${issuerOf(settings.url, settings.realm)}/protocol/openid-connect`;
  const authorize = `${endpoint}/auth?${String(
    new URLSearchParams({
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      response_type: 'code',
      scope: 'openid',
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      // the refusals are read from Keycloak's own English, not from texts the realm may change (see `says`)
      ui_locales: 'en',
    }),
  )}`;

  let answer = await browser.follow(authorize, settings.redirectUri);
  let passwordSent = false;
  let newPasswordSent = false;
  // each round submits one form: the login form, then (once) the new-password form
  for (let round = 0; answer.kind === 'page' && round < 4; round++) {
    const form = parseForm(answer.html);
    const page: ProviderPage = {
      username: credentials.username,
      formId: form?.id,
      requiredAction: form ? requiredActionOf(form.action) : undefined,
      message: pageMessage(answer.html),
      newPasswordGiven: credentials.newPassword !== undefined,
      afterNewPassword: newPasswordSent,
    };
    if (!form) throw unexpected(answer, 'a page without a form');
    if (form.id === 'kc-form-login' && !passwordSent) {
      passwordSent = true;
      answer = await browser.submit(
        form.action,
        { username: credentials.username, password: credentials.password, credentialId: '' },
        settings.redirectUri,
      );
      continue;
    }
    const refusal = firstRefusal(SIGN_IN_PAGE_RULES, page);
    if (refusal) refuse(refusal, SIGN_IN_REFUSAL_KIND);
    if (page.requiredAction === 'UPDATE_PASSWORD' && !newPasswordSent) {
      newPasswordSent = true;
      answer = await browser.submit(
        form.action,
        { 'password-new': credentials.newPassword!, 'password-confirm': credentials.newPassword! },
        settings.redirectUri,
      );
      continue;
    }
    throw unexpected(answer, `the form ${form.id ?? '(unnamed)'}`);
  }
  if (answer.kind !== 'redirect') throw unexpected(answer, 'no redirect after the forms');

  const back = new URL(answer.location);
  const error = back.searchParams.get('error');
  if (error) {
    throw new IdentityProviderError(
      `identity provider refused the authorization: ${error} ${back.searchParams.get('error_description') ?? ''}`.trim(),
      400,
      { error, error_description: back.searchParams.get('error_description') },
    );
  }
  if (back.searchParams.get('state') !== state)
    throw new IdentityProviderError('identity provider: the state came back changed', 400, undefined);
  const code = back.searchParams.get('code');
  if (!code)
    throw new IdentityProviderError(`identity provider: no code in the redirect to ${back.origin}${back.pathname}`, 400, undefined);
  return { code, verifier, nonce };
}

/** New tokens for a refresh token (used once: the answer carries the next refresh token). */
export async function refresh(settings: SignInSettings, refreshToken: string): Promise<Tokens> {
  try {
    return await tokenRequest(settings, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: settings.clientId });
  } catch (error) {
    // invalid_grant: the session ended (signed out, disabled, idle too long) or the refresh token was used already
    if (error instanceof IdentityProviderError && (error.body as { error?: string } | undefined)?.error === 'invalid_grant') {
      refuse(
        { code: 'SESSION_ENDED', message: `the session has ended: ${error.providerMessage ?? 'sign in again'}`, details: {} },
        SIGN_IN_REFUSAL_KIND,
      );
    }
    throw error;
  }
}

/**
 * Exchanges a code at the token endpoint as given (with or without a verifier): the tests use it to show the
 * provider insists on PKCE. Answers the token endpoint's status and body.
 */
export async function exchangeCode(
  settings: SignInSettings,
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(`${issuerOf(settings.url, settings.realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(settings.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new IdentityProviderError(`identity provider at ${settings.url} is not reachable: ${(error as Error).message}`, 0, undefined);
  }
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/** The claims of a JWT, read without checking its signature (the services verify; this only reads). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- claims are whatever the provider put in; callers pick fields
export function claimsOf(jwt: string): Record<string, any> {
  const payload = jwt.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, any>;
}

/**
 * One person's tokens kept fresh: `accessToken()` answers one with at least `marginMs` left, refreshing when
 * closer to the end (access tokens live 5 minutes). Refresh tokens are used once, so calls are serialised.
 */
export class SignedInPerson {
  private pending?: Promise<Tokens>;

  constructor(
    private readonly settings: SignInSettings,
    private tokens: Tokens,
    private readonly marginMs = 60_000,
  ) {}

  static async signIn(settings: SignInSettings, credentials: SignInCredentials, marginMs?: number): Promise<SignedInPerson> {
    return new SignedInPerson(settings, await signIn(settings, credentials), marginMs);
  }

  get current(): Tokens {
    return this.tokens;
  }

  async accessToken(): Promise<string> {
    if (Date.now() < this.tokens.expiresAt - this.marginMs) return this.tokens.accessToken;
    this.pending ??= refresh(this.settings, this.tokens.refreshToken).finally(() => (this.pending = undefined));
    this.tokens = await this.pending;
    return this.tokens.accessToken;
  }
}

async function tokenRequest(settings: SignInSettings, params: Record<string, string>): Promise<Tokens> {
  const started = Date.now();
  const { status, body } = await exchangeCode(settings, params);
  const answer = body as { access_token?: string; refresh_token?: string; id_token?: string; expires_in?: number };
  if (status !== 200 || !answer.access_token || !answer.refresh_token) {
    const described = (body.error_description ?? body.error ?? `HTTP ${status}`) as string;
    throw new IdentityProviderError(`identity provider refused the ${params.grant_type} grant: ${described}`, status, body);
  }
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    idToken: answer.id_token,
    expiresAt: started + (answer.expires_in ?? 300) * 1000,
  };
}

type Answer = { kind: 'page'; status: number; url: string; html: string } | { kind: 'redirect'; location: string };

/** Just enough of a browser: cookies of the provider's pages, redirects followed until they reach `redirectUri`. */
class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly timeoutMs: number) {}

  follow(url: string, redirectUri: string): Promise<Answer> {
    return this.request(url, { method: 'GET' }, redirectUri);
  }

  submit(action: string, fields: Record<string, string>, redirectUri: string): Promise<Answer> {
    return this.request(
      action,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() },
      redirectUri,
    );
  }

  private async request(url: string, init: RequestInit, redirectUri: string): Promise<Answer> {
    for (let hops = 0; hops < 10; hops++) {
      const response = await this.send(url, init);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, url).toString();
        // the redirect back to the client ends the provider's part: read it, do not fetch it
        if (next.startsWith(redirectUri.split('?')[0])) return { kind: 'redirect', location: next };
        url = next;
        init = { method: 'GET' };
        continue;
      }
      return { kind: 'page', status: response.status, url, html: await response.text() };
    }
    throw new IdentityProviderError(`identity provider: too many redirects from ${url}`, 0, undefined);
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new IdentityProviderError(
        `identity provider at ${new URL(url).origin} is not reachable: ${(error as Error).message}`,
        0,
        undefined,
      );
    }
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      // an expired or emptied cookie is the provider deleting it
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

/** The page's first form with a POST action: its id and where it posts to (entities decoded). */
export function parseForm(html: string): { id?: string; action: string } | undefined {
  for (const [tag] of html.matchAll(/<form\b[^>]*>/gi)) {
    const action = /\saction\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
    if (!action) continue;
    return { id: /\sid\s*=\s*"([^"]*)"/i.exec(tag)?.[1], action: decodeEntities(action) };
  }
  return undefined;
}

/** The message a Keycloak page shows (the field error or the alert), as plain text. */
export function pageMessage(html: string): string | undefined {
  const patterns = [
    /<span[^>]*id="input-error[^"]*"[^>]*>([\s\S]*?)<\/span>/i,
    /<span[^>]*class="[^"]*kc-feedback-text[^"]*"[^>]*>([\s\S]*?)<\/span>/i,
    /<div[^>]*class="[^"]*(?:alert-error|pf-m-danger|pf-m-warning)[^"]*"[^>]*>([\s\S]*?)<\/div>/i,
    /<p[^>]*id="instruction1"[^>]*>([\s\S]*?)<\/p>/i,
  ];
  for (const pattern of patterns) {
    const found = pattern.exec(html)?.[1];
    const text =
      found &&
      decodeEntities(found.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim();
    if (text) return text;
  }
  return undefined;
}

function requiredActionOf(action: string): string | undefined {
  try {
    const url = new URL(action);
    return url.pathname.endsWith('/required-action') ? (url.searchParams.get('execution') ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function unexpected(answer: Answer, what: string): IdentityProviderError {
  const detail =
    answer.kind === 'page' ? `HTTP ${answer.status} at ${answer.url}: ${pageMessage(answer.html) ?? 'no message'}` : answer.location;
  return new IdentityProviderError(
    `identity provider answered the sign-in with ${what} (${detail})`,
    answer.kind === 'page' ? answer.status : 0,
    undefined,
  );
}
