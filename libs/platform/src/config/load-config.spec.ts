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
  KAFKA_SASL_USERNAME: 'catalog',
  KAFKA_SASL_PASSWORD: 'secret',
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

  it('refuses to run in production without a Kafka principal, and takes its TLS settings', () => {
    const { KAFKA_SASL_USERNAME: _, KAFKA_SASL_PASSWORD: __, ...noPrincipal } = minimal;
    expect(problemsOf(noPrincipal)).toEqual([
      expect.stringMatching(
        /^KAFKA_SASL_USERNAME \(missing\): the Kafka principal \(SASL\/SCRAM user\) is required when NODE_ENV=production/,
      ),
      expect.stringMatching(/^KAFKA_SASL_PASSWORD \(missing\): the Kafka principal's password is required/),
    ]);
    expect(problemsOf({ ...minimal, KAFKA_SASL_PASSWORD: '' }).map((p) => p.split(' ')[0])).toEqual(['KAFKA_SASL_PASSWORD']);
    // development and tests may connect without SASL (to a broker that does not ask for it); a username still needs its password
    expect(problemsOf({ ...noPrincipal, NODE_ENV: 'development' })).toEqual([]);
    expect(problemsOf({ ...noPrincipal, NODE_ENV: 'test', KAFKA_SASL_USERNAME: 'catalog' }).map((p) => p.split(' ')[0])).toEqual([
      'KAFKA_SASL_PASSWORD',
    ]);
    const tls = loadConfig(PlatformConfig, {
      ...minimal,
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: '/etc/kafka/ca.pem',
      KAFKA_TLS_VERIFY: 'false',
    });
    expect(tls).toMatchObject({ KAFKA_TLS: true, KAFKA_TLS_CA_FILE: '/etc/kafka/ca.pem', KAFKA_TLS_VERIFY: false });
    expect(loadConfig(PlatformConfig, minimal)).toMatchObject({ KAFKA_TLS: false, KAFKA_TLS_VERIFY: true });
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
