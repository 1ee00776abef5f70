import { Module } from '@nestjs/common';
import { StockController } from './stock.controller';
import { StockQueries } from './stock.queries';
import { StockService } from './stock.service';
import { StockStore } from './stock.store';

@Module({
  controllers: [StockController],
  providers: [StockService, StockStore, StockQueries],
  exports: [StockStore],
})
export class StockModule {}
