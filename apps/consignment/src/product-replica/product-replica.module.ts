import { Module } from '@nestjs/common';
import { ProductReplicaHandler } from './product-replica.handler';
import { ProductReplicaStore } from './product-replica.store';

@Module({
  providers: [ProductReplicaStore, ProductReplicaHandler],
  exports: [ProductReplicaStore],
})
export class ProductReplicaModule {}
