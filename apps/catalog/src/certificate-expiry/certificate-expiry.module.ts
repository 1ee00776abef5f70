import { Module } from '@nestjs/common';
import { ProductModule } from '../product/product.module';
import { CertificateExpiryController } from './certificate-expiry.controller';
import { CertificateExpiryJobs } from './certificate-expiry.jobs';
import { CertificateExpiryService } from './certificate-expiry.service';

/** The certificate expiry check, nightly and on demand: suspends approved products whose izin edar lapsed. */
@Module({
  imports: [ProductModule],
  controllers: [CertificateExpiryController],
  providers: [CertificateExpiryService, CertificateExpiryJobs],
})
export class CertificateExpiryModule {}
