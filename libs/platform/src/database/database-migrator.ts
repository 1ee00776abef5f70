import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG, SERVICE_NAME } from '../platform.tokens';
import { runMigrations } from './migrate';
import { schemaOf, type ServiceName } from './service-identity';

/** Applies pending migrations before consumers and the relay start (when DB_MIGRATE_ON_START). */
@Injectable()
export class DatabaseMigrator implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.DB_MIGRATE_ON_START) return;
    const applied = await runMigrations(this.dataSource, schemaOf(this.service));
    if (applied.length > 0) this.logger.log(`applied migrations: ${applied.join(', ')}`);
  }
}
