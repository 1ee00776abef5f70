import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import { AuditTrail1700000000200 } from '../audit/audit-trail.migration';
import { PlatformTables1700000000000 } from './platform-tables.migration';

export type MigrationClass = new () => MigrationInterface;

export interface ServiceDataSourceParts {
  service: string;
  schema: string;
  /** The service's own migrations, in order; the platform's tables (outbox, inbox, audit trail) come first. */
  migrations?: MigrationClass[];
}

/**
 * One DataSource per service, bound to its own schema through search_path, so unqualified SQL in
 * repositories and migrations lands in the service's schema and nowhere else.
 */
export function dataSourceOptions(config: PlatformConfig, parts: ServiceDataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    host: config.DB_HOST,
    port: config.DB_PORT,
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    schema: parts.schema,
    entities: [], // no ORM entities: every store speaks SQL
    migrations: [PlatformTables1700000000000, AuditTrail1700000000200, ...(parts.migrations ?? [])],
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
