import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, ORG_CODE_PATTERN, PERIOD_FORMAT } from '@titipan/contracts';
import { Type } from 'class-transformer';
import { IsInt32 } from '@titipan/platform';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CsvDelimiterOption, type CsvDelimiter } from '../export/csv-file';
import { ROLLUP_DIMENSIONS, type RollupDimension } from './domain/report-rows';

/** The region filters of every `/reports/*` view: they narrow within the caller's scope (403 SCOPE_FORBIDDEN outside it). */
export class RegionQuery {
  @ApiPropertyOptional({ example: 'KW-BANTEN', description: "Kanwil code: the agreements of that Kanwil's UPTs" })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  kanwil?: string;

  @ApiPropertyOptional({ example: 'LPP-TGR', description: 'UPT code: the agreements of that UPT' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  upt?: string;
}

/** A view as JSON (the default) or as an XLSX download of the same rows. */
export class ReportQuery extends RegionQuery {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

export class PeriodQuery extends ReportQuery {
  @ApiProperty({ example: '2026-11' })
  @Matches(PERIOD_FORMAT)
  period: string;
}

/** Rows of a rollup's JSON answer unless asked otherwise: every Kanwil, a Kanwil's UPTs, a UPT's products; a nation's products are a page. */
const ROLLUP_PAGE = 200;

/** The rollup also downloads as CSV (as it did before the other views had files). */
export class RollupQuery extends RegionQuery {
  @ApiProperty({ example: '2026-11' })
  @Matches(PERIOD_FORMAT)
  period: string;

  @ApiProperty({ enum: ROLLUP_DIMENSIONS })
  @IsIn(ROLLUP_DIMENSIONS)
  by: RollupDimension;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';

  @CsvDelimiterOption()
  delimiter?: CsvDelimiter;

  // a page of the rows in the JSON answer (with the total); the CSV and XLSX files hold every row
  @ApiPropertyOptional({ default: ROLLUP_PAGE, description: 'rows of the JSON answer, largest gross sales first' })
  @Type(() => Number)
  @IsInt32(1, 200)
  limit = ROLLUP_PAGE;

  @ApiPropertyOptional({ default: 0 })
  @Type(() => Number)
  @IsInt32(0, 1_000_000)
  offset = 0;
}

export class MonthsQuery extends ReportQuery {
  @ApiProperty({ example: '2026-01' })
  @Matches(PERIOD_FORMAT)
  from: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(PERIOD_FORMAT)
  to: string;
}

export class MoversQuery extends PeriodQuery {
  @ApiPropertyOptional({ default: 10, description: 'how many top and slow movers' })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(1, 100)
  top = 10;
}

export class DaysQuery extends ReportQuery {
  @ApiProperty({ example: '2026-11-01' })
  @Matches(DATE_PATTERN)
  from: string;

  @ApiProperty({ example: '2026-11-30' })
  @Matches(DATE_PATTERN)
  to: string;
}

export class NearExpiryQuery extends ReportQuery {
  @ApiPropertyOptional({ default: 30, description: 'window in days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(1, 365)
  days = 30;
}

export class StockQuery extends ReportQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreement?: string;
}

export class YearQuery extends ReportQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt32(2000, 2100)
  year: number;
}
