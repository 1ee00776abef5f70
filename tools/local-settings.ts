import { roleOf, type ServiceName } from '@titipan/platform';

/**
 * Settings of the local stack (the README's first command). Any of them can be overridden from the
 * environment; see README "Configuration".
 */
export const LOCAL = {
  adminUrl: process.env.DB_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: process.env.DB_NAME ?? 'titipan',
  brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
  ports: { catalog: 3001, consignment: 3002, reporting: 3003 } as Record<ServiceName, number>,
};

/** The environment one service process gets. */
export function serviceEnv(
  service: ServiceName,
  overrides: { database?: string; topicPrefix?: string; port?: number; brokers?: string } = {},
): Record<string, string> {
  const admin = new URL(LOCAL.adminUrl);
  return {
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    PORT: String(overrides.port ?? process.env[`${service.toUpperCase()}_PORT`] ?? LOCAL.ports[service]),
    DB_HOST: admin.hostname,
    DB_PORT: admin.port || '5432',
    DB_NAME: overrides.database ?? LOCAL.database,
    DB_USER: roleOf(service),
    DB_PASSWORD: roleOf(service),
    KAFKA_BROKERS: overrides.brokers ?? LOCAL.brokers,
    KAFKA_TOPIC_PREFIX: overrides.topicPrefix ?? LOCAL.topicPrefix,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...(process.env.LOG_FORMAT ? { LOG_FORMAT: process.env.LOG_FORMAT } : {}),
    ...(process.env.JWT_SECRET ? { JWT_SECRET: process.env.JWT_SECRET } : {}),
  };
}
