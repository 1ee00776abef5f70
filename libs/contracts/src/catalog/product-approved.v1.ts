import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { MAX_PRICE_RUPIAH, ORG_CODE_PATTERN, PRODUCT_CATEGORIES, SKU_PATTERN, type ProductCategory } from './product-fields';

/** A curator approved a product: the full snapshot consignment needs to dispatch and sell it. */
export class ProductApprovedV1 {
  @IsUUID()
  productId: string;

  @Matches(SKU_PATTERN)
  sku: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsIn(PRODUCT_CATEGORIES)
  category: ProductCategory;

  @Matches(ORG_CODE_PATTERN)
  uptCode: string;

  @Matches(ORG_CODE_PATTERN)
  kanwilCode: string;

  @IsString()
  @Length(1, 30)
  unit: string;

  /** Retail price in effect at approval, whole rupiah. */
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  price: number;

  /** Null for non-perishables. */
  @IsOptional()
  @IsInt()
  @Min(0)
  shelfLifeDays: number | null;

  /** False when shelf life is 1 day or less: listed, but not placed on consignment. */
  @IsBoolean()
  consignable: boolean;

  @IsISO8601({ strict: true })
  approvedAt: string;

  @IsUUID()
  reviewId: string;
}

export const ProductApproved = defineEvent({
  type: 'catalog.product.approved',
  version: 1,
  stream: 'catalog',
  payload: ProductApprovedV1,
  subject: (d) => d.productId,
  partitionKey: (d) => d.productId,
});
