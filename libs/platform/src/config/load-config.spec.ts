import { ConfigError, loadConfig, requiredSettings } from './load-config';
import { PlatformConfig, trustedIssuers } from './platform-config';

const ISSUER = 'https://login.titipan.example/realms/titipan';
const DEV_JWKS_URL = 'http://127.0.0.1:3009/jwks.json';

const minimal = {
  OIDC_ISSUER: ISSUER,
  PORT: '3001',
  DB_NAME: 'titipan',
  DB_USER: 'titipan_catalog',
  DB_OWNER_USER: 'titipan_catalog_owner',
  KAFKA_BROKERS: '127.0.0.1:9092',
};

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
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DB_NAME', 'DB_USER', 'KAFKA_BROKERS', 'OIDC_ISSUER']);
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

  it('runs as production when NODE_ENV is unset: the identity provider is required, and no development tokens', () => {
    const { OIDC_ISSUER: _, ...noIssuer } = minimal;
    expect(problemsOf(noIssuer)).toEqual([
      expect.stringMatching(/^OIDC_ISSUER \(missing\): the identity provider's issuer is required when NODE_ENV=production \(or unset/),
    ]);
    expect(problemsOf(minimal)).toEqual([]);
    expect(problemsOf({ ...minimal, DEV_JWKS_URL })).toEqual([expect.stringMatching(/^DEV_JWKS_URL: development tokens are refused/)]);
    expect(problemsOf({ ...minimal, NODE_ENV: 'production', DEV_JWKS_URL })).toHaveLength(1);
    for (const NODE_ENV of ['development', 'test']) {
      expect(problemsOf({ ...noIssuer, NODE_ENV, DEV_JWKS_URL })).toEqual([]);
      expect(problemsOf({ ...noIssuer, NODE_ENV })).toEqual([expect.stringMatching(/^OIDC_ISSUER \(missing\): no token issuer is set/)]);
    }
  });

  it("trusts the provider's keys at Keycloak's place unless told, and the development issuer only where it is set", () => {
    expect(trustedIssuers(loadConfig(PlatformConfig, { ...minimal, OIDC_ISSUER: ISSUER }))).toEqual([
      { issuer: ISSUER, jwksUrl: `${ISSUER}/protocol/openid-connect/certs` },
    ]);
    const inCompose = {
      ...minimal,
      OIDC_ISSUER: ISSUER,
      OIDC_JWKS_URL: 'http://keycloak:8080/realms/titipan/protocol/openid-connect/certs',
    };
    expect(trustedIssuers(loadConfig(PlatformConfig, inCompose))).toEqual([{ issuer: ISSUER, jwksUrl: inCompose.OIDC_JWKS_URL }]);
    expect(trustedIssuers(loadConfig(PlatformConfig, { ...minimal, OIDC_ISSUER: '', NODE_ENV: 'test', DEV_JWKS_URL }))).toEqual([
      { issuer: 'titipan-development', jwksUrl: DEV_JWKS_URL },
    ]);
    expect(problemsOf({ ...minimal, OIDC_ISSUER: 'not a url' })[0]).toMatch(/^OIDC_ISSUER \(got "not a url"\)/);
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
