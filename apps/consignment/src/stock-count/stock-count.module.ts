import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { StockModule } from '../stock/stock.module';
import { StockCountController } from './stock-count.controller';
import { StockCountQueries } from './stock-count.queries';
import { StockCountService } from './stock-count.service';
import { StockCountStore } from './stock-count.store';

/** Stock counts (stock opname) and the adjustments their variances make. */
@Module({
  imports: [AgreementModule, StockModule],
  controllers: [StockCountController],
  providers: [StockCountService, StockCountStore, StockCountQueries],
  exports: [StockCountService],
})
export class StockCountModule {}
