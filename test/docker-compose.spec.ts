import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_ROLES, loadConfig, PlatformConfig, requiredSettings, roleOf, SERVICES, settingNames } from '@titipan/platform';
import { parse } from 'yaml';
import { passwordVariable } from '../tools/db-passwords';
import { LOCAL } from '../tools/local-settings';

/** There is no Docker engine here, so the compose files are checked by reading them against the code. */
const root = join(__dirname, '..');
const read = (file: string) => parse(readFileSync(join(root, file), 'utf8'), { merge: true });
const compose = read('docker-compose.yml');
const hostPorts = read('docker-compose.host-ports.yml');
const pinnedKafka = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(join(root, 'infra/kafka/pom.xml'), 'utf8'))![1];

/** The variable a value requires, `${NAME:?message}`: compose refuses to start without it. */
const required = (value: unknown) => /^\$\{([A-Z_]+):\?[^}]+\}$/.exec(String(value))?.[1];

describe('docker-compose.yml', () => {
  it.each(SERVICES)('supplies every required setting of %s, with valid values once the secrets are given', (service) => {
    const env = compose.services[service].environment as Record<string, string>;
    for (const setting of requiredSettings(PlatformConfig)) expect(env).toHaveProperty(setting);
    // nothing the code does not read
    expect(Object.keys(env).filter((k) => !settingNames(PlatformConfig).includes(k))).toEqual([]);
    expect(env.DB_USER).toBe(roleOf(service));
    expect(env.NODE_ENV).toBe('production');
    // the values pass the service's own validation, production rules included, with the required variables set as a deployment would
    const given: Record<string, string> = { JWT_SECRET: randomBytes(32).toString('base64url'), [passwordVariable(roleOf(service))]: 'p' };
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, required(v) ? given[required(v)!] : String(v)]));
    expect(() => loadConfig(PlatformConfig, resolved)).not.toThrow();
  });

  it('requires every secret, with no default: the JWT secret, the superuser password and each role password', () => {
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/\$\{[A-Z_]+:?-/); // no ${VAR:-default} fallback anywhere
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(compose.services.setup.environment.DB_ADMIN_URL).toMatch(
      /^postgres:\/\/postgres:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\//,
    );
    for (const service of SERVICES) {
      const env = compose.services[service].environment;
      expect(required(env.JWT_SECRET)).toBe('JWT_SECRET');
      expect(required(env.DB_PASSWORD)).toBe(passwordVariable(roleOf(service)));
    }
    // setup gives each role the password its service logs in with, from the same variables
    const setup = compose.services.setup.environment as Record<string, string>;
    for (const role of DATABASE_ROLES) expect(required(setup[passwordVariable(role)])).toBe(passwordVariable(role));
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
    const port = published.split(':')[1];
    // the extra listener advertises the published address; the services' listener stays as it was
    expect(kafka.environment.KAFKA_LISTENERS.split(',')).toEqual(expect.arrayContaining([`HOST://:${port}`, 'PLAINTEXT://:9092']));
    expect(kafka.environment.KAFKA_ADVERTISED_LISTENERS.split(',')).toEqual(['PLAINTEXT://kafka:9092', `HOST://127.0.0.1:${port}`]);
    expect(kafka.environment.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP).toContain('HOST:PLAINTEXT');
  });

  it('runs the same Kafka version as the local broker, single node, no auto-created topics', () => {
    const kafka = compose.services.kafka;
    expect(kafka.image).toBe(`apache/kafka:${pinnedKafka}`);
    expect(kafka.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    });
    const listener = `kafka:${kafka.environment.KAFKA_ADVERTISED_LISTENERS.split(':').pop()}`;
    for (const service of SERVICES) expect(compose.services[service].environment.KAFKA_BROKERS).toBe(listener);
    expect(compose.services.setup.environment.KAFKA_BROKERS).toBe(listener);
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
