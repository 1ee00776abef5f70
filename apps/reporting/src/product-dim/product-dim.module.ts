import { Module } from '@nestjs/common';
import { ProductDimListener } from './product-dim.listener';
import { ProductDimStore } from './product-dim.store';

@Module({
  providers: [ProductDimStore, ProductDimListener],
  exports: [ProductDimStore],
})
export class ProductDimModule {}
