import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { PeriodCloseController } from './period-close.controller';
import { PeriodCloseService } from './period-close.service';
import { PeriodCloseStore } from './period-close.store';
import { SettlementStatusListener } from './settlement-status.listener';

/** Period close (month or event period) of an agreement, and its settlement as reporting reports it. */
@Module({
  imports: [AgreementModule],
  controllers: [PeriodCloseController, SettlementStatusListener],
  providers: [PeriodCloseService, PeriodCloseStore],
  exports: [PeriodCloseService],
})
export class PeriodCloseModule {}
