import { Module } from '@nestjs/common';
import { PnbpTargetStore } from './pnbp-target.store';
import { ReportController } from './report.controller';
import { ReportQueries } from './report.queries';
import { ReportService } from './report.service';

@Module({
  controllers: [ReportController],
  providers: [ReportService, ReportQueries, PnbpTargetStore],
})
export class ReportModule {}
