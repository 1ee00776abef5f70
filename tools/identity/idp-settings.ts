import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TITIPAN_REALM, type KeycloakAdminSettings } from '@titipan/identity';

/** infra/keycloak/defaults.env: the development defaults the start script uses too. */
function defaultsFile(): Record<string, string> {
  const text = readFileSync(join(__dirname, '..', '..', 'infra', 'keycloak', 'defaults.env'), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Where the identity provider is and who administers it, from the environment over the development defaults. */
export function idpSettings(env: NodeJS.ProcessEnv = process.env) {
  const defaults = defaultsFile();
  const value = (name: string) => env[name] ?? defaults[name];
  const url = env.KEYCLOAK_URL ?? `http://127.0.0.1:${value('KEYCLOAK_PORT')}`;
  return {
    url,
    realm: TITIPAN_REALM,
    /** The master realm's bootstrap admin: sets up the realm. */
    realmAdmin: {
      url,
      realm: TITIPAN_REALM,
      clientRealm: 'master',
      clientId: value('KEYCLOAK_BOOTSTRAP_CLIENT_ID'),
      clientSecret: value('KEYCLOAK_BOOTSTRAP_CLIENT_SECRET'),
    } satisfies KeycloakAdminSettings,
    /** The titipan realm's user-administration service account: manages people's accounts. */
    userAdmin: {
      url,
      realm: TITIPAN_REALM,
      clientId: value('KEYCLOAK_USER_ADMIN_CLIENT_ID'),
      clientSecret: value('KEYCLOAK_USER_ADMIN_SECRET'),
    } satisfies KeycloakAdminSettings,
    /** Where the console may be sent back after sign-in and sign-out (comma-separated in CONSOLE_REDIRECT_URIS). */
    consoleRedirectUris: (env.CONSOLE_REDIRECT_URIS ?? 'http://localhost:5173/*,http://127.0.0.1:5173/*').split(',').filter(Boolean),
  };
}

export type IdpSettings = ReturnType<typeof idpSettings>;
