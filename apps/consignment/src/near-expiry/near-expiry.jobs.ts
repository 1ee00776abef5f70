import { newId } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { systemActor } from '@titipan/contracts';
import { cronSlot, runInContext, RunOnce } from '@titipan/platform';
import { NearExpiryService } from './near-expiry.service';

/** The nightly near-expiry scan, as the system actor. */
@Injectable()
export class NearExpiryJobs {
  constructor(
    private readonly nearExpiry: NearExpiryService,
    private readonly once: RunOnce,
  ) {}

  @Cron('0 2 * * *', { name: 'near-expiry', timeZone: 'Asia/Jakarta' })
  nightly() {
    // every instance fires; only the one that claims the night's slot scans
    return this.once.run('near-expiry', cronSlot(new Date()), () =>
      runInContext({ correlationId: `near-expiry-${newId()}`, actor: systemActor('consignment') }, () => this.nearExpiry.scan()),
    );
  }
}
