import { Module } from '@nestjs/common';
import { SourceEventsStore } from '../statement/persistence/source-events.store';
import { ProjectionHandler } from './projection.handler';
import { ProjectionStore } from './projection.store';
import { ReplayService } from './replay.service';
import { ReportController } from './report.controller';
import { ReportQueries } from './report.queries';

@Module({
  controllers: [ReportController],
  providers: [
    ProjectionHandler,
    { provide: ProjectionStore, useFactory: () => new ProjectionStore() },
    ReportQueries,
    SourceEventsStore,
    ReplayService,
  ],
})
export class ProjectionModule {}
