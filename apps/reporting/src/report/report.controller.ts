import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import {
  DaysQuery,
  MonthsQuery,
  MoversQuery,
  NearExpiryQuery,
  PeriodQuery,
  RegionQuery,
  ReportQuery,
  RollupQuery,
  StockQuery,
  YearQuery,
} from './report.dto';
import { ReportService } from './report.service';
import { FILE_TYPES, type ReportAnswers, type ReportFile, type ReportView } from './report-workbook';

const asDownload = (file: ReportFile) =>
  new StreamableFile(file.body, { type: file.type, disposition: `attachment; filename="${file.filename}"` });

/**
 * Every view takes the region filters `kanwil` and `upt` (narrowing within the caller's scope) and `format=xlsx`
 * for a download of what its JSON shows.
 */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', FILE_TYPES.xlsx)
@Controller()
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  /** The answer as JSON, or as its XLSX file when asked. */
  private async answer<V extends ReportView>(view: V, query: ReportQuery, answer: Promise<ReportAnswers[V]>) {
    const json = await answer;
    return query.format === 'xlsx' ? asDownload(await this.reports.file(view, json, region(query))) : json;
  }

  @Get('reports/rollup')
  @AnyActor()
  @ApiOperation({
    summary:
      'A period (a month, or the event period YYYY-MM-DD..YYYY-MM-DD of an exhibition) by Kanwil, UPT, venue, category or product: units, sales, sell-through, proceeds, PNBP, premi (JSON a page at a time, largest gross sales first, with the total; CSV with delimiter=comma|semicolon, or XLSX, every row); drill down by=kanwil, by=upt&kanwil=, by=product&upt=',
  })
  async rollup(@Query() q: RollupQuery, @CurrentActor() actor: Actor) {
    if (q.format === 'csv') return asDownload(await this.reports.rollupCsv(q.period, q.by, q.delimiter, region(q), actor));
    const page = q.format === 'xlsx' ? undefined : { limit: q.limit, offset: q.offset };
    return this.answer('rollup', { ...q, format: q.format }, this.reports.rollup(q.period, q.by, region(q), actor, page));
  }

  @Get('reports/sales-monthly')
  @AnyActor()
  @ApiOperation({ summary: 'Units sold, net sales and PNBP by month, every month of the range (at most 36)' })
  salesMonthly(@Query() q: MonthsQuery, @CurrentActor() actor: Actor) {
    return this.answer('sales-monthly', q, this.reports.salesMonthly(q.from, q.to, region(q), actor));
  }

  @Get('reports/movers')
  @AnyActor()
  @ApiOperation({ summary: 'Top and slow movers of a month' })
  movers(@Query() q: MoversQuery, @CurrentActor() actor: Actor) {
    return this.answer('movers', q, this.reports.movers(q.period, q.top, region(q), actor));
  }

  @Get('reports/discrepancies')
  @AnyActor()
  @ApiOperation({ summary: 'Damaged and short rates on receipts, per UPT and per venue' })
  discrepancies(@Query() q: PeriodQuery, @CurrentActor() actor: Actor) {
    return this.answer('discrepancies', q, this.reports.discrepancies(q.period, region(q), actor));
  }

  @Get('reports/sales-daily')
  @AnyActor()
  @ApiOperation({ summary: 'Net sales by day (venue calendar), venue and UPT' })
  salesDaily(@Query() q: DaysQuery, @CurrentActor() actor: Actor) {
    return this.answer('sales-daily', q, this.reports.salesDaily(q.from, q.to, region(q), actor));
  }

  @Get('reports/stock')
  @AnyActor()
  @ApiOperation({ summary: 'Stock at venues by lot with expiry, optionally of one agreement' })
  stock(@Query() q: StockQuery, @CurrentActor() actor: Actor) {
    return this.answer('stock', q, this.reports.stock(q.agreement, region(q), actor));
  }

  @Get('reports/near-expiry')
  @AnyActor()
  @ApiOperation({ summary: 'Stock at venues expiring within the window (expired included)' })
  nearExpiry(@Query() q: NearExpiryQuery, @CurrentActor() actor: Actor) {
    return this.answer('near-expiry', q, this.reports.nearExpiry(q.days, region(q), actor));
  }

  @Get('reports/outstanding')
  @AnyActor()
  @ApiOperation({ summary: 'Issued but unpaid statements, each with its age bucket, and the buckets 0-30, 31-60, 61-90, >90 days' })
  outstanding(@Query() q: ReportQuery, @CurrentActor() actor: Actor) {
    return this.answer('outstanding', q, this.reports.outstanding(region(q), actor));
  }

  @Get('reports/pnbp-progress')
  @AnyActor()
  @ApiOperation({ summary: "Each UPT's PNBP of the year against its target in effect today (kept within the year)" })
  pnbpProgress(@Query() q: YearQuery, @CurrentActor() actor: Actor) {
    return this.answer('pnbp-progress', q, this.reports.pnbpProgress(q.year, region(q), actor));
  }

  @Get('reports/exhibitions')
  @AnyActor()
  @ApiOperation({ summary: 'The exhibitions within your scope, latest first (an organising Kanwil, its UPTs and the venue see theirs)' })
  exhibitions(@Query() q: ReportQuery, @CurrentActor() actor: Actor) {
    return this.answer('exhibitions', q, this.reports.exhibitions(actor));
  }

  @Get('reports/exhibitions/:exhibitionId')
  @AnyActor()
  @ApiOperation({
    summary: 'One exhibition: figures per UPT and per product, the best sellers, totals against the previous edition of its series',
  })
  exhibition(@Param('exhibitionId', ParseUUIDPipe) exhibitionId: string, @Query() q: ReportQuery, @CurrentActor() actor: Actor) {
    return this.answer('exhibition', q, this.reports.exhibition(exhibitionId, region(q), actor));
  }
}

const region = ({ kanwil, upt }: RegionQuery) => ({ kanwil, upt });
