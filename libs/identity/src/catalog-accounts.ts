import { DomainError, type ErrorKind } from '@titipan/kernel';
import type { Account, NewAccount } from './user-admin';

/** The HTTP statuses catalog answers a refusal with, back to the kind it was raised as. */
const KIND_OF_STATUS: Record<number, ErrorKind> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'rule',
  503: 'unavailable',
};

const PAGE = 200;

/**
 * People's accounts through catalog's user administration (`/user-accounts`), as the admin pages change them.
 * Catalog acts at the identity provider and announces each new, disabled or enabled account
 * (`catalog.person.changed`): the notification service addresses people from those announcements, so a person
 * made here can be told things, and one made at the provider directly cannot.
 */
export class CatalogAccounts {
  constructor(
    private readonly catalogUrl: string,
    /** An admin's Authorization header for catalog (`Bearer …`: the user-administration service account's, or a minted admin's). */
    private readonly authorization: () => Promise<string>,
  ) {}

  async add(request: NewAccount): Promise<{ account: Account; generatedPassword?: string }> {
    const { temporary, ...fields } = request;
    const { initialPassword, ...account } = await this.call<Account & { initialPassword?: string }>('POST', '/user-accounts', {
      ...fields,
      scope: fields.scope ?? undefined,
      temporaryPassword: temporary,
    });
    return { account, generatedPassword: initialPassword };
  }

  get(username: string): Promise<Account> {
    return this.call('GET', `/user-accounts/${encodeURIComponent(username)}`);
  }

  disable(username: string): Promise<Account> {
    return this.call('POST', `/user-accounts/${encodeURIComponent(username)}/disable`);
  }

  enable(username: string): Promise<Account> {
    return this.call('POST', `/user-accounts/${encodeURIComponent(username)}/enable`);
  }

  async setPassword(username: string, password?: string, temporary = false): Promise<{ generatedPassword?: string }> {
    const { initialPassword } = await this.call<{ initialPassword?: string }>(
      'POST',
      `/user-accounts/${encodeURIComponent(username)}/password`,
      { password, temporary },
    );
    return { generatedPassword: initialPassword };
  }

  /** Every person's account, by username. */
  async list(): Promise<Account[]> {
    const accounts: Account[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.call<{ items: Account[]; total: number }>('GET', `/user-accounts?limit=${PAGE}&offset=${offset}`);
      accounts.push(...page.items);
      if (page.items.length === 0 || accounts.length >= page.total) return accounts;
    }
  }

  /** Catalog's answer; a refusal comes back as the DomainError it was, with its code and details. */
  private async call<T>(method: string, path: string, body?: object): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.catalogUrl}${path}`, {
        method,
        headers: { authorization: await this.authorization(), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new DomainError(
        'unavailable',
        'CATALOG_UNAVAILABLE',
        `catalog does not answer at ${this.catalogUrl}: ${(error as Error).message}`,
      );
    }
    const text = await response.text();
    const answer: unknown = text ? JSON.parse(text) : {};
    if (response.ok) return answer as T;
    const refusal = answer as { code?: string; message?: string; details?: Record<string, unknown> };
    throw new DomainError(
      KIND_OF_STATUS[response.status] ?? 'unavailable',
      refusal.code ?? `HTTP_${response.status}`,
      refusal.message ?? `catalog answered ${response.status} to ${method} ${path}`,
      refusal.details ?? {},
    );
  }
}
