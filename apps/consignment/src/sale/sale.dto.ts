import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISCOUNT_REASONS, LOT_CODE_PATTERN, MAX_LINE_QUANTITY, MAX_PRICE_RUPIAH, type DiscountReason } from '@titipan/contracts';
import { Type } from 'class-transformer';
import { AgreementPeriodQueryDto } from '../shared/agreement-scope.dto';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { BoundedArray, IsInt32, IsRupiah } from '@titipan/platform';

/** Lines one upload may carry: a busy exhibition day, or an offline backlog. */
export const MAX_SALE_LINES_PER_BATCH = 5000;
/** Highest line number on one receipt. */
export const MAX_RECEIPT_LINE_NO = 10_000;

export class SaleLineDto {
  @ApiProperty({ example: 'TGR-20261125-0042', description: "the venue's own receipt (struk) number" })
  @IsString()
  @Length(1, 60)
  receiptNo: string;

  @ApiProperty({ example: 1 })
  @IsInt32(1, MAX_RECEIPT_LINE_NO)
  lineNo: number;

  @ApiProperty()
  @IsUUID()
  productId: string;

  @ApiProperty()
  @IsInt32(1, MAX_LINE_QUANTITY)
  quantity: number;

  @ApiPropertyOptional({
    description:
      "price paid per unit; the agreement or catalog price if omitted; lower is a discount, which needs a discountReason and the agreement's maxDiscountBp",
  })
  @IsOptional()
  @IsRupiah(1, MAX_PRICE_RUPIAH)
  unitPrice?: number;

  @ApiPropertyOptional({ enum: DISCOUNT_REASONS, description: 'why the unit price is below the list price; required when it is' })
  @IsOptional()
  @IsIn(DISCOUNT_REASONS)
  discountReason?: DiscountReason;

  @ApiPropertyOptional({ description: 'lot sold; first-expiry-first-out across lots if omitted' })
  @IsOptional()
  @Matches(LOT_CODE_PATTERN)
  lotCode?: string;

  @ApiProperty({ example: '2026-11-25T10:15:00+07:00' })
  @IsISO8601({ strict: true })
  soldAt: string;
}

export class SaleBatchDto {
  // a longer batch is refused whole, 413 BATCH_TOO_LARGE, before any line is validated
  @ApiProperty({ type: [SaleLineDto] })
  @BoundedArray({ min: 1, max: MAX_SALE_LINES_PER_BATCH, tooLongCode: 'BATCH_TOO_LARGE' })
  @ValidateNested({ each: true })
  @Type(() => SaleLineDto)
  lines: SaleLineDto[];
}

export class SaleQueryDto extends AgreementPeriodQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 60)
  receiptNo?: string;
}
