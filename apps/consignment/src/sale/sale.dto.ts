import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOT_CODE_PATTERN, MAX_LINE_QUANTITY, MAX_PRICE_RUPIAH } from '@titipan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Lines one upload may carry: a busy exhibition day, or an offline backlog. */
export const MAX_SALE_LINES_PER_BATCH = 5000;

export class SaleLineDto {
  @ApiProperty({ example: 'TGR-20261125-0042', description: "the venue's own receipt (struk) number" })
  @IsString()
  @Length(1, 60)
  receiptNo: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  lineNo: number;

  @ApiProperty()
  @IsUUID()
  productId: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  @ApiPropertyOptional({ description: 'price paid per unit; the agreement or catalog price if omitted; lower is a recorded discount' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  unitPrice?: number;

  @ApiPropertyOptional({ description: 'lot sold; first-expiry-first-out across lots if omitted' })
  @IsOptional()
  @Matches(LOT_CODE_PATTERN)
  lotCode?: string;

  @ApiProperty({ example: '2026-11-25T10:15:00+07:00' })
  @IsISO8601({ strict: true })
  soldAt: string;
}

export class SaleBatchDto {
  // the length limit is checked before validation, answered 413 BATCH_TOO_LARGE (sale.controller)
  @ApiProperty({ type: [SaleLineDto], maxItems: MAX_SALE_LINES_PER_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SaleLineDto)
  lines: SaleLineDto[];
}

export class CustomerReturnDto {
  @ApiProperty({ example: 'RT-TGR-0001', description: "the venue's return slip number: the return's identity for retries" })
  @IsString()
  @Length(1, 60)
  returnNo: string;

  @ApiProperty({ description: 'receipt number of the sale being reversed' })
  @IsString()
  @Length(1, 60)
  receiptNo: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  lineNo: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  @ApiProperty({ description: 'back on the shelf, or quarantined until it goes back to the UPT' })
  @IsBoolean()
  resellable: boolean;

  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  returnedAt?: string;
}
