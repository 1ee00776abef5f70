import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORG_CODE_PATTERN,
  PRODUCT_CATEGORIES,
  SKU_PATTERN,
  PRODUCT_STATUSES,
  type ProductCategory,
  type ProductStatus,
} from '@titipan/contracts';
import { PageQueryDto } from '@titipan/platform';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

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
