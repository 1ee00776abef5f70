import { Controller, HttpCode, Injectable, Post } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@titipan/platform';
import { ProductService } from './product.service';

/** Nightly at 01:00 WIB the catalog suspends products whose izin edar ran out. */
@Injectable()
export class NightlyExpiryCheck {
  constructor(private readonly products: ProductService) {}

  @Cron('0 1 * * *', { name: 'certificate-expiry', timeZone: 'Asia/Jakarta' })
  run() {
    // several instances may fire together: each product is locked and re-checked, so it is suspended once
    return this.products.runScheduledExpiryCheck();
  }
}

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance')
export class ComplianceController {
  constructor(private readonly products: ProductService) {}

  @Post('expiry-checks')
  @HttpCode(200)
  @Allow('admin', 'ministry', 'curator')
  @ApiOperation({ summary: 'Run the certificate expiry check now; returns the products it suspended' })
  run() {
    return this.products.runExpiryCheck();
  }
}
