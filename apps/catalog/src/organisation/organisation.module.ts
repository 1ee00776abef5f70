import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';
import { OrganisationRepository } from './persistence/organisation.repository';

@Module({
  controllers: [OrganisationController],
  providers: [OrganisationService, OrganisationRepository],
})
export class OrganisationModule {}
