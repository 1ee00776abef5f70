import { randomBytes } from 'node:crypto';
import { firstRefusal, refuse } from '@titipan/kernel';
import {
  ACCOUNT_REFUSAL_KIND,
  ACCOUNT_RULES,
  SCOPE_OWNER_RULES,
  passwordRefused,
  scopeToCheck,
  userNotFound,
  usernameTaken,
  type AccountCandidate,
} from './account-rules';
import { PERSON_ROLES, SCOPE_ATTRIBUTE, type PersonRole } from './claims';
import { IdentityProviderError } from './client-credentials';
import type { KeycloakAdmin } from './keycloak-admin';
import type { ScopeDirectory } from './scope-directory';

export interface NewAccount {
  username: string;
  role: string;
  scope?: string | null;
  /** Without one, a password is generated, answered once, and must be changed at the first sign-in. */
  password?: string;
  /** The given password must be changed at the first sign-in (a generated one always must). */
  temporary?: boolean;
  /** Shown name (the token's `name`). */
  name?: string;
  email?: string;
}

/** A person's account as the provider holds it. */
export interface Account {
  id: string;
  username: string;
  enabled: boolean;
  role: PersonRole | null;
  scope: string | null;
  name: string | null;
  email: string | null;
  createdAt: string;
}

/** The slice of Keycloak's UserRepresentation this module reads and writes. */
interface UserRepresentation {
  id: string;
  username: string;
  enabled: boolean;
  firstName?: string;
  email?: string;
  createdTimestamp?: number;
  attributes?: Record<string, string[]>;
  [other: string]: unknown;
}

interface RoleRepresentation {
  id: string;
  name: string;
}

const LIST_PAGE = 100;

/** 16 characters of 96 random bits: above the realm's minimum length, never guessed. */
const generatePassword = () => randomBytes(12).toString('base64url');

/**
 * The accounts of people: created with one role and, for scoped roles, a code that its owning service knows;
 * disabled (which also ends their sessions, so no refresh succeeds), enabled, listed, given a new password.
 * Calls the provider with the user-administration service account (manage-users, view-users, query-users).
 */
export class UserAdmin {
  constructor(
    private readonly admin: KeycloakAdmin,
    private readonly directory: ScopeDirectory,
  ) {}

  async add(request: NewAccount): Promise<{ account: Account; generatedPassword?: string }> {
    const candidate: AccountCandidate = { username: request.username, role: request.role, scope: request.scope || null };
    const malformed = firstRefusal(ACCOUNT_RULES, candidate);
    if (malformed) refuse(malformed, ACCOUNT_REFUSAL_KIND);
    const owned = scopeToCheck(candidate);
    if (owned) {
      const unknown = firstRefusal(SCOPE_OWNER_RULES, { ...candidate, scopeFound: await this.directory.exists(owned.kind, owned.code) });
      if (unknown) refuse(unknown, ACCOUNT_REFUSAL_KIND);
    }
    if (await this.find(request.username)) refuse(usernameTaken(request.username), ACCOUNT_REFUSAL_KIND);

    const generatedPassword = request.password ? undefined : generatePassword();
    const id = await this.refusingPassword(() =>
      this.admin.realmRequest<string>('POST', '/users', {
        username: request.username,
        enabled: true,
        firstName: request.name,
        email: request.email,
        attributes: candidate.scope ? { [SCOPE_ATTRIBUTE]: [candidate.scope] } : {},
        credentials: [
          {
            type: 'password',
            value: request.password ?? generatedPassword,
            temporary: generatedPassword !== undefined || request.temporary === true,
          },
        ],
      }),
    ).catch((error: unknown) => {
      if (error instanceof IdentityProviderError && error.status === 409) refuse(usernameTaken(request.username), ACCOUNT_REFUSAL_KIND);
      throw error;
    });
    try {
      await this.grantRole(id, request.role as PersonRole);
    } catch (error) {
      // an account without its role must not stay behind: the next `add` can then simply be tried again
      await this.admin.realmRequest('DELETE', `/users/${id}`).catch(() => undefined);
      throw error;
    }
    return { account: await this.account(await this.admin.realmRequest<UserRepresentation>('GET', `/users/${id}`)), generatedPassword };
  }

  /** Disables the account and ends its sessions: its refresh tokens stop working at once, its access tokens within their 5 minutes. */
  async disable(username: string): Promise<Account> {
    const user = await this.setEnabled(username, false);
    await this.admin.realmRequest('POST', `/users/${user.id}/logout`);
    return this.account(user);
  }

  async enable(username: string): Promise<Account> {
    return this.account(await this.setEnabled(username, true));
  }

  /** Sets the given password, or a generated one (answered once) that must be changed at the next sign-in. */
  async setPassword(username: string, password?: string, temporary = false): Promise<{ generatedPassword?: string }> {
    const user = await this.existing(username);
    const generatedPassword = password ? undefined : generatePassword();
    await this.refusingPassword(() =>
      this.admin.realmRequest('PUT', `/users/${user.id}/reset-password`, {
        type: 'password',
        value: password ?? generatedPassword,
        temporary: temporary || generatedPassword !== undefined,
      }),
    );
    return { generatedPassword };
  }

  /** Every person's account, by username (service-account users excluded). */
  async list(): Promise<Account[]> {
    const users: UserRepresentation[] = [];
    for (let first = 0; ; first += LIST_PAGE) {
      const page = await this.admin.realmRequest<UserRepresentation[]>(
        'GET',
        `/users?briefRepresentation=false&first=${first}&max=${LIST_PAGE}`,
      );
      users.push(...page);
      if (page.length < LIST_PAGE) break;
    }
    const people = users.filter((user) => !user.username.startsWith('service-account-'));
    const accounts: Account[] = [];
    for (const user of people) accounts.push(await this.account(user));
    return accounts.sort((a, b) => a.username.localeCompare(b.username));
  }

  async get(username: string): Promise<Account> {
    return this.account(await this.existing(username));
  }

  private async setEnabled(username: string, enabled: boolean): Promise<UserRepresentation> {
    const user = await this.existing(username);
    // the whole representation goes back: a partial one could clear attributes such as the scope code
    const updated = { ...user, enabled };
    await this.admin.realmRequest('PUT', `/users/${user.id}`, updated);
    return updated;
  }

  /** Realm roles are looked up through what the user may be given: reading /roles itself would need view-realm. */
  private async grantRole(userId: string, role: PersonRole): Promise<void> {
    const available = await this.admin.realmRequest<RoleRepresentation[]>('GET', `/users/${userId}/role-mappings/realm/available`);
    const grant = available.find((candidate) => candidate.name === role);
    if (!grant) throw new Error(`the realm has no role ${role}: apply the realm first (npm run idp:realm)`);
    await this.admin.realmRequest('POST', `/users/${userId}/role-mappings/realm`, [grant]);
  }

  private async account(user: UserRepresentation): Promise<Account> {
    const roles = await this.admin.realmRequest<RoleRepresentation[]>('GET', `/users/${user.id}/role-mappings/realm`);
    const role = roles.map((r) => r.name).find((name): name is PersonRole => (PERSON_ROLES as readonly string[]).includes(name));
    return {
      id: user.id,
      username: user.username,
      enabled: user.enabled,
      role: role ?? null,
      scope: user.attributes?.[SCOPE_ATTRIBUTE]?.[0] ?? null,
      name: user.firstName ?? null,
      email: user.email ?? null,
      createdAt: new Date(user.createdTimestamp ?? 0).toISOString(),
    };
  }

  private async find(username: string): Promise<UserRepresentation | undefined> {
    const matches = await this.admin.realmRequest<UserRepresentation[]>(
      'GET',
      `/users?username=${encodeURIComponent(username)}&exact=true&briefRepresentation=false`,
    );
    return matches.find((user) => user.username === username.toLowerCase());
  }

  private async existing(username: string): Promise<UserRepresentation> {
    return (await this.find(username)) ?? refuse(userNotFound(username), ACCOUNT_REFUSAL_KIND);
  }

  /** The provider judges passwords by the realm's policy; its refusal becomes PASSWORD_REFUSED with its reason. */
  private async refusingPassword<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof IdentityProviderError && error.status === 400 && /password/i.test(error.providerMessage ?? '')) {
        refuse(passwordRefused(error.providerMessage ?? 'by the password policy'), ACCOUNT_REFUSAL_KIND);
      }
      throw error;
    }
  }
}
