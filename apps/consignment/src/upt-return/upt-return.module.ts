import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { StockModule } from '../stock/stock.module';
import { UptReturnController } from './upt-return.controller';
import { UptReturnQueries } from './upt-return.queries';
import { UptReturnService } from './upt-return.service';
import { UptReturnStore } from './upt-return.store';

/** Returns from a venue to its UPT. */
@Module({
  imports: [AgreementModule, StockModule],
  controllers: [UptReturnController],
  providers: [UptReturnService, UptReturnStore, UptReturnQueries],
  exports: [UptReturnService],
})
export class UptReturnModule {}
