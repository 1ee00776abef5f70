import { Module } from '@nestjs/common';
import { ProductDimListener } from './product-dim.listener';
import { ProductDimStore } from './product-dim.store';

@Module({
  controllers: [ProductDimListener],
  providers: [ProductDimStore],
  exports: [ProductDimStore],
})
export class ProductDimModule {}
