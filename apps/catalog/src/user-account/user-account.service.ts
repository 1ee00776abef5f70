import { Inject, Injectable } from '@nestjs/common';
import { PersonChanged } from '@titipan/contracts';
import { firstRefusal, refuse } from '@titipan/kernel';
import type { Account, NewAccount, UserAdmin } from '@titipan/identity';
import { UnitOfWork, type Page } from '@titipan/platform';
import { USER_ADMIN_FAILURE_KIND, USER_ADMIN_FAILURE_RULES, userAdminNotConfigured } from './provider-failures';
import type { CreateUserAccountDto, UserAccountQueryDto, UserAccountView } from './user-account.dto';

/** The user administration, or why there is none (the settings it misses). */
export type UserAdminSetup = { users: UserAdmin } | { missing: string[] };
export const USER_ADMIN_SETUP = Symbol('USER_ADMIN_SETUP');

/** The fields of an account the audit trail keeps: never a password. */
const audited = (a: Account) => ({ username: a.username, role: a.role, scope: a.scope, name: a.name, email: a.email, enabled: a.enabled });

/**
 * People's accounts at the identity provider, for the console: the account rules and the provider calls are
 * UserAdmin's (libs/identity, shared with `npm run users`); this adds the 503s of a missing set-up or an
 * unreachable provider, and the audit trail of each admin action.
 */
@Injectable()
export class UserAccountService {
  constructor(
    @Inject(USER_ADMIN_SETUP) private readonly setup: UserAdminSetup,
    private readonly uow: UnitOfWork,
  ) {}

  async create(input: CreateUserAccountDto): Promise<UserAccountView> {
    const request: NewAccount = {
      username: input.username,
      role: input.role,
      scope: input.scope ?? null,
      name: input.name,
      email: input.email,
      password: input.password,
      temporary: input.temporaryPassword,
    };
    const { account, generatedPassword } = await this.call((users) => users.add(request));
    await this.audit(account, 'catalog.user-account.created', { after: audited(account) }, true);
    return generatedPassword ? { ...account, initialPassword: generatedPassword } : account;
  }

  async list(query: UserAccountQueryDto): Promise<Page<Account>> {
    // the provider cannot filter by role, and the realm holds hundreds of people: filtered and paged here
    const all = await this.call((users) => users.list());
    const matching = all.filter((a) => (!query.role || a.role === query.role) && (!query.scope || a.scope === query.scope));
    return {
      items: matching.slice(query.offset, query.offset + query.limit),
      total: matching.length,
      limit: query.limit,
      offset: query.offset,
    };
  }

  get(username: string): Promise<Account> {
    return this.call((users) => users.get(username));
  }

  /** Also ends the person's sessions: no refresh token of theirs works any more. */
  async disable(username: string): Promise<Account> {
    const account = await this.call((users) => users.disable(username));
    await this.audit(account, 'catalog.user-account.disabled', { before: { enabled: true }, after: { enabled: false } }, true);
    return account;
  }

  async enable(username: string): Promise<Account> {
    const account = await this.call((users) => users.enable(username));
    await this.audit(account, 'catalog.user-account.enabled', { before: { enabled: false }, after: { enabled: true } }, true);
    return account;
  }

  async setPassword(username: string, password?: string, temporary = false): Promise<{ username: string; initialPassword?: string }> {
    const { generatedPassword } = await this.call((users) => users.setPassword(username, password, temporary));
    // that it was set and whether it must be changed; the password itself never
    await this.audit({ username }, 'catalog.user-account.password-set', {
      after: { temporary: temporary || generatedPassword !== undefined },
    });
    return generatedPassword ? { username, initialPassword: generatedPassword } : { username };
  }

  /** Runs a UserAdmin call; a missing set-up or a failed dependency becomes its 503, the account rules' refusals pass as they are. */
  private async call<T>(work: (users: UserAdmin) => Promise<T>): Promise<T> {
    if ('missing' in this.setup) refuse(userAdminNotConfigured(this.setup.missing), USER_ADMIN_FAILURE_KIND);
    try {
      return await work(this.setup.users);
    } catch (error) {
      const failure = firstRefusal(USER_ADMIN_FAILURE_RULES, error);
      if (failure) refuse(failure, USER_ADMIN_FAILURE_KIND);
      throw error;
    }
  }

  /**
   * An admin action on an account, in catalog's audit trail: national only (no organisation's reader sees it).
   * Written after the provider has acted, which has no transaction to share. A change of who the person is, their
   * role, scope, e-mail or whether they may sign in is also published (PersonChanged): the notification service
   * addresses people from it.
   */
  private audit(
    account: Pick<Account, 'username'> | Account,
    action: string,
    change: { before?: object; after?: object },
    announce = false,
  ): Promise<void> {
    return this.uow.run(async (tx) => {
      tx.audit({ entity: 'user-account', id: account.username, action, scopeKey: null, ...change });
      if (announce && 'id' in account) {
        const { id, username, role, scope, name, email, enabled } = account;
        tx.publish(PersonChanged, { personId: id, username, role, scope, name, email, enabled });
      }
    });
  }
}
