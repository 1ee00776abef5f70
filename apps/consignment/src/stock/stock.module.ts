import { Module } from '@nestjs/common';
import { StockController } from './stock.controller';
import { StockLedger } from './stock-ledger';

@Module({
  controllers: [StockController],
  providers: [StockLedger],
  exports: [StockLedger],
})
export class StockModule {}
