import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule, PlatformModule } from '@titipan/platform';
import { AuditScopeStore } from './audit/audit-scope.store';
import { DirectoryModule } from '@titipan/directory';
import { AgreementModule } from './agreement/agreement.module';
import { ConsignmentConfig } from './consignment-config';
import { CustomerReturnModule } from './customer-return/customer-return.module';
import { CONSIGNMENT_MIGRATIONS } from './database/migrations';
import { DispatchModule } from './dispatch/dispatch.module';
import { DocumentModule } from './document/document.module';
import { ExhibitionModule } from './exhibition/exhibition.module';
import { NearExpiryModule } from './near-expiry/near-expiry.module';
import { PeriodCloseModule } from './period-close/period-close.module';
import { ProposedReturnModule } from './proposed-return/proposed-return.module';
import { ProductReplicaModule } from './product-replica/product-replica.module';
import { SaleModule } from './sale/sale.module';
import { StockCountModule } from './stock-count/stock-count.module';
import { StockModule } from './stock/stock.module';
import { UptReturnModule } from './upt-return/upt-return.module';
import { VenueModule } from './venue/venue.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'consignment',
      configClass: ConsignmentConfig,
      migrations: CONSIGNMENT_MIGRATIONS,
      auditScopes: AuditScopeStore,
    }),
    AuditModule,
    ScheduleModule.forRoot(),
    DirectoryModule,
    ProductReplicaModule,
    VenueModule,
    AgreementModule,
    StockModule,
    DispatchModule,
    SaleModule,
    CustomerReturnModule,
    UptReturnModule,
    StockCountModule,
    PeriodCloseModule,
    NearExpiryModule,
    DocumentModule,
    ProposedReturnModule,
    ExhibitionModule,
  ],
})
export class AppModule {}
