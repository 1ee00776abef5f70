import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  MAX_PRICE_RUPIAH,
  ORG_CODE_PATTERN,
  PRODUCT_CATEGORIES,
  PRODUCT_STATUSES,
  SKU_PATTERN,
  TIME_WITH_OFFSET_PATTERN,
  type ProductCategory,
  type ProductStatus,
} from '@titipan/contracts';
import { BoundedArray, IsInt32, IsRupiah, MultiLineText, PageQueryDto } from '@titipan/platform';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CertificateDto } from './certificate.dto';

/** A year of shelf life is plenty for anything inmates bake or bottle; 10 years bounds the input. */
const MAX_SHELF_LIFE_DAYS = 3650;

export class CreateProductDto {
  @ApiProperty({ example: 'KRP-TEMPE-100', pattern: SKU_PATTERN.source, description: 'unique within the UPT' })
  @Matches(SKU_PATTERN)
  sku: string;

  @ApiProperty({ example: 'Keripik Tempe 100 g', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  @MultiLineText()
  description?: string;

  @ApiProperty({ enum: PRODUCT_CATEGORIES })
  @IsIn(PRODUCT_CATEGORIES)
  category: ProductCategory;

  @ApiProperty({ example: 'pack', maxLength: 30 })
  @IsString()
  @Length(1, 30)
  unit: string;

  @ApiProperty({ example: 10000, description: 'retail price, whole rupiah' })
  @IsRupiah(1, MAX_PRICE_RUPIAH)
  price: number;

  @ApiPropertyOptional({ example: 90, nullable: true, description: 'days; omit or null for non-perishables' })
  @IsOptional()
  @IsInt32(0, MAX_SHELF_LIFE_DAYS)
  shelfLifeDays?: number | null;

  @ApiPropertyOptional({ type: [CertificateDto] })
  @IsOptional()
  @BoundedArray({ max: 10 })
  @ValidateNested({ each: true })
  @Type(() => CertificateDto)
  certificates?: CertificateDto[];
}

/** Any subset; what may change depends on the product's state (identity never after DRAFT). */
export class UpdateProductDto extends PartialType(CreateProductDto) {}

export class PriceChangeDto {
  @ApiProperty({ example: 12000 })
  @IsRupiah(1, MAX_PRICE_RUPIAH)
  price: number;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+07:00', description: 'when the new price takes effect; now if omitted' })
  @IsOptional()
  @Matches(TIME_WITH_OFFSET_PATTERN, {
    message: 'effectiveFrom must be an ISO-8601 time with an offset',
  })
  effectiveFrom?: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @MultiLineText()
  reason: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  @MultiLineText()
  reason?: string;
}

export class ProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'UPT code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  upt?: string;

  @ApiPropertyOptional({ description: 'Kanwil code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  kanwil?: string;

  @ApiPropertyOptional({ enum: PRODUCT_CATEGORIES })
  @IsOptional()
  @IsIn(PRODUCT_CATEGORIES)
  category?: ProductCategory;

  @ApiPropertyOptional({ enum: PRODUCT_STATUSES })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES)
  status?: ProductStatus;

  @ApiPropertyOptional({ description: 'exact SKU' })
  @IsOptional()
  @Matches(SKU_PATTERN)
  sku?: string;

  @ApiPropertyOptional({ description: 'text in the name (case-insensitive)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
