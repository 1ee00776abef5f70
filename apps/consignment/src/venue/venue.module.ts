import { Module } from '@nestjs/common';
import { VenueController } from './venue.controller';
import { VenueRepository } from './venue.repository';
import { VenueService } from './venue.service';

@Module({
  controllers: [VenueController],
  providers: [VenueService, VenueRepository],
  exports: [VenueRepository],
})
export class VenueModule {}
