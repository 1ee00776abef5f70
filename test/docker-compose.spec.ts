import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, PlatformConfig, requiredSettings, roleOf, SERVICES, settingNames } from '@titipan/platform';
import { parse } from 'yaml';
import { LOCAL } from '../tools/local-settings';

/** There is no Docker engine here, so the compose file is checked by reading it against the code. */
const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const pinnedKafka = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(join(root, 'infra/kafka/pom.xml'), 'utf8'))![1];

describe('docker-compose.yml', () => {
  it.each(SERVICES)('supplies every required setting of %s, with valid values', (service) => {
    const env = compose.services[service].environment as Record<string, string>;
    for (const setting of requiredSettings(PlatformConfig)) expect(env).toHaveProperty(setting);
    // nothing the code does not read
    expect(Object.keys(env).filter((k) => !settingNames(PlatformConfig).includes(k))).toEqual([]);
    expect(env.DB_USER).toBe(roleOf(service));
    expect(env.NODE_ENV).toBe('production');
    // the values pass the service's own validation, production rules included (${VAR:-default} resolved)
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/^\$\{[A-Z_]+:-(.*)\}$/, '$1')]));
    expect(() => loadConfig(PlatformConfig, resolved)).not.toThrow();
  });

  it.each(SERVICES)('publishes %s on the same port as the local stack', (service) => {
    const definition = compose.services[service];
    const port = LOCAL.ports[service];
    expect(definition.environment.PORT).toBe(String(port));
    expect(definition.ports).toEqual([`${port}:${port}`]);
    expect(definition.build.args.SERVICE).toBe(service);
    expect(definition.depends_on.setup.condition).toBe('service_completed_successfully');
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

  it('provisions schemas, roles and topics with the same script as the local stack', () => {
    const setup = compose.services.setup;
    expect(setup.command).toEqual(['npx', 'ts-node', 'tools/setup.ts']);
    expect(setup.environment.KAFKA_TOPIC_PREFIX).toBe('');
    for (const service of SERVICES) {
      expect(compose.services[service].environment.KAFKA_TOPIC_PREFIX).toBe(setup.environment.KAFKA_TOPIC_PREFIX);
      expect(compose.services[service].environment.DB_NAME).toBe(setup.environment.DB_NAME);
      // the role passwords the setup gives (role name by default) are the ones the services log in with
      expect(compose.services[service].environment.DB_PASSWORD).toBe(roleOf(service));
    }
  });

  it('builds each service image from the bundle of that service', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/FROM node:20/);
    expect(dockerfile).toContain('COPY --from=build /app/dist/apps/${SERVICE} ./dist/apps/${SERVICE}');
    expect(dockerfile).toContain('node dist/apps/${SERVICE}/main.js');
  });
});
