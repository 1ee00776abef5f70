import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_LINE_QUANTITY } from '@titipan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LotLineDto } from '../upt-return/upt-return.dto';

export class CountLineDto extends LotLineDto {
  @ApiProperty({ minimum: 0, description: 'units found on the shelf' })
  @IsInt()
  @Min(0)
  @Max(MAX_LINE_QUANTITY)
  counted: number;
}

export class StockCountDto {
  @ApiProperty()
  @IsUUID()
  agreementId: string;

  @ApiProperty({ example: 'stock opname akhir bulan' })
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  countedAt?: string;

  @ApiProperty({ type: [CountLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CountLineDto)
  lines: CountLineDto[];
}
