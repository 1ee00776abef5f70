import { Module } from '@nestjs/common';
import { PlatformModule } from '@titipan/platform';
import { DirectoryModule, DirectoryReplicaHandler } from '@titipan/directory';
import { REPORTING_MIGRATIONS } from './database/migrations';
import { ProductDimHandler } from './product-dim/product-dim';
import { ProjectionHandler } from './projection/projection.handler';
import { ProjectionModule } from './projection/projection.module';
import { StatementSourceHandler } from './statement/statement-source.handler';
import { StatementModule } from './statement/statement.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'reporting',
      migrations: REPORTING_MIGRATIONS,
      handlers: [DirectoryReplicaHandler, ProductDimHandler, StatementSourceHandler, ProjectionHandler],
    }),
    DirectoryModule,
    StatementModule,
    ProjectionModule,
  ],
})
export class AppModule {}
