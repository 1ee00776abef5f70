import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CsvDelimiterOption, type CsvDelimiter } from './csv-file';

export const EXPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export class ExportQuery {
  @ApiProperty({ enum: FORMATS })
  @IsIn(FORMATS)
  format: ExportFormat;

  @CsvDelimiterOption()
  delimiter?: CsvDelimiter;
}
