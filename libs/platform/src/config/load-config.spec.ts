import { ConfigError, loadConfig, requiredSettings } from './load-config';
import { DEV_JWT_SECRET, PlatformConfig } from './platform-config';

const minimal = { PORT: '3001', DB_NAME: 'titipan', DB_USER: 'titipan_catalog', KAFKA_BROKERS: '127.0.0.1:9092' };

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
    const config = loadConfig(PlatformConfig, minimal);
    expect(config).toMatchObject({
      PORT: 3001,
      DB_PORT: 5432,
      DB_HOST: '127.0.0.1',
      NODE_ENV: 'development',
      DB_MIGRATE_ON_START: true,
      KAFKA_TOPIC_PREFIX: '',
    });
  });

  it('names each missing setting', () => {
    const problems = problemsOf({ PORT: '3001' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DB_NAME', 'DB_USER', 'KAFKA_BROKERS']);
    expect(problems.join('\n')).toMatch(/DB_NAME \(missing\)/);
  });

  it('names each malformed setting with the value it got', () => {
    const problems = problemsOf({ ...minimal, PORT: 'eighty', DB_PORT: '70000', KAFKA_BROKERS: 'localhost', DB_MIGRATE_ON_START: 'false' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DB_PORT', 'KAFKA_BROKERS', 'PORT']);
    expect(problems.join('\n')).toMatch(/PORT \(got "eighty"\)/);
  });

  it('reads booleans', () => {
    expect(loadConfig(PlatformConfig, { ...minimal, DB_MIGRATE_ON_START: 'false' }).DB_MIGRATE_ON_START).toBe(false);
  });

  it('refuses the development JWT secret, or a short one, in production', () => {
    expect(problemsOf({ ...minimal, NODE_ENV: 'production' }).join()).toMatch(/JWT_SECRET.*refused when NODE_ENV=production/);
    expect(problemsOf({ ...minimal, NODE_ENV: 'production', JWT_SECRET: 'short' }).join()).toMatch(/at least 32/);
    expect(problemsOf({ ...minimal, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toEqual([]);
    expect(loadConfig(PlatformConfig, minimal).JWT_SECRET).toBe(DEV_JWT_SECRET);
  });

  it('lists the settings that have no default', () => {
    expect(requiredSettings(PlatformConfig).sort()).toEqual(['DB_NAME', 'DB_USER', 'KAFKA_BROKERS', 'PORT']);
  });
});
