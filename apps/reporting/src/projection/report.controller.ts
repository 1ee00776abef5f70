import { DomainError } from '@titipan/kernel';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DATE_PATTERN, ORG_CODE_PATTERN, PERIOD_FORMAT, type Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor, readScope } from '@titipan/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { tableCsv, tableXlsx, type TableColumn } from '../export/table-export';
import { ReplayService } from './replay.service';
import { ReportQueries, ROLLUP_DIMENSIONS, type RollupDimension } from './report.queries';

class PeriodQuery {
  @ApiProperty({ example: '2026-11' })
  @Matches(PERIOD_FORMAT)
  period: string;
}

class RollupQuery extends PeriodQuery {
  @ApiProperty({ enum: Object.keys(ROLLUP_DIMENSIONS) })
  @IsIn(Object.keys(ROLLUP_DIMENSIONS))
  by: RollupDimension;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

class MoversQuery extends PeriodQuery {
  @ApiPropertyOptional({ default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 10;
}

class DaysQuery {
  @ApiProperty({ example: '2026-11-01' })
  @Matches(DATE_PATTERN)
  from: string;

  @ApiProperty({ example: '2026-11-30' })
  @Matches(DATE_PATTERN)
  to: string;
}

class NearExpiryQuery {
  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days = 30;
}

class StockQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreement?: string;
}

class YearQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

class TargetDto {
  @ApiProperty({ description: 'yearly PNBP target, whole rupiah' })
  @IsInt()
  @Min(1)
  amount: number;
}

const ROLLUP_COLUMNS: TableColumn[] = [
  { key: 'key', label: 'Key' },
  { key: 'soldQuantity', label: 'Sold (units)' },
  { key: 'grossSales', label: 'Gross sales', money: true },
  { key: 'netSales', label: 'Net sales', money: true },
  { key: 'received', label: 'Received (units)' },
  { key: 'sellThrough', label: 'Sell-through' },
  { key: 'proceeds', label: 'Proceeds', money: true },
  { key: 'pnbp', label: 'PNBP', money: true },
  { key: 'premi', label: 'Premi', money: true },
];

/** Read models for the ministry, Kanwil, UPTs and venues; each answer says how fresh it is. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportController {
  constructor(
    private readonly reports: ReportQueries,
    private readonly replayService: ReplayService,
  ) {}

  @Get('reports/rollup')
  @AnyActor()
  @ApiOperation({
    summary: 'A month by Kanwil, UPT, venue, category or product: units, sales, sell-through, proceeds, PNBP, premi (JSON, CSV or XLSX)',
  })
  async rollup(@Query() q: RollupQuery, @CurrentActor() actor: Actor) {
    const rows = await this.reports.rollup(q.period, q.by, readScope(actor));
    if (q.format === 'csv' || q.format === 'xlsx') {
      const body =
        q.format === 'csv'
          ? Buffer.from(tableCsv(ROLLUP_COLUMNS, rows))
          : await tableXlsx(`Rollup ${q.period} by ${q.by}`, ROLLUP_COLUMNS, rows);
      return new StreamableFile(body, {
        type: q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        disposition: `attachment; filename="rollup-${q.period}-${q.by}.${q.format}"`,
      });
    }
    return { freshness: await this.reports.freshness(), period: q.period, by: q.by, rows };
  }

  @Get('reports/movers')
  @AnyActor()
  @ApiOperation({ summary: 'Top and slow movers of a month' })
  async movers(@Query() q: MoversQuery, @CurrentActor() actor: Actor) {
    return {
      freshness: await this.reports.freshness(),
      period: q.period,
      ...(await this.reports.movers(q.period, readScope(actor), q.limit)),
    };
  }

  @Get('reports/discrepancies')
  @AnyActor()
  @ApiOperation({ summary: 'Damaged and short rates on receipts, per UPT and per venue' })
  async discrepancies(@Query() q: PeriodQuery, @CurrentActor() actor: Actor) {
    return {
      freshness: await this.reports.freshness(),
      period: q.period,
      ...(await this.reports.discrepancies(q.period, readScope(actor))),
    };
  }

  @Get('reports/sales-daily')
  @AnyActor()
  @ApiOperation({ summary: 'Net sales by day (venue calendar), venue and UPT' })
  async salesDaily(@Query() q: DaysQuery, @CurrentActor() actor: Actor) {
    if (q.to < q.from) throw new DomainError('validation', 'RANGE_REVERSED', 'to is before from', { field: 'to' });
    return { freshness: await this.reports.freshness(), rows: await this.reports.salesDaily(q.from, q.to, readScope(actor)) };
  }

  @Get('reports/stock')
  @AnyActor()
  @ApiOperation({ summary: 'Stock at venues by lot with expiry, optionally of one agreement' })
  async stock(@Query() q: StockQuery, @CurrentActor() actor: Actor) {
    return { freshness: await this.reports.freshness(), rows: await this.reports.stock(readScope(actor), undefined, q.agreement) };
  }

  @Get('reports/near-expiry')
  @AnyActor()
  @ApiOperation({ summary: 'Stock at venues expiring within the window (expired included)' })
  async nearExpiry(@Query() q: NearExpiryQuery, @CurrentActor() actor: Actor) {
    return { freshness: await this.reports.freshness(), days: q.days, rows: await this.reports.stock(readScope(actor), q.days) };
  }

  @Get('reports/outstanding')
  @AnyActor()
  @ApiOperation({ summary: 'Issued but unpaid statements by age' })
  async outstanding(@CurrentActor() actor: Actor) {
    return { rows: await this.reports.outstanding(readScope(actor)) };
  }

  @Put('pnbp-targets/:upt/:year')
  @Allow('ministry')
  @ApiOperation({ summary: "Set a UPT's yearly PNBP target (ministry)" })
  async setTarget(
    @Param('upt') upt: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: TargetDto,
    @CurrentActor() actor: Actor,
  ) {
    if (!ORG_CODE_PATTERN.test(upt) || year < 2000 || year > 2100) {
      throw new DomainError('validation', 'VALIDATION_FAILED', 'a UPT code and a year are needed', {
        fields: [{ field: 'upt', rule: 'matches' }],
      });
    }
    await this.reports.setTarget(upt, year, body.amount, actor.id);
    return { uptCode: upt, year, amount: body.amount };
  }

  @Post('admin/replay')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Rebuild the read models from the beginning of consignment.events into fresh tables and swap them in' })
  replay() {
    return this.replayService.rebuild();
  }

  @Get('reports/pnbp-progress')
  @AnyActor()
  @ApiOperation({ summary: "Each UPT's PNBP of the year against its target" })
  async pnbpProgress(@Query() q: YearQuery, @CurrentActor() actor: Actor) {
    return { year: q.year, rows: await this.reports.pnbpProgress(q.year, readScope(actor)) };
  }
}
