import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CertificateExpiryService, type ExpiryCheckResult } from './certificate-expiry.service';

/** Nightly at 01:00 WIB the catalog suspends products whose izin edar ran out. */
@Injectable()
export class CertificateExpiryJobs {
  constructor(private readonly expiry: CertificateExpiryService) {}

  @Cron('0 1 * * *', { name: 'certificate-expiry', timeZone: 'Asia/Jakarta' })
  nightly(): Promise<ExpiryCheckResult> {
    // several instances may fire together: each product is locked and re-checked, so it is suspended once
    return this.expiry.runAsSystem();
  }
}
