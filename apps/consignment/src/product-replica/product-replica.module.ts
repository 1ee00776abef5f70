import { Module } from '@nestjs/common';
import { ProductReplicaListener } from './product-replica.listener';
import { ProductReplicaStore } from './product-replica.store';

@Module({
  providers: [ProductReplicaStore, ProductReplicaListener],
  exports: [ProductReplicaStore],
})
export class ProductReplicaModule {}
