import { newId } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { systemActor } from '@titipan/contracts';
import { runInContext } from '@titipan/platform';
import { NearExpiryService } from './near-expiry.service';

/** The nightly near-expiry scan, as the system actor. */
@Injectable()
export class NearExpiryJobs {
  constructor(private readonly nearExpiry: NearExpiryService) {}

  @Cron('0 2 * * *', { name: 'near-expiry', timeZone: 'Asia/Jakarta' })
  nightly() {
    return runInContext({ correlationId: `near-expiry-${newId()}`, actor: systemActor('consignment') }, () => this.nearExpiry.scan());
  }
}
