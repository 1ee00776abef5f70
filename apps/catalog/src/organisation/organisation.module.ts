import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';
import { OrganisationStore } from './organisation.store';

@Module({
  controllers: [OrganisationController],
  providers: [OrganisationService, OrganisationStore],
  // the user accounts ask it whether a UPT or Kanwil code exists
  exports: [OrganisationStore],
})
export class OrganisationModule {}
