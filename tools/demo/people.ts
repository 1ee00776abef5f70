import { randomBytes } from 'node:crypto';
import { CatalogAccounts, SignedInPerson, type PersonRole, type SignInSettings, type UserAdmin } from '@titipan/identity';
import type { Caller } from './api-client';

/** What the demo does with accounts: catalog's user administration, or (a test without the services) the provider's. */
export type DemoAccounts = Pick<UserAdmin, 'get' | 'add' | 'enable' | 'setPassword'>;

/** Where a demo person's mail goes: the stack's own mail catcher takes any address (README, Notifications). */
export const demoEmail = (username: string) => `${username}@titipan.local`;

/** The demo's people: who acts as which role and code. Each has an account at the identity provider. */
export function demoUsername(role: PersonRole, scope?: string): string {
  switch (role) {
    case 'venue':
      return scope === 'IMI-TGR-LOUNGE' ? 'kasir.tgr' : `kasir.${scope!.toLowerCase()}`;
    case 'upt':
      return `petugas.${scope!.toLowerCase()}`;
    case 'curator':
      return scope === 'KW-BANTEN' ? 'kurator.banten' : `kurator.${scope!.toLowerCase()}`;
    case 'ministry':
      return 'analis.ditjenpas';
    default:
      return `demo.${role}${scope ? `.${scope.toLowerCase()}` : ''}`;
  }
}

/** Where the demo gets a person's caller from: signed in at the provider, or (tests) minted locally. */
export interface DemoPeople {
  /** The caller acting as this role and code; the code must exist at its owner by then (the account is checked against it). */
  actor(role: PersonRole, scope?: string): Promise<Caller>;
}

/**
 * People with an account at the identity provider, signed in through its login page (code flow with PKCE, no
 * password grant). An account already there is reused: it is enabled and given this run's password. Each
 * person signs in once; their token is refreshed when it comes within a minute of its end (tokens live 5 minutes).
 */
export class SignedInPeople implements DemoPeople {
  private readonly signedIn = new Map<string, Promise<Caller>>();
  readonly password: string;

  constructor(
    private readonly users: DemoAccounts,
    private readonly signIn: SignInSettings,
    private readonly log: (line: string) => void,
    password?: string,
  ) {
    // the realm asks for 10 characters and not the username
    this.password = password ?? `demo-${randomBytes(9).toString('base64url')}`;
  }

  /**
   * The demo's people made through catalog's user administration (`catalog` with an admin's token): catalog
   * announces each new account, so the notification service knows whom to tell.
   */
  static create(options: {
    catalog: string;
    /** An admin's Authorization header for catalog. */
    adminAuthorization: () => Promise<string>;
    signIn: SignInSettings;
    log: (line: string) => void;
    password?: string;
  }): SignedInPeople {
    return new SignedInPeople(
      new CatalogAccounts(options.catalog, options.adminAuthorization),
      options.signIn,
      options.log,
      options.password,
    );
  }

  actor(role: PersonRole, scope?: string): Promise<Caller> {
    const username = demoUsername(role, scope);
    let pending = this.signedIn.get(username);
    if (!pending) {
      pending = this.prepare(username, role, scope);
      this.signedIn.set(username, pending);
      pending.catch(() => this.signedIn.delete(username)); // a failed sign-in may be tried again
    }
    return pending;
  }

  private async prepare(username: string, role: PersonRole, scope?: string): Promise<Caller> {
    const account = await this.ensureAccount(username, role, scope);
    const person = await SignedInPerson.signIn(this.signIn, { username, password: this.password });
    this.log(`   signed in as ${account.username} (${role}${scope ? ` of ${scope}` : ''}) at the identity provider`);
    return { role, scope, person: { username, accessToken: () => person.accessToken() } };
  }

  private async ensureAccount(username: string, role: PersonRole, scope?: string) {
    const existing = await this.users.get(username).catch((error: { code?: string }) => {
      if (error.code === 'USER_NOT_FOUND') return undefined;
      throw error;
    });
    if (!existing) {
      const { account } = await this.users.add({
        username,
        role,
        scope,
        password: this.password,
        name: username,
        email: demoEmail(username),
      });
      return account;
    }
    if (existing.role !== role || (existing.scope ?? undefined) !== scope) {
      throw new Error(
        `${username} exists as ${existing.role ?? 'no role'}${existing.scope ? ` of ${existing.scope}` : ''}, but the demo needs ${role}${scope ? ` of ${scope}` : ''}`,
      );
    }
    // enabled again even when it is: catalog then announces the person anew, so an account made before the
    // notification service existed (or at the provider directly) becomes known to it
    await this.users.enable(username);
    await this.users.setPassword(username, this.password);
    return existing;
  }
}
