import { DEV_JWT_SECRET, mintToken } from '@titipan/platform';

type Role = Parameters<typeof mintToken>[1]['role'];

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A small HTTP client for the demo: one token per actor, JSON in and out, binary for exports. */
export class ApiClient {
  private readonly secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;

  constructor(readonly baseUrl: string) {}

  token(role: Role, scope?: string): string {
    return `Bearer ${mintToken(this.secret, { role, scope, sub: `demo-${role}${scope ? `@${scope}` : ''}`, expiresIn: '2h' })}`;
  }

  async call<T = any>(method: string, path: string, auth: string, body?: unknown): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', 'x-correlation-id': 'titipan-demo' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Calls and fails loudly unless the status is one of `ok`. */
  async expect<T = any>(ok: number[], method: string, path: string, auth: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, auth, body);
    if (!ok.includes(r.status)) throw new Error(`${method} ${path}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async download(path: string, auth: string): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: auth } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}

/** The detailed health of a service (database, broker, outbox, consumers), which only an admin may read. */
export async function serviceHealth(serviceUrl: string): Promise<any> {
  const client = new ApiClient(serviceUrl);
  return (await fetch(`${serviceUrl}/health`, { headers: { authorization: client.token('admin') } })).json();
}

/** Waits until the named consumers of a service (group id ends with the name) have no lag. */
export async function waitForConsumers(serviceUrl: string, names: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await serviceHealth(serviceUrl);
    const consumers: { groupId: string; lag: number }[] = Object.values(health.checks?.consumers ?? {});
    if (names.every((n) => consumers.some((c) => c.groupId.endsWith(n) && c.lag === 0))) return;
    if (Date.now() > deadline) throw new Error(`${serviceUrl}: consumers ${names.join(', ')} did not catch up in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
