import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { ProductReplicaModule } from '../product-replica/product-replica.module';
import { StockCountModule } from '../stock-count/stock-count.module';
import { UptReturnModule } from '../upt-return/upt-return.module';
import { DocumentController } from './document.controller';
import { DocumentQueries } from './document.queries';
import { DocumentService } from './document.service';

/** The printed documents of the trade: surat jalan, labels, BAST, return note, stock count record. */
@Module({
  imports: [DispatchModule, UptReturnModule, StockCountModule, ProductReplicaModule],
  controllers: [DocumentController],
  providers: [DocumentService, DocumentQueries],
})
export class DocumentModule {}
