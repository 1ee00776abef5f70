import { ownerRoleOf, roleOf, type DevSigningKey, type ServiceName } from '@titipan/platform';
import { dbPassword } from './db-passwords';
import { devSigningKey } from './dev-issuer';
import { kafkaLogin } from './kafka-credentials';

/**
 * Settings of the local stack (the README's first command). Any of them can be overridden from the
 * environment; see README "Configuration".
 */
export const LOCAL = {
  adminUrl: process.env.DB_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: process.env.DB_NAME ?? 'titipan',
  brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
  /** Copies of each partition and how many must be in sync for a write: 1 and 1 on the single-node default, 3 and 2 on the cluster. */
  replicationFactor: Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
  minInsyncReplicas: Number(process.env.KAFKA_MIN_INSYNC_REPLICAS ?? 1),
  ports: { catalog: 3001, consignment: 3002, reporting: 3003, notification: 3004 } as Record<ServiceName, number>,
  /** The console (the web app people use, and its backend-for-frontend): not a service with a schema, so a setting of its own. */
  consolePort: Number(process.env.CONSOLE_PORT ?? 3000),
  /** Where npm start publishes the development token issuer's JWKS. */
  devIssuerPort: Number(process.env.DEV_ISSUER_PORT ?? 3009),
  /** Where npm start catches the notification service's mail (tools/mail-catcher.ts), unless SMTP_URL or SMTP_HOST names a real server. */
  mailCatcherPort: Number(process.env.MAIL_CATCHER_PORT ?? 3025),
  /** What the tools and tests sign development tokens with (made at first use); services accept them only with NODE_ENV=development or test. */
  get signingKey(): DevSigningKey {
    return devSigningKey();
  },
};

/** Where the local database is, from the admin URL. */
export function localDatabaseHost(): { DB_HOST: string; DB_PORT: string } {
  const admin = new URL(LOCAL.adminUrl);
  return { DB_HOST: admin.hostname, DB_PORT: admin.port || '5432' };
}

/**
 * The environment one service process gets: its runtime login, its schema owner's login for the migrations
 * it runs at start, and its Kafka principal. NODE_ENV passes through only when set (npm start sets development, the tests test): unset is production.
 */
export function serviceEnv(
  service: ServiceName,
  overrides: { database?: string; topicPrefix?: string; port?: number; brokers?: string } = {},
): Record<string, string> {
  return {
    ...(process.env.NODE_ENV ? { NODE_ENV: process.env.NODE_ENV } : {}),
    PORT: String(overrides.port ?? process.env[`${service.toUpperCase()}_PORT`] ?? LOCAL.ports[service]),
    ...localDatabaseHost(),
    DB_NAME: overrides.database ?? LOCAL.database,
    DB_USER: roleOf(service),
    DB_PASSWORD: dbPassword(roleOf(service)),
    DB_OWNER_USER: ownerRoleOf(service),
    DB_OWNER_PASSWORD: dbPassword(ownerRoleOf(service)),
    KAFKA_BROKERS: overrides.brokers ?? LOCAL.brokers,
    KAFKA_TOPIC_PREFIX: overrides.topicPrefix ?? LOCAL.topicPrefix,
    // its own Kafka principal: the broker's ACLs let it write only its topic (docs/decisions/0024)
    ...kafkaLogin(service),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...(process.env.LOG_FORMAT ? { LOG_FORMAT: process.env.LOG_FORMAT } : {}),
    // the issuers the service trusts: the identity provider, and (development and tests) the development issuer
    ...(process.env.OIDC_ISSUER ? { OIDC_ISSUER: process.env.OIDC_ISSUER } : {}),
    ...(process.env.DEV_JWKS_URL ? { DEV_JWKS_URL: process.env.DEV_JWKS_URL } : {}),
    // where the printed documents' QR codes point (consignment); its default is the local console
    ...(process.env.CONSOLE_PUBLIC_URL ? { CONSOLE_PUBLIC_URL: process.env.CONSOLE_PUBLIC_URL } : {}),
  };
}

/**
 * The environment of the console's process: where people reach it, the identity provider it signs them in at, and
 * the three services it forwards to (the local stack's ports unless overridden).
 */
export function consoleEnv(
  issuer: string,
  overrides: { port?: number; services?: Partial<Record<ServiceName, string>> } = {},
): Record<string, string> {
  const port = overrides.port ?? LOCAL.consolePort;
  const serviceUrl = (service: ServiceName) =>
    overrides.services?.[service] ??
    process.env[`${service.toUpperCase()}_URL`] ??
    `http://127.0.0.1:${process.env[`${service.toUpperCase()}_PORT`] ?? LOCAL.ports[service]}`;
  return {
    ...(process.env.NODE_ENV ? { NODE_ENV: process.env.NODE_ENV } : {}),
    PORT: String(port),
    CONSOLE_PUBLIC_URL: process.env.CONSOLE_PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    OIDC_ISSUER: issuer,
    CATALOG_URL: serviceUrl('catalog'),
    CONSIGNMENT_URL: serviceUrl('consignment'),
    REPORTING_URL: serviceUrl('reporting'),
    NOTIFICATION_URL: serviceUrl('notification'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...(process.env.LOG_FORMAT ? { LOG_FORMAT: process.env.LOG_FORMAT } : {}),
  };
}
