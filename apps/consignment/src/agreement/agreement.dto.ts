import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DATE_PATTERN,
  MAX_COMMISSION_BP,
  MAX_DISCOUNT_BP,
  MAX_PRICE_RUPIAH,
  ORG_CODE_PATTERN,
  SHRINKAGE_LIABILITIES,
  type ShrinkageLiability,
} from '@titipan/contracts';
import { AgreementScopedQueryDto } from '../shared/agreement-scope.dto';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { BoundedArray, IsInt32, IsRupiah, MultiLineText } from '@titipan/platform';

/** Price overrides one request may set: more products than any UPT makes. */
const MAX_AGREEMENT_PRICES = 1000;

export class AgreementPriceDto {
  @ApiProperty()
  @IsUUID()
  productId: string;

  @ApiProperty({ description: 'consignment price per unit, whole rupiah; overrides the catalog price' })
  @IsRupiah(1, MAX_PRICE_RUPIAH)
  price: number;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description:
      "venue-calendar day the price takes effect, within the agreement's validity; a new agreement's prices default to its first day, " +
      'a change to today (or the first day, if later). Documents dated before it keep the earlier price',
  })
  @IsOptional()
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true }) // a real day: not 2026-02-30
  effectiveFrom?: string;
}

export class CreateAgreementDto {
  @ApiProperty({ example: 'LP-TGR-1' })
  @Matches(ORG_CODE_PATTERN)
  uptCode: string;

  @ApiProperty({ example: 'IMI-TGR-LOUNGE' })
  @Matches(ORG_CODE_PATTERN)
  venueCode: string;

  @ApiProperty({ example: 0, description: 'venue commission, basis points of net sales' })
  @IsInt32(0, MAX_COMMISSION_BP)
  commissionBp: number;

  @ApiPropertyOptional({
    example: 1_000,
    minimum: 0,
    maximum: MAX_DISCOUNT_BP,
    default: 0,
    description: 'largest discount below the list price a sale may have, basis points; 0 (the default) allows none',
  })
  @IsOptional()
  @IsInt32(0, MAX_DISCOUNT_BP)
  maxDiscountBp?: number;

  @ApiPropertyOptional({
    enum: SHRINKAGE_LIABILITIES,
    default: 'VENUE',
    description:
      'who bears units a stock count finds missing: VENUE (the default) pays them at the dispatch price in the statement, UPT writes them off',
  })
  @IsOptional()
  @IsIn(SHRINKAGE_LIABILITIES)
  shrinkageLiability?: ShrinkageLiability;

  @ApiProperty({ example: '2026-11-01' })
  @Matches(DATE_PATTERN)
  validFrom: string;

  @ApiPropertyOptional({ example: '2027-10-31' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  validTo?: string;

  @ApiPropertyOptional({ type: [AgreementPriceDto] })
  @IsOptional()
  @BoundedArray({ max: MAX_AGREEMENT_PRICES })
  @ValidateNested({ each: true })
  @Type(() => AgreementPriceDto)
  prices?: AgreementPriceDto[];
}

export class SetPricesDto {
  @ApiProperty({ type: [AgreementPriceDto] })
  @BoundedArray({ max: MAX_AGREEMENT_PRICES })
  @ValidateNested({ each: true })
  @Type(() => AgreementPriceDto)
  prices: AgreementPriceDto[];
}

export class TerminateDto {
  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  @MultiLineText()
  reason: string;
}

export class AgreementQueryDto extends AgreementScopedQueryDto {
  @ApiPropertyOptional({ enum: ['DRAFT', 'ACTIVE', 'TERMINATED'] })
  @IsOptional()
  @IsIn(['DRAFT', 'ACTIVE', 'TERMINATED'])
  status?: 'DRAFT' | 'ACTIVE' | 'TERMINATED';
}
