import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig, PlatformConfig, PUBLISHED_JWT_SECRETS } from '@titipan/platform';

/**
 * Production refuses every JWT secret the repository spells out. This finds them: each literal given as a secret
 * (JWT_SECRET=…, JWT_SECRET: …, ${JWT_SECRET:-…}, mintToken('…'), secret: '…', DEV_JWT_SECRET = '…') in every
 * file the repository holds, and checks that production refuses it.
 */
const root = join(__dirname, '..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !/(^|\/)package-lock\.json$|\.(png|jpg|pdf|xlsx)$/.test(f));

const SECRET_LITERALS = [
  /\bJWT_SECRET\s*[=:]\s*['"]?([^\s'"`$}{,)]+)/g,
  /\$\{JWT_SECRET:?-([^}]+)\}/g,
  /\bmintToken\(\s*['"`]([^'"`]+)['"`]/g,
  /\bsecret:\s*['"`]([^'"`]+)['"`]/g,
  /\bDEV_JWT_SECRET\s*=\s*['"`]([^'"`]+)['"`]/g,
];
/** What a secret can look like (the patterns also meet prose and code, which this drops)… */
const SECRET_LIKE = /^[A-Za-z0-9._~+/=-]{6,}$/;
/** …and names that stand for a secret without being one. */
const NOT_A_LITERAL = /^(DEV_JWT_SECRET|LOCAL\.jwtSecret|process\.env\.\w+|config\.\w+|\w+\.secret)$/;

function literalSecrets(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const pattern of SECRET_LITERALS) {
      for (const match of text.matchAll(pattern)) {
        const value = match[1];
        if (!SECRET_LIKE.test(value) || NOT_A_LITERAL.test(value)) continue;
        found.set(value, [...(found.get(value) ?? []), file]);
      }
    }
  }
  return found;
}

const refusedInProduction = (secret: string) => {
  try {
    loadConfig(PlatformConfig, {
      NODE_ENV: 'production',
      PORT: '1',
      DB_NAME: 'x',
      DB_USER: 'x',
      DB_OWNER_USER: 'y',
      KAFKA_BROKERS: 'k:1',
      JWT_SECRET: secret,
    });
    return false;
  } catch (error) {
    return error instanceof ConfigError && error.problems.some((p) => p.startsWith('JWT_SECRET'));
  }
};

describe('secrets published in the repository', () => {
  const found = literalSecrets();

  it('finds the ones it is meant to find', () => {
    expect([...found.keys()]).toEqual(expect.arrayContaining([DEV_JWT_SECRET, 'another-secret', 'secret-a']));
  });

  it('are each refused in production', () => {
    const accepted = [...found]
      .filter(([secret]) => !refusedInProduction(secret))
      .map(([secret, where]) => `${secret} (${where.join(', ')})`);
    expect(accepted).toEqual([]);
  });

  it('include every one listed, the ones no longer in the files too (they stay published in the history)', () => {
    for (const secret of PUBLISHED_JWT_SECRETS) expect(refusedInProduction(secret)).toBe(true);
  });
});
