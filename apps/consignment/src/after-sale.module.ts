import { Module } from '@nestjs/common';
import { AgreementModule } from './agreement/agreement.module';
import { DocumentsController } from './documents.controller';
import { NearExpiryController, NearExpiryService } from './near-expiry/near-expiry';
import { PeriodCloseController, PeriodCloseService } from './period-close/period-close';
import { SettlementStatusHandler } from './period-close/settlement-status.handler';
import { StockCountController, StockCountService } from './stock-count/stock-count.service';
import { StockModule } from './stock/stock.module';
import { UptReturnController } from './upt-return/upt-return.controller';
import { UptReturnService } from './upt-return/upt-return.service';

/** What happens to stock at the venue besides sales: returns, counts, near-expiry warnings, month close. */
@Module({
  imports: [AgreementModule, StockModule],
  controllers: [DocumentsController, UptReturnController, StockCountController, PeriodCloseController, NearExpiryController],
  providers: [UptReturnService, StockCountService, PeriodCloseService, NearExpiryService, SettlementStatusHandler],
})
export class AfterSaleModule {}
