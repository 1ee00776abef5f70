import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import { DaysQuery, MoversQuery, NearExpiryQuery, PeriodQuery, RollupQuery, StockQuery, YearQuery } from './report.dto';
import { ReportService } from './report.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Get('reports/rollup')
  @AnyActor()
  @ApiOperation({
    summary:
      'A month by Kanwil, UPT, venue, category or product: units, sales, sell-through, proceeds, PNBP, premi (JSON, CSV with delimiter=comma|semicolon, or XLSX)',
  })
  async rollup(@Query() q: RollupQuery, @CurrentActor() actor: Actor) {
    if (q.format === 'csv' || q.format === 'xlsx') {
      const file = await this.reports.rollupFile(q.period, q.by, q.format, q.delimiter, actor);
      return new StreamableFile(file.body, { type: file.type, disposition: `attachment; filename="${file.filename}"` });
    }
    return this.reports.rollup(q.period, q.by, actor);
  }

  @Get('reports/movers')
  @AnyActor()
  @ApiOperation({ summary: 'Top and slow movers of a month' })
  movers(@Query() q: MoversQuery, @CurrentActor() actor: Actor) {
    return this.reports.movers(q.period, q.top, actor);
  }

  @Get('reports/discrepancies')
  @AnyActor()
  @ApiOperation({ summary: 'Damaged and short rates on receipts, per UPT and per venue' })
  discrepancies(@Query() q: PeriodQuery, @CurrentActor() actor: Actor) {
    return this.reports.discrepancies(q.period, actor);
  }

  @Get('reports/sales-daily')
  @AnyActor()
  @ApiOperation({ summary: 'Net sales by day (venue calendar), venue and UPT' })
  salesDaily(@Query() q: DaysQuery, @CurrentActor() actor: Actor) {
    return this.reports.salesDaily(q.from, q.to, actor);
  }

  @Get('reports/stock')
  @AnyActor()
  @ApiOperation({ summary: 'Stock at venues by lot with expiry, optionally of one agreement' })
  stock(@Query() q: StockQuery, @CurrentActor() actor: Actor) {
    return this.reports.stock(q.agreement, actor);
  }

  @Get('reports/near-expiry')
  @AnyActor()
  @ApiOperation({ summary: 'Stock at venues expiring within the window (expired included)' })
  nearExpiry(@Query() q: NearExpiryQuery, @CurrentActor() actor: Actor) {
    return this.reports.nearExpiry(q.days, actor);
  }

  @Get('reports/outstanding')
  @AnyActor()
  @ApiOperation({ summary: 'Issued but unpaid statements by age' })
  outstanding(@CurrentActor() actor: Actor) {
    return this.reports.outstanding(actor);
  }

  @Get('reports/pnbp-progress')
  @AnyActor()
  @ApiOperation({ summary: "Each UPT's PNBP of the year against its target in effect today (kept within the year)" })
  pnbpProgress(@Query() q: YearQuery, @CurrentActor() actor: Actor) {
    return this.reports.pnbpProgress(q.year, actor);
  }
}
