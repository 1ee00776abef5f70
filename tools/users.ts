import { parseArgs } from 'node:util';
import { DomainError } from '@titipan/kernel';
import { CatalogAccounts, KeycloakAdmin, PERSON_ROLES, bearerOf, type Account } from '@titipan/identity';
import { idpSettings } from './identity/idp-settings';
import { LOCAL } from './local-settings';

const USAGE = `usage:
  npm run users -- add --username kasir.tgr --role <${PERSON_ROLES.join('|')}> [--scope CODE] [--password PW] [--name "Full Name"] [--email ADDRESS]
  npm run users -- disable --username kasir.tgr       (also ends the person's sessions)
  npm run users -- enable --username kasir.tgr
  npm run users -- set-password --username kasir.tgr [--password PW] [--temporary]
  npm run users -- list [--json]
Without --password a password is generated, printed once, and must be changed at the first sign-in.
The command acts through catalog's user administration (CATALOG_URL), which checks that a scope code exists at its
owner, keeps the audit trail and announces the person to the notification service (--email: where their notices
are mailed).`;

export interface UsersIo {
  out(line: string): void;
  err(line: string): void;
}

/** Where catalog's user administration answers: the local stack's port unless CATALOG_URL says otherwise. */
export function catalogUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.CATALOG_URL ?? `http://127.0.0.1:${LOCAL.ports.catalog}`;
}

const describe = (a: Account) =>
  `${a.username.padEnd(24)} ${(a.role ?? '-').padEnd(9)} ${(a.scope ?? '-').padEnd(20)} ${a.enabled ? 'enabled ' : 'DISABLED'} ${a.name ?? ''}`.trimEnd();

/** Runs one users command; answers the exit code (0 done, 1 could not run, 2 refused or bad usage). */
export async function usersCommand(argv: string[], io: UsersIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      temporary: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [command] = positionals;
  const username = typeof values.username === 'string' ? values.username : undefined;
  const password = typeof values.password === 'string' ? values.password : undefined;
  const needsUsername = ['add', 'disable', 'enable', 'set-password'].includes(command ?? '');
  if (!command || !['add', 'disable', 'enable', 'set-password', 'list'].includes(command) || (needsUsername && !username)) {
    io.err(USAGE);
    return 2;
  }

  const settings = idpSettings(env);
  // one service account for both: its token calls the provider's admin API and, carrying role=admin and the
  // three service audiences, asks the services whether a scope code exists (decision 0016, addendum)
  const admin = new KeycloakAdmin(settings.userAdmin);
  const users = new CatalogAccounts(catalogUrl(env), bearerOf(admin));
  try {
    switch (command) {
      case 'add': {
        const { account, generatedPassword } = await users.add({
          username: username!,
          role: String(values.role ?? ''),
          scope: typeof values.scope === 'string' ? values.scope : null,
          password,
          name: typeof values.name === 'string' ? values.name : undefined,
          email: typeof values.email === 'string' ? values.email : undefined,
        });
        io.out(`added ${describe(account)}`);
        if (generatedPassword) io.out(`one-time password (to be changed at the first sign-in): ${generatedPassword}`);
        break;
      }
      case 'disable':
        io.out(`disabled ${describe(await users.disable(username!))}; its sessions are ended`);
        break;
      case 'enable':
        io.out(`enabled ${describe(await users.enable(username!))}`);
        break;
      case 'set-password': {
        const { generatedPassword } = await users.setPassword(username!, password, values.temporary === true);
        io.out(
          generatedPassword
            ? `one-time password for ${username} (to be changed at the first sign-in): ${generatedPassword}`
            : `password of ${username} set`,
        );
        break;
      }
      case 'list': {
        const accounts = await users.list();
        if (values.json) io.out(JSON.stringify(accounts, null, 2));
        else for (const account of accounts) io.out(describe(account));
        break;
      }
    }
    return 0;
  } catch (error) {
    // a refusal is the caller's to fix (2); catalog or the provider not answering, or not set up, is not (1)
    if (error instanceof DomainError && error.kind !== 'unavailable') {
      io.err(`${error.code}: ${error.message}`);
      return 2;
    }
    io.err((error as Error).message);
    return 1;
  }
}

if (require.main === module) {
  usersCommand(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
