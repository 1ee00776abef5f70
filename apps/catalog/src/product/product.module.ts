import { Module } from '@nestjs/common';
import { ProductController } from './product.controller';
import { ProductQueries } from './product.queries';
import { ProductService } from './product.service';
import { ProductStore } from './product.store';

@Module({
  controllers: [ProductController],
  providers: [ProductService, ProductStore, ProductQueries],
  // the certificate expiry check suspends products through the same store
  exports: [ProductStore, ProductQueries],
})
export class ProductModule {}
