import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { ProductReplicaModule } from '../product-replica/product-replica.module';
import { StockModule } from '../stock/stock.module';
import { SaleController } from './sale.controller';
import { SaleLineRepository } from './sale-line.repository';
import { SaleService } from './sale.service';
import { CustomerReturnService } from './customer-return.service';

@Module({
  imports: [AgreementModule, ProductReplicaModule, StockModule],
  controllers: [SaleController],
  providers: [SaleService, SaleLineRepository, CustomerReturnService],
})
export class SaleModule {}
