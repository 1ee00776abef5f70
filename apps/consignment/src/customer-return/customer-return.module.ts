import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { SaleModule } from '../sale/sale.module';
import { StockModule } from '../stock/stock.module';
import { CustomerReturnController } from './customer-return.controller';
import { CustomerReturnQueries } from './customer-return.queries';
import { CustomerReturnService } from './customer-return.service';
import { CustomerReturnStore } from './customer-return.store';

/** Customer returns: a sale line reversed, the goods back on the shelf or in quarantine. */
@Module({
  imports: [AgreementModule, SaleModule, StockModule],
  controllers: [CustomerReturnController],
  providers: [CustomerReturnService, CustomerReturnStore, CustomerReturnQueries],
})
export class CustomerReturnModule {}
