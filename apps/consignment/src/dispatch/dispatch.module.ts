import { Module } from '@nestjs/common';
import { AgreementModule } from '../agreement/agreement.module';
import { ProductReplicaModule } from '../product-replica/product-replica.module';
import { StockModule } from '../stock/stock.module';
import { DispatchController } from './dispatch.controller';
import { DispatchStore } from './dispatch.store';
import { DispatchService } from './dispatch.service';

@Module({
  imports: [AgreementModule, ProductReplicaModule, StockModule],
  controllers: [DispatchController],
  providers: [DispatchService, DispatchStore],
  exports: [DispatchService],
})
export class DispatchModule {}
