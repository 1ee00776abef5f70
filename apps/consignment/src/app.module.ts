import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule } from '@titipan/platform';
import { DirectoryModule, DirectoryReplicaHandler } from '@titipan/directory';
import { AfterSaleModule } from './after-sale.module';
import { AgreementModule } from './agreement/agreement.module';
import { ConsignmentConfig } from './consignment-config';
import { CONSIGNMENT_MIGRATIONS } from './database/migrations';
import { DispatchModule } from './dispatch/dispatch.module';
import { ProductReplicaHandler } from './product-replica/product-replica.handler';
import { ProductReplicaModule } from './product-replica/product-replica.module';
import { SettlementStatusHandler } from './period-close/settlement-status.handler';
import { SaleModule } from './sale/sale.module';
import { StockModule } from './stock/stock.module';
import { VenueModule } from './venue/venue.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'consignment',
      configClass: ConsignmentConfig,
      migrations: CONSIGNMENT_MIGRATIONS,
      handlers: [DirectoryReplicaHandler, ProductReplicaHandler, SettlementStatusHandler],
    }),
    ScheduleModule.forRoot(),
    DirectoryModule,
    ProductReplicaModule,
    VenueModule,
    AgreementModule,
    StockModule,
    DispatchModule,
    SaleModule,
    AfterSaleModule,
  ],
})
export class AppModule {}
