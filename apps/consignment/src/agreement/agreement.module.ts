import { Module } from '@nestjs/common';
import { DirectoryModule } from '@titipan/directory';
import { VenueModule } from '../venue/venue.module';
import { AgreementController } from './agreement.controller';
import { AgreementRepository } from './agreement.repository';
import { AgreementService } from './agreement.service';

@Module({
  imports: [VenueModule, DirectoryModule],
  controllers: [AgreementController],
  providers: [AgreementService, AgreementRepository],
  exports: [AgreementRepository],
})
export class AgreementModule {}
