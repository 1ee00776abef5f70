/** Where the identity provider is and which confidential client administers it (client credentials grant). */
export interface KeycloakAdminSettings {
  /** Base URL of the provider, e.g. http://127.0.0.1:8080 */
  url: string;
  /** The realm administered: every path of `request` is under /admin/realms/<realm>. */
  realm: string;
  /** The realm the admin client belongs to, when not the administered one (the bootstrap admin lives in master). */
  clientRealm?: string;
  clientId: string;
  clientSecret: string;
  /** Per HTTP call. Default 60 s: creating a realm takes seconds, and much longer on a loaded machine. */
  timeoutMs?: number;
}

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

interface CachedToken {
  value: string;
  renewAt: number;
}

/**
 * A small client of Keycloak's admin REST API: gets and renews its own access token, sends JSON, and turns
 * error answers into IdentityProviderError. Used by the realm set-up, the users command and (next) the
 * console's user endpoint.
 */
export class KeycloakAdmin {
  private cached?: CachedToken;

  constructor(readonly settings: KeycloakAdminSettings) {}

  get realm(): string {
    return this.settings.realm;
  }

  /** A call under /admin/realms/<realm> (`path` starts with `/`, or is empty for the realm itself). */
  realmRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.request<T>(method, `/admin/realms/${encodeURIComponent(this.realm)}${path}`, body);
  }

  /** Any admin call; answers the parsed JSON body, or the id at the end of `Location` for a 201 without body. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(path, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? parseJson(text) : undefined;
    if (!response.ok) {
      throw new IdentityProviderError(`identity provider: ${method} ${path} answered ${response.status} ${text}`, response.status, parsed);
    }
    if (parsed === undefined && response.status === 201) {
      const location = response.headers.get('location') ?? '';
      return location.slice(location.lastIndexOf('/') + 1) as T;
    }
    return parsed as T;
  }

  /** The admin client's access token, renewed 30 s before it ends. */
  async token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return this.cached.value;
    const { url, realm, clientRealm, clientId, clientSecret } = this.settings;
    const response = await this.send(`/realms/${encodeURIComponent(clientRealm ?? realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
    });
    const answer = parseJson(await response.text()) as { access_token?: string; expires_in?: number } | undefined;
    if (!response.ok || !answer?.access_token) {
      throw new IdentityProviderError(
        `identity provider at ${url} refused the admin client ${clientId} (HTTP ${response.status}): check its id and secret`,
        response.status,
        answer,
      );
    }
    this.cached = { value: answer.access_token, renewAt: Date.now() + ((answer.expires_in ?? 60) - 30) * 1000 };
    return this.cached.value;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.settings.url}${path}`, { ...init, signal: AbortSignal.timeout(this.settings.timeoutMs ?? 60_000) });
    } catch (error) {
      throw new IdentityProviderError(
        `identity provider at ${this.settings.url} is not reachable: ${(error as Error).message}`,
        0,
        undefined,
      );
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: text };
  }
}
