import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@titipan/platform';
import { CertificateExpiryService } from './certificate-expiry.service';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance')
export class CertificateExpiryController {
  constructor(private readonly expiry: CertificateExpiryService) {}

  @Post('expiry-checks')
  @HttpCode(200)
  @Allow('admin', 'ministry', 'curator')
  @ApiOperation({ summary: 'Run the certificate expiry check now; returns the products it suspended' })
  run() {
    return this.expiry.run();
  }
}
