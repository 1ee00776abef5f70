import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DATABASE_ROLES,
  KAFKA_PRINCIPALS,
  loadConfig,
  PlatformConfig,
  requiredSettings,
  roleOf,
  SERVICES,
  settingNames,
} from '@titipan/platform';
import { parse } from 'yaml';
import { passwordVariable } from '../tools/db-passwords';
import { kafkaPasswordVariable } from '../tools/kafka-credentials';
import { LOCAL } from '../tools/local-settings';

/** There is no Docker engine here, so the compose files are checked by reading them against the code. */
const root = join(__dirname, '..');
const read = (file: string) => parse(readFileSync(join(root, file), 'utf8'), { merge: true });
const compose = read('docker-compose.yml');
const hostPorts = read('docker-compose.host-ports.yml');
const pinnedKeycloak = /<keycloak\.version>([^<]+)<\/keycloak\.version>/.exec(
  readFileSync(join(root, 'infra/keycloak/pom.xml'), 'utf8'),
)![1];
const pinnedKafka = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(join(root, 'infra/kafka/pom.xml'), 'utf8'))![1];

/** The variable a value requires, `${NAME:?message}`: compose refuses to start without it. */
const required = (value: unknown) => /^\$\{([A-Z_]+):\?[^}]+\}$/.exec(String(value))?.[1];

/** A value as compose gives it, every `${NAME:?message}` replaced by the variable's value. */
const substituted = (value: unknown, given: Record<string, string>) =>
  String(value).replace(/\$\{([A-Z_]+):\?[^}]+\}/g, (_, name: string) => given[name] ?? `<${name} not given>`);

describe('docker-compose.yml', () => {
  it.each(SERVICES)('supplies every required setting of %s, with valid values once the secrets are given', (service) => {
    const env = compose.services[service].environment as Record<string, string>;
    for (const setting of requiredSettings(PlatformConfig)) expect(env).toHaveProperty(setting);
    // nothing the code does not read
    expect(Object.keys(env).filter((k) => !settingNames(PlatformConfig).includes(k))).toEqual([]);
    expect(env.DB_USER).toBe(roleOf(service));
    expect(env.NODE_ENV).toBe('production');
    // the values pass the service's own validation, production rules included, with the required variables set as a deployment would
    const given: Record<string, string> = {
      KEYCLOAK_PUBLIC_URL: 'https://login.titipan.example',
      [passwordVariable(roleOf(service))]: 'p',
      [kafkaPasswordVariable(service)]: 'k',
    };
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, substituted(v, given)]));
    expect(() => loadConfig(PlatformConfig, resolved)).not.toThrow();
  });

  it("requires every secret, with no default: the superuser password, each role password and the identity provider's", () => {
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/\$\{[A-Z_]+:?-/); // no ${VAR:-default} fallback anywhere
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(compose.services.setup.environment.DB_ADMIN_URL).toMatch(
      /^postgres:\/\/postgres:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\//,
    );
    for (const service of SERVICES) {
      const env = compose.services[service].environment;
      expect(env.OIDC_ISSUER).toMatch(/^\$\{KEYCLOAK_PUBLIC_URL:\?[^}]+\}\/realms\/titipan$/);
      expect(required(env.DB_PASSWORD)).toBe(passwordVariable(roleOf(service)));
    }
    // setup gives each role the password its service logs in with, from the same variables
    const setup = compose.services.setup.environment as Record<string, string>;
    for (const role of DATABASE_ROLES) expect(required(setup[passwordVariable(role)])).toBe(passwordVariable(role));
    const keycloak = compose.services.keycloak.environment;
    expect(required(keycloak.KC_DB_PASSWORD)).toBe('KEYCLOAK_DB_PASSWORD');
    expect(required(compose.services.postgres.environment.KEYCLOAK_DB_PASSWORD)).toBe('KEYCLOAK_DB_PASSWORD');
    expect(required(keycloak.KC_BOOTSTRAP_ADMIN_CLIENT_SECRET)).toBe('KEYCLOAK_BOOTSTRAP_CLIENT_SECRET');
    const realm = compose.services.realm.environment;
    expect(required(realm.KEYCLOAK_BOOTSTRAP_CLIENT_SECRET)).toBe('KEYCLOAK_BOOTSTRAP_CLIENT_SECRET');
    expect(required(realm.KEYCLOAK_USER_ADMIN_SECRET)).toBe('KEYCLOAK_USER_ADMIN_SECRET');
    // compose:env writes every variable compose requires
    const variables = [...readFileSync(join(root, 'docker-compose.yml'), 'utf8').matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]);
    const written = execFileSync('npx', ['ts-node', 'tools/compose-env.ts'], { cwd: root, encoding: 'utf8' });
    const names = written
      .trim()
      .split('\n')
      .map((line) => line.slice(0, line.indexOf('=')));
    expect([...new Set(variables)].filter((v) => !names.includes(v))).toEqual([]);
  });

  it('runs the identity provider from the pinned release, on its own database, with the realm applied before the services start', () => {
    const keycloak = compose.services.keycloak;
    expect(keycloak.image).toBe(`quay.io/keycloak/keycloak:${pinnedKeycloak}`);
    expect(keycloak.command).toEqual(['start']);
    expect(keycloak.environment.KC_DB_URL).toBe('jdbc:postgresql://postgres:5432/titipan_keycloak');
    expect(compose.services.postgres.volumes).toEqual([
      expect.stringMatching(/^\.\/infra\/keycloak\/compose-database\.sh:\/docker-entrypoint-initdb\.d\//),
    ]);
    expect(compose.services.realm.command).toEqual(['npx', 'ts-node', 'tools/identity/apply-realm.ts']);
    expect(compose.services.realm.depends_on.keycloak.condition).toBe('service_healthy');
    for (const service of SERVICES) {
      expect(compose.services[service].depends_on.realm.condition).toBe('service_completed_successfully');
      expect(compose.services[service].environment.OIDC_JWKS_URL).toBe('http://keycloak:8080/realms/titipan/protocol/openid-connect/certs');
    }
  });

  it('runs the services as their runtime roles only: the setup service migrates as the owners', () => {
    for (const service of SERVICES) {
      const env = compose.services[service].environment;
      expect(env.DB_MIGRATE_ON_START).toBe('false');
      expect(Object.keys(env).filter((k) => k.startsWith('DB_OWNER_'))).toEqual([]);
    }
  });

  it.each(SERVICES)('publishes %s on the same port as the local stack', (service) => {
    const definition = compose.services[service];
    const port = LOCAL.ports[service];
    expect(definition.environment.PORT).toBe(String(port));
    expect(definition.ports).toEqual([`${port}:${port}`]);
    expect(definition.build.args.SERVICE).toBe(service);
    expect(definition.depends_on.setup.condition).toBe('service_completed_successfully');
  });

  it('publishes neither Postgres nor Kafka to the host, unless the host-ports file is added (loopback only)', () => {
    expect(compose.services.postgres.ports).toBeUndefined();
    expect(compose.services.kafka.ports).toBeUndefined();
    expect(hostPorts.services.postgres.ports).toEqual(['127.0.0.1:5432:5432']);
    const kafka = hostPorts.services.kafka;
    const [published] = kafka.ports as string[];
    expect(published).toMatch(/^127\.0\.0\.1:(\d+):\1$/);
    // the broker script adds a second SASL listener on that port, advertising the published address
    expect(kafka.environment).toEqual({ KAFKA_HOST_PORT: published.split(':')[1] });
    const script = readFileSync(join(root, 'infra/kafka/compose-kafka.sh'), 'utf8');
    expect(script).toContain('HOST://127.0.0.1:$KAFKA_HOST_PORT');
    expect(script).toContain('HOST:SASL_PLAINTEXT');
    expect(script).not.toMatch(/:PLAINTEXT/);
  });

  it('runs the same Kafka version and broker security as the local broker: SASL/SCRAM, ACLs, each service its own principal', () => {
    const kafka = compose.services.kafka;
    expect(kafka.image).toBe(`apache/kafka:${pinnedKafka}`);
    expect(kafka.command).toEqual(['sh', '/opt/titipan/compose-kafka.sh']);
    // the settings every broker shares come from the one script the local broker uses too
    expect(kafka.volumes).toEqual([
      './infra/kafka/compose-kafka.sh:/opt/titipan/compose-kafka.sh:ro',
      './infra/kafka/broker-security.sh:/opt/titipan/broker-security.sh:ro',
    ]);
    const shared = readFileSync(join(root, 'infra/kafka/broker-security.sh'), 'utf8');
    for (const line of [
      'sasl.enabled.mechanisms=SCRAM-SHA-512',
      'super.users=User:admin',
      'allow.everyone.if.no.acl.found=false',
      'auto.create.topics.enable=false',
    ])
      expect(shared).toContain(line);
    expect(readFileSync(join(root, 'infra/kafka/kafka.sh'), 'utf8')).toContain('broker-security.sh');
    // every principal's password is required by the broker (its SCRAM credentials) and given to whoever logs in as it
    for (const principal of KAFKA_PRINCIPALS)
      expect(required(kafka.environment[kafkaPasswordVariable(principal)])).toBe(kafkaPasswordVariable(principal));
    for (const service of SERVICES) {
      const env = compose.services[service].environment;
      expect(env.KAFKA_SASL_USERNAME).toBe(service);
      expect(required(env.KAFKA_SASL_PASSWORD)).toBe(kafkaPasswordVariable(service));
      expect(env.KAFKA_BROKERS).toBe('kafka:9092');
    }
    expect(required(compose.services.setup.environment.KAFKA_PASSWORD_ADMIN)).toBe('KAFKA_PASSWORD_ADMIN');
    expect(compose.services.setup.environment.KAFKA_BROKERS).toBe('kafka:9092');
    expect(kafka.healthcheck.test.join(' ')).toContain('--command-config /tmp/admin.properties');
  });

  it('provisions roles, schemas, migrations and topics with the same script as the local stack', () => {
    const setup = compose.services.setup;
    expect(setup.command).toEqual(['npx', 'ts-node', 'tools/setup.ts']);
    expect(setup.environment.KAFKA_TOPIC_PREFIX).toBe('');
    for (const service of SERVICES) {
      expect(compose.services[service].environment.KAFKA_TOPIC_PREFIX).toBe(setup.environment.KAFKA_TOPIC_PREFIX);
      expect(compose.services[service].environment.DB_NAME).toBe(setup.environment.DB_NAME);
    }
  });

  it('builds each service image from the bundle of that service, without the local passwords or .env', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/FROM node:20/);
    expect(dockerfile).toContain('COPY --from=build /app/dist/apps/${SERVICE} ./dist/apps/${SERVICE}');
    expect(dockerfile).toContain('node dist/apps/${SERVICE}/main.js');
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.local', '.env']));
  });
});
