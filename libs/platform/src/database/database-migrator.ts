import { Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import { ownerSettings, type MigrationClass } from './data-source-options';
import { migrateAsOwner, ownedByCurrentUser, pendingMigrations } from './migrate';
import { schemaOf, type ServiceName } from './service-identity';

/**
 * Before consumers and the relay start: applies pending migrations as the schema's owner on a connection of
 * its own (when DB_MIGRATE_ON_START), or refuses to start while one is pending; then refuses to serve as a
 * role that owns anything in the schema, since that role could alter or truncate the tables and disable their triggers.
 */
export class DatabaseMigrator implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: PlatformConfig,
    private readonly service: ServiceName,
    /** The service's own migrations (the platform's come first by themselves). */
    private readonly migrations: MigrationClass[],
  ) {}

  async onModuleInit(): Promise<void> {
    const schema = schemaOf(this.service);
    if (this.config.DB_MIGRATE_ON_START) {
      const applied = await migrateAsOwner(ownerSettings(this.config), { service: this.service, schema, migrations: this.migrations });
      if (applied.length > 0) this.logger.log(`applied migrations as ${this.config.DB_OWNER_USER}: ${applied.join(', ')}`);
    } else {
      const pending = await pendingMigrations(this.dataSource);
      if (pending.length > 0) {
        throw new Error(`${pending.length} migration(s) pending (${pending.join(', ')}): run npm run setup, or DB_MIGRATE_ON_START=true`);
      }
    }
    const owned = await ownedByCurrentUser(this.dataSource, schema);
    if (owned.length > 0) {
      throw new Error(
        `${this.config.DB_USER} owns ${owned.join(', ')} in schema ${schema}; a service runs as a role that owns nothing (run npm run setup)`,
      );
    }
  }
}
