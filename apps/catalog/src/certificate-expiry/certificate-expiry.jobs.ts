import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { cronSlot, RunOnce, type RunOnceResult } from '@titipan/platform';
import { CertificateExpiryService, type ExpiryCheckResult } from './certificate-expiry.service';

/** Nightly at 01:00 WIB the catalog suspends products whose izin edar ran out. */
@Injectable()
export class CertificateExpiryJobs {
  constructor(
    private readonly expiry: CertificateExpiryService,
    private readonly once: RunOnce,
  ) {}

  @Cron('0 1 * * *', { name: 'certificate-expiry', timeZone: 'Asia/Jakarta' })
  nightly(): Promise<RunOnceResult<ExpiryCheckResult>> {
    // every instance fires; the one that claims the night's slot runs it (and each product is still locked and re-checked)
    return this.once.run('certificate-expiry', cronSlot(new Date()), () => this.expiry.runAsSystem());
  }
}
