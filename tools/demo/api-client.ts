import { mintToken, type ServiceName } from '@titipan/platform';
import { LOCAL } from '../local-settings';

type Role = Parameters<typeof mintToken>[1]['role'];

/** A person signed in at the identity provider: their access token, kept fresh (one token serves all three services). */
export interface SignedInActor {
  username: string;
  accessToken(): Promise<string>;
}

/**
 * Who makes a call: a role and scope the client mints a token for (each client signs for its own service, a
 * token works on one service only), or a person signed in at the identity provider, whose token is used as it is.
 */
export interface Caller {
  role: Role;
  scope?: string;
  person?: SignedInActor;
}
export const caller = (role: Role, scope?: string): Caller => ({ role, scope });

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A small HTTP client of one service for the demo and the tools: a token per actor for this service, JSON in and out, binary for exports. */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly service: ServiceName,
    readonly baseUrl: string,
  ) {}

  /** The Authorization header of an actor for this service (minted once per client). */
  token(role: Role, scope?: string): string {
    const sub = `demo-${role}${scope ? `@${scope}` : ''}`;
    let token = this.tokens.get(sub);
    if (!token) {
      token = `Bearer ${mintToken(LOCAL.signingKey, { service: this.service, role, scope, sub, expiresIn: '2h' })}`;
      this.tokens.set(sub, token);
    }
    return token;
  }

  /** The Authorization header of a caller: the person's own token when signed in, else one minted for the role. */
  async authorization(who: Caller): Promise<string> {
    return who.person ? `Bearer ${await who.person.accessToken()}` : this.token(who.role, who.scope);
  }

  async call<T = any>(method: string, path: string, who: Caller, body?: unknown): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: await this.authorization(who), 'content-type': 'application/json', 'x-correlation-id': 'titipan-demo' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Calls and fails loudly unless the status is one of `ok`. */
  async expect<T = any>(ok: number[], method: string, path: string, who: Caller, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, who, body);
    if (!ok.includes(r.status)) throw new Error(`${method} ${path}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async download(path: string, who: Caller): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: await this.authorization(who) } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}

/** The detailed health of a service (database, broker, outbox, consumers), which only an admin may read. */
export async function serviceHealth(service: ServiceName, serviceUrl: string): Promise<any> {
  const client = new ApiClient(service, serviceUrl);
  return (await fetch(`${serviceUrl}/health`, { headers: { authorization: client.token('admin') } })).json();
}

/** Waits until the named consumers of a service (group id ends with the name) have no lag. */
export async function waitForConsumers(service: ServiceName, serviceUrl: string, names: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await serviceHealth(service, serviceUrl);
    const consumers: { groupId: string; lag: number }[] = Object.values(health.checks?.consumers ?? {});
    if (names.every((n) => consumers.some((c) => c.groupId.endsWith(n) && c.lag === 0))) return;
    if (Date.now() > deadline) throw new Error(`${serviceUrl}: consumers ${names.join(', ')} did not catch up in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
