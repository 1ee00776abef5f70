import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { ProductReplicaModule } from '../product-replica/product-replica.module';
import { StockModule } from '../stock/stock.module';
import { SaleController } from './sale.controller';
import { SaleQueries } from './sale.queries';
import { SaleService } from './sale.service';
import { SaleStore } from './sale.store';

@Module({
  imports: [AgreementModule, ProductReplicaModule, StockModule],
  controllers: [SaleController],
  providers: [SaleService, SaleStore, SaleQueries],
  exports: [SaleStore],
})
export class SaleModule {}
