import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, MAX_COMMISSION_BP, MAX_PRICE_RUPIAH, ORG_CODE_PATTERN } from '@titipan/contracts';
import { AgreementScopedQueryDto } from '../shared/agreement-scope.dto';
import { Type } from 'class-transformer';
import { BoundedArray, IsInt32, IsRupiah, MultiLineText } from '@titipan/platform';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

/** Price overrides one request may set: more products than any UPT makes. */
const MAX_AGREEMENT_PRICES = 1000;

export class AgreementPriceDto {
  @ApiProperty()
  @IsUUID()
  productId: string;

  @ApiProperty({ description: 'consignment price per unit, whole rupiah; overrides the catalog price' })
  @IsRupiah(1, MAX_PRICE_RUPIAH)
  price: number;
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
