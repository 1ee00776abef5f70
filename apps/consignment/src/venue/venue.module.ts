import { Module } from '@nestjs/common';
import { VenueController } from './venue.controller';
import { VenueStore } from './venue.store';
import { VenueService } from './venue.service';

@Module({
  controllers: [VenueController],
  providers: [VenueService, VenueStore],
  exports: [VenueStore],
})
export class VenueModule {}
