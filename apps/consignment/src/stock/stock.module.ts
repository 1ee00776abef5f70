import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { StockController } from './stock.controller';
import { StockQueries } from './stock.queries';
import { StockService } from './stock.service';
import { StockStore } from './stock.store';

@Module({
  imports: [AgreementModule],
  controllers: [StockController],
  providers: [StockService, StockStore, StockQueries],
  exports: [StockStore],
})
export class StockModule {}
