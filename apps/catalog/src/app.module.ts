import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule } from '@titipan/platform';
import { CATALOG_MIGRATIONS } from './database/migrations';
import { OrganisationModule } from './organisation/organisation.module';
import { ProductModule } from './product/product.module';
import { KanwilEntity } from './organisation/persistence/kanwil.entity';
import { UptEntity } from './organisation/persistence/upt.entity';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'catalog',
      entities: [KanwilEntity, UptEntity],
      migrations: CATALOG_MIGRATIONS,
    }),
    ScheduleModule.forRoot(),
    OrganisationModule,
    ProductModule,
  ],
})
export class AppModule {}
