import { Module } from '@nestjs/common';
import { DirectoryModule, DirectoryReplicaHandler, PlatformModule } from '@titipan/platform';
import { REPORTING_MIGRATIONS } from './database/migrations';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'reporting',
      migrations: REPORTING_MIGRATIONS,
      handlers: [DirectoryReplicaHandler],
    }),
    DirectoryModule,
  ],
})
export class AppModule {}
