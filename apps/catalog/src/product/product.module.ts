import { Module } from '@nestjs/common';
import { ComplianceController, NightlyExpiryCheck } from './expiry-check';
import { ProductRepository } from './persistence/product.repository';
import { ProductController } from './product.controller';
import { ProductService } from './product.service';

@Module({
  controllers: [ProductController, ComplianceController],
  providers: [ProductService, ProductRepository, NightlyExpiryCheck],
})
export class ProductModule {}
