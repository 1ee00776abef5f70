import { Module } from '@nestjs/common';
import { DirectoryModule } from '@titipan/directory';
import { VenueModule } from '../venue/venue.module';
import { AgreementController } from './agreement.controller';
import { AgreementStore } from './agreement.store';
import { AgreementService } from './agreement.service';

@Module({
  imports: [VenueModule, DirectoryModule],
  controllers: [AgreementController],
  providers: [AgreementService, AgreementStore],
  exports: [AgreementStore, AgreementService],
})
export class AgreementModule {}
