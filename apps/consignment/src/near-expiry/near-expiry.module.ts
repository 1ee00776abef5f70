import { Module } from '@nestjs/common';
import { ProposedReturnModule } from '../proposed-return/proposed-return.module';
import { NearExpiryController } from './near-expiry.controller';
import { NearExpiryJobs } from './near-expiry.jobs';
import { NearExpiryService } from './near-expiry.service';
import { NearExpiryStore } from './near-expiry.store';

/** Lots near expiry: listed in scope, warned about once (nightly or on demand) with a return proposed for them. */
@Module({
  imports: [ProposedReturnModule],
  controllers: [NearExpiryController],
  providers: [NearExpiryService, NearExpiryStore, NearExpiryJobs],
})
export class NearExpiryModule {}
