import { Module } from '@nestjs/common';
import { DirectoryModule, DirectoryReplicaHandler, PlatformModule } from '@titipan/platform';
import { CONSIGNMENT_MIGRATIONS } from './database/migrations';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'consignment',
      migrations: CONSIGNMENT_MIGRATIONS,
      handlers: [DirectoryReplicaHandler],
    }),
    DirectoryModule,
  ],
})
export class AppModule {}
