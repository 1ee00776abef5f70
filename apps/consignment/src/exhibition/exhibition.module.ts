import { Module } from '@nestjs/common';
import { DirectoryModule } from '@titipan/directory';
import { AgreementModule } from '../agreement/agreement.module';
import { PeriodCloseModule } from '../period-close/period-close.module';
import { ProposedReturnModule } from '../proposed-return/proposed-return.module';
import { VenueModule } from '../venue/venue.module';
import { ExhibitionController } from './exhibition.controller';
import { ExhibitionJobs } from './exhibition.jobs';
import { ExhibitionService } from './exhibition.service';
import { ExhibitionStore } from './exhibition.store';

/** Exhibitions: short-lived venues with one agreement per UPT settling an event period (decision 0029). */
@Module({
  imports: [DirectoryModule, AgreementModule, VenueModule, PeriodCloseModule, ProposedReturnModule],
  controllers: [ExhibitionController],
  providers: [ExhibitionService, ExhibitionStore, ExhibitionJobs],
})
export class ExhibitionModule {}
