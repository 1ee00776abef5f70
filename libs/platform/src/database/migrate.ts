import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseSettings, type ServiceDataSourceParts } from './data-source-options';
import { roleOf, schemaOf, type ServiceName } from './service-identity';

/**
 * Runs pending migrations under a session advisory lock, so several instances starting together
 * apply each migration once. The DataSource logs in as the schema's owner (migrateAsOwner); TypeORM never
 * creates the schema: provisioning does. Afterwards the runtime role may read the migrations table, not change it.
 */
export async function runMigrations(dataSource: DataSource, service: ServiceName): Promise<string[]> {
  const lock = `titipan.migrations.${schemaOf(service)}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [lock]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await runner.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM "${roleOf(service)}"`);
    return applied.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lock]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Applies a service's pending migrations logged in as the owner of its schema (`ownerLogin`, e.g. ownerSettings(config)),
 * on a connection of its own that is closed afterwards.
 */
export async function migrateAsOwner(ownerLogin: DatabaseSettings, parts: ServiceDataSourceParts): Promise<string[]> {
  const owner = new DataSource({ ...dataSourceOptions(ownerLogin, parts), applicationName: `titipan-${parts.service}-migrations` });
  await owner.initialize();
  try {
    return await runMigrations(owner, parts.service);
  } finally {
    await owner.destroy();
  }
}

/** The migrations a DataSource lists that its schema has not applied (read with the runtime role). */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<{ name: string }[]>(`SELECT name FROM migrations`).catch((error: { code?: string }) => {
    if (error.code === '42P01') return []; // undefined_table: nothing migrated yet
    throw error;
  });
  const applied = new Set(rows.map((r) => r.name));
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}

/** What the logged-in role owns in a schema: the schema itself, tables, views, sequences, functions. A runtime role owns none. */
export async function ownedByCurrentUser(dataSource: DataSource, schema: string): Promise<string[]> {
  const rows = await dataSource.query<{ name: string }[]>(
    `SELECT 'the schema' AS name FROM pg_namespace n WHERE n.nspname = $1 AND n.nspowner = current_user::regrole
     UNION ALL
     SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relowner = current_user::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
     UNION ALL
     SELECT p.proname || '()' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proowner = current_user::regrole`,
    [schema],
  );
  return rows.map((r) => r.name);
}
