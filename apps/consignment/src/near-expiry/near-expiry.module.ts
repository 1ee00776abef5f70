import { Module } from '@nestjs/common';
import { NearExpiryController } from './near-expiry.controller';
import { NearExpiryJobs } from './near-expiry.jobs';
import { NearExpiryService } from './near-expiry.service';
import { NearExpiryStore } from './near-expiry.store';

/** Lots near expiry: listed in scope, warned about once (nightly or on demand). */
@Module({
  controllers: [NearExpiryController],
  providers: [NearExpiryService, NearExpiryStore, NearExpiryJobs],
})
export class NearExpiryModule {}
