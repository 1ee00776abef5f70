import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issuerOf, TITIPAN_REALM, type KeycloakAdminSettings, type SignInSettings } from '@titipan/identity';
import { CONSOLE_CLIENT } from './realm';

const ROOT = join(__dirname, '..', '..');

/**
 * The console's origins in development: its backend-for-frontend (npm start, port 3000), which receives the
 * sign-in at /auth/callback and is the post-logout page, and Vite's dev server (5173). The first stays 5173, the
 * redirect the demo's scripted sign-ins use.
 */
export const DEFAULT_CONSOLE_REDIRECT_URIS = [
  'http://localhost:5173/*',
  'http://127.0.0.1:5173/*',
  'http://127.0.0.1:3000/*',
  'http://localhost:3000/*',
].join(',');

/**
 * The checkout's generated secrets (bootstrap admin, user-administration client), written by
 * infra/keycloak/keycloak.sh at its first start into .local/ (git-ignored, owner-only); KEYCLOAK_SECRETS_FILE moves it.
 */
export const secretsFile = (env: NodeJS.ProcessEnv = process.env) => env.KEYCLOAK_SECRETS_FILE ?? join(ROOT, '.local', 'keycloak.env');

/** name=value lines, as infra/keycloak/keycloak.sh reads them. */
function envFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Where the identity provider is and who administers it: the environment, then the generated secrets, then the development defaults. */
export function idpSettings(env: NodeJS.ProcessEnv = process.env) {
  const defaults = { ...envFile(join(ROOT, 'infra', 'keycloak', 'defaults.env')), ...envFile(secretsFile(env)) };
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
    consoleRedirectUris: (env.CONSOLE_REDIRECT_URIS ?? DEFAULT_CONSOLE_REDIRECT_URIS).split(',').filter(Boolean),
    /** Where a person signs in and looks after their own account (password, sessions). */
    accountConsole: `${issuerOf(url, TITIPAN_REALM)}/account`,
  };
}

/** The issuer of the local realm, what the services get as OIDC_ISSUER: the provider's URL and /realms/titipan. */
export function localIssuer(env: NodeJS.ProcessEnv = process.env): string {
  return issuerOf(idpSettings(env).url, TITIPAN_REALM);
}

/**
 * Signing people in through the console client as a script does (the demo, the tests): the first of the
 * console's redirect URIs, its wildcard dropped; nothing needs to listen there, only the redirect is read.
 */
export function consoleSignIn(env: NodeJS.ProcessEnv = process.env): SignInSettings {
  const settings = idpSettings(env);
  return {
    url: settings.url,
    realm: settings.realm,
    clientId: CONSOLE_CLIENT,
    redirectUri: settings.consoleRedirectUris[0].replace(/\*$/, ''),
  };
}

export type IdpSettings = ReturnType<typeof idpSettings>;
