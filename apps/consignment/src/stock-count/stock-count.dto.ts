import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_LINE_QUANTITY, MAX_LINES_PER_EVENT } from '@titipan/contracts';
import { Type } from 'class-transformer';
import { BoundedArray, IsInt32, MultiLineText } from '@titipan/platform';
import { IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { LotLineDto } from '../upt-return/upt-return.dto';

export class CountLineDto extends LotLineDto {
  @ApiProperty({ description: 'units found on the shelf' })
  @IsInt32(0, MAX_LINE_QUANTITY)
  counted: number;
}

export class StockCountDto {
  @ApiProperty()
  @IsUUID()
  agreementId: string;

  @ApiProperty({ example: 'stock opname akhir bulan' })
  @IsString()
  @Length(1, 1000)
  @MultiLineText()
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  countedAt?: string;

  @ApiProperty({ type: [CountLineDto] })
  @BoundedArray({ min: 1, max: MAX_LINES_PER_EVENT })
  @ValidateNested({ each: true })
  @Type(() => CountLineDto)
  lines: CountLineDto[];
}
