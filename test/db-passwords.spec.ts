import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_ROLES, KAFKA_PRINCIPALS } from '@titipan/platform';
import { createPasswordsFile, passwordsIn } from '../tools/db-passwords';
import { scratchDir } from './support/clean-up';

/** The local password file: random per role, readable by its owner only, one file however many runs start together. */
describe('database passwords file', () => {
  const dir = scratchDir('passwords');
  afterAll(dir.remove);

  it('is created once with a random password per role, mode 0600, and read back unchanged', () => {
    const file = join(dir.path, 'first', 'db-passwords.json');
    const created = passwordsIn(file);
    expect(Object.keys(created).sort()).toEqual([...DATABASE_ROLES].sort());
    expect(new Set(Object.values(created)).size).toBe(DATABASE_ROLES.length);
    for (const [role, password] of Object.entries(created)) {
      expect(password).not.toBe(role);
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(passwordsIn(file)).toEqual(created);
  });

  it('keeps the first file when another run creates one at the same moment, and leaves no temporary file', () => {
    const folder = join(dir.path, 'raced');
    const file = join(folder, 'db-passwords.json');
    createPasswordsFile(file); // the run that won
    const won = readFileSync(file, 'utf8');
    createPasswordsFile(file); // a run that checked a moment earlier and found no file
    expect(readFileSync(file, 'utf8')).toBe(won);
    expect(readdirSync(folder)).toEqual(['db-passwords.json']);
  });

  it('completes a file made before a principal existed: the new one gets a password, the others keep theirs', () => {
    const folder = join(dir.path, 'older');
    const file = join(folder, 'kafka-passwords.json');
    const before = { admin: 'a', catalog: 'c', consignment: 'o', reporting: 'r', tools: 't' };
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, JSON.stringify(before), { mode: 0o600 });
    const completed = passwordsIn(file, KAFKA_PRINCIPALS);
    expect(completed).toEqual({ ...before, notification: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(completed);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['kafka-passwords.json']);
  });

  it('refuses a file others can read', () => {
    const file = join(dir.path, 'open', 'db-passwords.json');
    passwordsIn(file);
    chmodSync(file, 0o644);
    expect(() => passwordsIn(file)).toThrow(/is readable by others \(mode 644\); chmod 600 it/);
  });
});
