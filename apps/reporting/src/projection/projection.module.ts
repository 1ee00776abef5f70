import { Module } from '@nestjs/common';
import { StatementModule } from '../statement/statement.module';
import { ProjectionController } from './projection.controller';
import { CarryOverStore } from './carry-over.store';
import { ConsignmentEventsListener } from './consignment-events.listener';
import { ProjectionStore } from './projection.store';
import { ReplayService } from './replay.service';
import { ReplayStore } from './replay.store';

@Module({
  imports: [StatementModule],
  // the one reader of consignment.events (decision 0027): a controller, so Nest hands its @EventPattern to the transport
  controllers: [ProjectionController, ConsignmentEventsListener],
  providers: [
    ConsignmentEventsListener,
    CarryOverStore,
    { provide: ProjectionStore, useFactory: () => new ProjectionStore() },
    ReplayStore,
    ReplayService,
  ],
})
export class ProjectionModule {}
