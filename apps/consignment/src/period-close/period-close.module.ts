import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { PeriodCloseController } from './period-close.controller';
import { PeriodCloseService } from './period-close.service';
import { PeriodCloseStore } from './period-close.store';
import { SettlementStatusListener } from './settlement-status.listener';

/** Month close of an agreement, and its settlement as reporting reports it. */
@Module({
  imports: [AgreementModule],
  controllers: [PeriodCloseController, SettlementStatusListener],
  providers: [PeriodCloseService, PeriodCloseStore],
})
export class PeriodCloseModule {}
