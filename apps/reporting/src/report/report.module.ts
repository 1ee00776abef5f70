import { Module } from '@nestjs/common';
import { StatementModule } from '../statement/statement.module';
import { ReportController } from './report.controller';
import { ReportQueries } from './report.queries';
import { ReportService } from './report.service';

@Module({
  // an agreement named in a filter is checked against the caller's scope with the statement sources' agreements
  imports: [StatementModule],
  controllers: [ReportController],
  providers: [ReportService, ReportQueries],
})
export class ReportModule {}
