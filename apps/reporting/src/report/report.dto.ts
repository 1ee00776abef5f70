import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, PERIOD_FORMAT } from '@titipan/contracts';
import { Type } from 'class-transformer';
import { IsInt32 } from '@titipan/platform';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CsvDelimiterOption, type CsvDelimiter } from '../export/csv-file';
import { ROLLUP_DIMENSIONS, type RollupDimension } from './domain/report-rows';

export class PeriodQuery {
  @ApiProperty({ example: '2026-11' })
  @Matches(PERIOD_FORMAT)
  period: string;
}

export class RollupQuery extends PeriodQuery {
  @ApiProperty({ enum: ROLLUP_DIMENSIONS })
  @IsIn(ROLLUP_DIMENSIONS)
  by: RollupDimension;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';

  @CsvDelimiterOption()
  delimiter?: CsvDelimiter;
}

export class MoversQuery extends PeriodQuery {
  @ApiPropertyOptional({ default: 10, description: 'how many top and slow movers' })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(1, 100)
  top = 10;
}

export class DaysQuery {
  @ApiProperty({ example: '2026-11-01' })
  @Matches(DATE_PATTERN)
  from: string;

  @ApiProperty({ example: '2026-11-30' })
  @Matches(DATE_PATTERN)
  to: string;
}

export class NearExpiryQuery {
  @ApiPropertyOptional({ default: 30, description: 'window in days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(1, 365)
  days = 30;
}

export class StockQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreement?: string;
}

export class YearQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt32(2000, 2100)
  year: number;
}
