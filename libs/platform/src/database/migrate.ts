import type { DataSource } from 'typeorm';

/**
 * Runs pending migrations under a session advisory lock, so several instances starting together
 * apply each migration once. TypeORM never creates the schema: the provisioning step does.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`titipan.migrations.${schema}`]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`titipan.migrations.${schema}`]).catch(() => undefined);
    await runner.release();
  }
}
