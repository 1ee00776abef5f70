import { Module } from '@nestjs/common';
import { AgreementModule } from './agreement/agreement.module';
import { PeriodCloseController, PeriodCloseService } from './period-close/period-close';
import { StockCountController, StockCountService } from './stock-count/stock-count.service';
import { StockModule } from './stock/stock.module';
import { UptReturnController } from './upt-return/upt-return.controller';
import { UptReturnService } from './upt-return/upt-return.service';

/** What happens to stock after it reached the venue, other than sales: returns, counts, month close. */
@Module({
  imports: [AgreementModule, StockModule],
  controllers: [UptReturnController, StockCountController, PeriodCloseController],
  providers: [UptReturnService, StockCountService, PeriodCloseService],
})
export class AfterSaleModule {}
