import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_ROLES } from '@titipan/platform';
import { writeSecretFileOnce } from './local-files';

/**
 * The password of each database role (per service its owner and its runtime role) for the local stack, the
 * tools and the tests. A deployment supplies them in the environment as DB_PASSWORD_<ROLE> (for example
 * DB_PASSWORD_TITIPAN_CATALOG); any not supplied come from `.local/db-passwords.json`, which the first caller
 * (npm run setup, npm start or a test run) fills with random passwords. The file is git-ignored and readable
 * by its owner only. Roles are cluster-wide, so everything on one Postgres that shares this checkout shares them.
 */
export const DB_PASSWORDS_FILE = join(__dirname, '..', '.local', 'db-passwords.json');

/** The environment variable that supplies a role's password. */
export const passwordVariable = (role: string) => `DB_PASSWORD_${role.toUpperCase()}`;

let fromFile: Record<string, string> | undefined;

export function dbPassword(role: string): string {
  const supplied = process.env[passwordVariable(role)];
  if (supplied) return supplied;
  fromFile ??= passwordsIn(DB_PASSWORDS_FILE);
  const password = fromFile[role];
  if (!password) throw new Error(`${DB_PASSWORDS_FILE} has no password for ${role}; remove the file and run npm run setup`);
  return password;
}

const randomPassword = () => randomBytes(24).toString('base64url');

/** The passwords a file holds, created with random ones (for `names`: the database roles unless told) when there is none yet. */
export function passwordsIn(file: string, names: readonly string[] = DATABASE_ROLES): Record<string, string> {
  if (!existsSync(file)) createPasswordsFile(file, names);
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it`);
  const passwords = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  // a service added since the file was made (notification): its roles (or principal) get passwords too, the others keep theirs
  const missing = names.filter((name) => !passwords[name]);
  if (missing.length === 0) return passwords;
  const completed = { ...passwords, ...Object.fromEntries(missing.map((name) => [name, randomPassword()])) };
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${JSON.stringify(completed, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, file);
  return completed;
}

export function createPasswordsFile(file: string, names: readonly string[] = DATABASE_ROLES): void {
  const passwords = Object.fromEntries(names.map((name) => [name, randomPassword()]));
  writeSecretFileOnce(file, `${JSON.stringify(passwords, null, 2)}\n`);
}
