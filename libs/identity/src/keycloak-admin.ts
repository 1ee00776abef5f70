import { ClientCredentials, IdentityProviderError, parseProviderJson, providerFetch, type TokenSource } from './client-credentials';

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

/**
 * A small client of Keycloak's admin REST API: gets and renews its own access token, sends JSON, and turns
 * error answers into IdentityProviderError. Used by the realm set-up, the users command and catalog's
 * /user-accounts endpoint.
 */
export class KeycloakAdmin implements TokenSource {
  private readonly credentials: ClientCredentials;

  constructor(readonly settings: KeycloakAdminSettings) {
    const { url, realm, clientRealm, clientId, clientSecret, timeoutMs } = settings;
    this.credentials = new ClientCredentials({ url, realm: clientRealm ?? realm, clientId, clientSecret, timeoutMs });
  }

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
    const parsed: unknown = text ? parseProviderJson(text) : undefined;
    if (!response.ok) {
      throw new IdentityProviderError(`identity provider: ${method} ${path} answered ${response.status} ${text}`, response.status, parsed);
    }
    if (parsed === undefined && response.status === 201) {
      const location = response.headers.get('location') ?? '';
      return location.slice(location.lastIndexOf('/') + 1) as T;
    }
    return parsed as T;
  }

  /** The admin client's access token (client credentials), renewed 30 s before it ends. */
  token(): Promise<string> {
    return this.credentials.token();
  }

  private send(path: string, init: RequestInit): Promise<Response> {
    return providerFetch(this.settings.url, path, { ...init, timeoutMs: this.settings.timeoutMs });
  }
}
