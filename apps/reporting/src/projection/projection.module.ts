import { Module } from '@nestjs/common';
import { SourceEventsStore } from '../statement/persistence/source-events.store';
import { ProjectionHandler } from './projection.handler';
import { ProjectionStore } from './projection.store';
import { ReportController } from './report.controller';
import { ReportQueries } from './report.queries';

@Module({
  controllers: [ReportController],
  providers: [ProjectionHandler, ProjectionStore, ReportQueries, SourceEventsStore],
})
export class ProjectionModule {}
