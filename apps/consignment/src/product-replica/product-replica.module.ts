import { Module } from '@nestjs/common';
import { ProductReplicaListener } from './product-replica.listener';
import { ProductReplicaStore } from './product-replica.store';

@Module({
  controllers: [ProductReplicaListener],
  providers: [ProductReplicaStore],
  exports: [ProductReplicaStore],
})
export class ProductReplicaModule {}
