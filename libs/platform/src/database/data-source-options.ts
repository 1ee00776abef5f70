import type { MigrationInterface } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { PlatformConfig } from '../config/platform-config';
import { AuditActorUsername1700000000300 } from '../audit/audit-actor-username.migration';
import { AuditSearch1700000000430 } from '../audit/audit-search.migration';
import { AuditTrail1700000000200 } from '../audit/audit-trail.migration';
import { PlatformTables1700000000000 } from './platform-tables.migration';
import { JobRuns1700000017000 } from '../scheduling/job-runs.migration';
import type { ServiceName } from './service-identity';

export type MigrationClass = new () => MigrationInterface;

export interface ServiceDataSourceParts {
  service: ServiceName;
  schema: string;
  /** The service's own migrations, in order; the platform's tables (outbox, inbox, audit trail) come first. */
  migrations?: MigrationClass[];
}

/** Where a service's database is and who logs in: the settings a DataSource needs. */
export type DatabaseSettings = Pick<PlatformConfig, 'DB_HOST' | 'DB_PORT' | 'DB_NAME' | 'DB_USER' | 'DB_PASSWORD' | 'DB_POOL_SIZE'>;

/**
 * One DataSource per service, bound to its own schema through search_path, so unqualified SQL in
 * stores and migrations lands in the service's schema and nowhere else. It logs in as DB_USER: the
 * runtime role, except for the owner's migration connection (ownerSettings).
 */
export function dataSourceOptions(config: DatabaseSettings, parts: ServiceDataSourceParts): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    host: config.DB_HOST,
    port: config.DB_PORT,
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    schema: parts.schema,
    entities: [], // no ORM entities: every store speaks SQL
    migrations: [
      PlatformTables1700000000000,
      AuditTrail1700000000200,
      AuditActorUsername1700000000300,
      AuditSearch1700000000430,
      JobRuns1700000017000,
      ...(parts.migrations ?? []),
    ],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // failures surface as exceptions and are logged once, by whoever handles them
    logging: false,
    applicationName: `titipan-${parts.service}`,
    extra: {
      max: config.DB_POOL_SIZE,
      options: `-c search_path=${parts.schema}`,
      connectionTimeoutMillis: 5000,
      // a statement that hangs must not hold a request forever
      statement_timeout: 30_000,
    },
  };
}

/** The same database, logged in as the schema's owner: what migrations run with (one connection holds their lock, one runs them). */
export function ownerSettings(config: DatabaseSettings & Pick<PlatformConfig, 'DB_OWNER_USER' | 'DB_OWNER_PASSWORD'>): DatabaseSettings {
  return { ...config, DB_USER: config.DB_OWNER_USER, DB_PASSWORD: config.DB_OWNER_PASSWORD, DB_POOL_SIZE: 2 };
}

/**
 * Keeps a dropped database connection from crashing the process: pg emits 'error' on a client the server
 * closed (pg_terminate_backend, a restart), and an 'error' nobody listens to is fatal in Node. The pool then
 * replaces the client; the transaction that used it fails with a retryable error.
 */
export function guardPoolErrors(dataSource: { driver: unknown }, onError: (error: Error) => void): void {
  type Emitter = { on(event: string, listener: (arg: never) => void): unknown };
  const pool = (dataSource.driver as { master?: Emitter & { _clients?: Emitter[] } }).master;
  if (!pool) return;
  const guard = (client: Emitter) => client.on('error', onError);
  pool.on('connect', guard);
  pool.on('error', onError);
  for (const client of pool._clients ?? []) guard(client);
}
