import { Module } from '@nestjs/common';
import { StatementModule } from '../statement/statement.module';
import { ProjectionController } from './projection.controller';
import { ProjectionListener } from './projection.listener';
import { ProjectionStore } from './projection.store';
import { ReplayService } from './replay.service';
import { ReplayStore } from './replay.store';

@Module({
  imports: [StatementModule],
  // a controller, so Nest hands its @EventPattern to the transport; a provider too, for replay to read its events
  controllers: [ProjectionController, ProjectionListener],
  providers: [ProjectionListener, { provide: ProjectionStore, useFactory: () => new ProjectionStore() }, ReplayStore, ReplayService],
})
export class ProjectionModule {}
