/** The provider answered with an error status, or could not be reached; `status` is 0 for the latter. */
export class IdentityProviderError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'IdentityProviderError';
  }

  /** The provider's own sentence for a refused request (`errorMessage` or `error_description`), when it gave one. */
  get providerMessage(): string | undefined {
    const body = this.body as { errorMessage?: unknown; error_description?: unknown; error?: unknown } | undefined;
    const text = body?.errorMessage ?? body?.error_description ?? body?.error;
    return typeof text === 'string' ? text : undefined;
  }
}

/** A confidential client of one realm, signing in as itself (client credentials grant). */
export interface ClientCredentialsSettings {
  /** Base URL of the provider, e.g. http://127.0.0.1:8080 */
  url: string;
  /** The realm the client belongs to. */
  realm: string;
  clientId: string;
  clientSecret: string;
  /** Per HTTP call. Default 60 s. */
  timeoutMs?: number;
}

/** Where a Keycloak issuer (`http://host:port[/path]/realms/<realm>`) lives: the base URL and the realm. */
export function keycloakOfIssuer(issuer: string): { url: string; realm: string } {
  const match = /^(https?:\/\/[^/?#]+(?:\/[^?#]*?)?)\/realms\/([^/?#]+)\/?$/.exec(issuer);
  if (!match) throw new Error(`"${issuer}" is not a Keycloak issuer (http(s)://host[:port][/path]/realms/<realm>)`);
  return { url: match[1], realm: decodeURIComponent(match[2]) };
}

/** Something that answers a bearer token (a client-credentials token, or a test's own). */
export interface TokenSource {
  token(): Promise<string>;
}

/** The `authorization` header value of a token source, for HttpScopeDirectory and other callers of Titipan services. */
export const bearerOf = (source: TokenSource) => async (): Promise<string> => `Bearer ${await source.token()}`;

/**
 * A service account's access token, taken with the client credentials grant and renewed 30 s before it ends.
 * The user-administration client's token serves both its admin API calls and, since it carries role=admin and
 * the three service audiences (decision 0016, addendum), its calls to the Titipan services.
 */
export class ClientCredentials implements TokenSource {
  private cached?: { value: string; renewAt: number };

  constructor(readonly settings: ClientCredentialsSettings) {}

  async token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return this.cached.value;
    const { url, realm, clientId, clientSecret } = this.settings;
    const response = await providerFetch(url, `/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
      timeoutMs: this.settings.timeoutMs,
    });
    const answer = parseProviderJson(await response.text()) as { access_token?: string; expires_in?: number } | undefined;
    if (!response.ok || !answer?.access_token) {
      throw new IdentityProviderError(
        `identity provider at ${url} refused the client ${clientId} (HTTP ${response.status}): check its id and secret`,
        response.status,
        answer,
      );
    }
    this.cached = { value: answer.access_token, renewAt: Date.now() + ((answer.expires_in ?? 60) - 30) * 1000 };
    return this.cached.value;
  }
}

/** fetch with a timeout; an unreachable provider becomes IdentityProviderError with status 0. */
export async function providerFetch(url: string, path: string, init: RequestInit & { timeoutMs?: number }): Promise<Response> {
  const { timeoutMs, ...rest } = init;
  try {
    return await fetch(`${url}${path}`, { ...rest, signal: AbortSignal.timeout(timeoutMs ?? 60_000) });
  } catch (error) {
    throw new IdentityProviderError(`identity provider at ${url} is not reachable: ${(error as Error).message}`, 0, undefined);
  }
}

export function parseProviderJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: text };
  }
}
