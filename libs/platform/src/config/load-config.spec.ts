import { ConfigError, loadConfig, requiredSettings } from './load-config';
import { randomBytes } from 'node:crypto';
import { DEV_JWT_SECRET, PlatformConfig, PUBLISHED_JWT_SECRETS } from './platform-config';

const minimal = {
  PORT: '3001',
  DB_NAME: 'titipan',
  DB_USER: 'titipan_catalog',
  DB_OWNER_USER: 'titipan_catalog_owner',
  KAFKA_BROKERS: '127.0.0.1:9092',
};
/** What a deployment sets: a random secret. */
const productionSecret = () => randomBytes(32).toString('base64url');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(PlatformConfig, env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration', () => {
  it('reads the required settings and fills in defaults', () => {
    const config = loadConfig(PlatformConfig, { ...minimal, NODE_ENV: 'development' });
    expect(config).toMatchObject({
      PORT: 3001,
      DB_PORT: 5432,
      DB_HOST: '127.0.0.1',
      DB_MIGRATE_ON_START: true,
      KAFKA_TOPIC_PREFIX: '',
    });
  });

  it('names each missing setting', () => {
    const problems = problemsOf({ PORT: '3001', NODE_ENV: 'test', DB_MIGRATE_ON_START: 'false' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DB_NAME', 'DB_USER', 'KAFKA_BROKERS']);
    expect(problems.join('\n')).toMatch(/DB_NAME \(missing\)/);
  });

  it('names each malformed setting with the value it got', () => {
    const problems = problemsOf({
      ...minimal,
      NODE_ENV: 'test',
      PORT: 'eighty',
      DB_PORT: '70000',
      KAFKA_BROKERS: 'localhost',
      DB_MIGRATE_ON_START: 'false',
    });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DB_PORT', 'KAFKA_BROKERS', 'PORT']);
    expect(problems.join('\n')).toMatch(/PORT \(got "eighty"\)/);
  });

  it('reads booleans', () => {
    expect(loadConfig(PlatformConfig, { ...minimal, NODE_ENV: 'test', DB_MIGRATE_ON_START: 'false' }).DB_MIGRATE_ON_START).toBe(false);
  });

  it('runs as production when NODE_ENV is unset: no development secret without NODE_ENV=development or test', () => {
    expect(problemsOf(minimal)).toEqual([expect.stringMatching(/^JWT_SECRET \(missing\): required when NODE_ENV=production \(or unset/)]);
    const secret = productionSecret();
    expect(loadConfig(PlatformConfig, { ...minimal, JWT_SECRET: secret })).toMatchObject({ NODE_ENV: 'production', JWT_SECRET: secret });
    for (const NODE_ENV of ['development', 'test']) {
      expect(loadConfig(PlatformConfig, { ...minimal, NODE_ENV })).toMatchObject({ NODE_ENV, JWT_SECRET: DEV_JWT_SECRET });
    }
  });

  it('refuses in production every secret published in the repository, and short or repetitive ones', () => {
    const production = { ...minimal, NODE_ENV: 'production' };
    expect(PUBLISHED_JWT_SECRETS).toEqual(
      expect.arrayContaining([DEV_JWT_SECRET, 'change-me-to-a-long-random-secret-of-32-chars-or-more']), // compose's old fallback
    );
    for (const published of PUBLISHED_JWT_SECRETS) {
      expect(problemsOf({ ...production, JWT_SECRET: published })).toEqual([expect.stringMatching(/^JWT_SECRET: is published/)]);
    }
    expect(problemsOf({ ...production, JWT_SECRET: 'short' }).join()).toMatch(/at least 32 characters/);
    expect(problemsOf({ ...production, JWT_SECRET: 'x'.repeat(40) }).join()).toMatch(/at least 10 different characters/);
    expect(problemsOf({ ...production, JWT_SECRET: productionSecret() })).toEqual([]);
  });

  it('needs the owner role to migrate at start, and refuses to run as the owner', () => {
    const { DB_OWNER_USER: _, ...withoutOwner } = minimal;
    const dev = { NODE_ENV: 'development' };
    expect(problemsOf({ ...withoutOwner, ...dev })).toEqual([
      expect.stringMatching(/^DB_OWNER_USER \(missing\): migrations run as the schema owner/),
    ]);
    expect(problemsOf({ ...withoutOwner, ...dev, DB_MIGRATE_ON_START: 'false' })).toEqual([]);
    expect(problemsOf({ ...minimal, ...dev, DB_OWNER_USER: minimal.DB_USER }).join()).toMatch(/must differ from DB_USER/);
  });

  it('lists the settings that have no default', () => {
    expect(requiredSettings(PlatformConfig).sort()).toEqual(['DB_NAME', 'DB_USER', 'KAFKA_BROKERS', 'PORT']);
  });
});
