import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { MAX_PRICE_RUPIAH, ORG_CODE_PATTERN, PRODUCT_CATEGORIES, SKU_PATTERN, type ProductCategory } from './product-fields';

/** Fields every product event carries: which product, of which UPT. */
class ProductRef {
  @IsUUID()
  productId: string;

  @Matches(ORG_CODE_PATTERN)
  uptCode: string;
}

const byProduct = { subject: (d: ProductRef) => d.productId, partitionKey: (d: ProductRef) => d.productId };

/** UPT staff submitted a draft for curation. */
export class ProductSubmittedV1 extends ProductRef {
  @Matches(SKU_PATTERN)
  sku: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsIn(PRODUCT_CATEGORIES)
  category: ProductCategory;
}
export const ProductSubmitted = defineEvent({ type: 'catalog.product.submitted', version: 1, stream: 'catalog', payload: ProductSubmittedV1, ...byProduct });

/** A curator rejected a submitted product; reasons are the failed rules or the curator's words. */
export class ProductRejectedV1 extends ProductRef {
  @IsUUID()
  reviewId: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  reasons: string[];
}
export const ProductRejected = defineEvent({ type: 'catalog.product.rejected', version: 1, stream: 'catalog', payload: ProductRejectedV1, ...byProduct });

export const SUSPENSION_CAUSES = ['CURATOR', 'CERTIFICATE_EXPIRED'] as const;
export type SuspensionCause = (typeof SUSPENSION_CAUSES)[number];

/** An approved product may no longer be dispatched or sold, until reinstated. */
export class ProductSuspendedV1 extends ProductRef {
  @IsIn(SUSPENSION_CAUSES)
  cause: SuspensionCause;

  @IsString()
  @Length(1, 1000)
  reason: string;
}
export const ProductSuspended = defineEvent({ type: 'catalog.product.suspended', version: 1, stream: 'catalog', payload: ProductSuspendedV1, ...byProduct });

/** A suspended product passed the approval rules again and may be sold. */
export class ProductReinstatedV1 extends ProductRef {}
export const ProductReinstated = defineEvent({ type: 'catalog.product.reinstated', version: 1, stream: 'catalog', payload: ProductReinstatedV1, ...byProduct });

/** The product is withdrawn for good. */
export class ProductDiscontinuedV1 extends ProductRef {
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  reason?: string;
}
export const ProductDiscontinued = defineEvent({ type: 'catalog.product.discontinued', version: 1, stream: 'catalog', payload: ProductDiscontinuedV1, ...byProduct });

/** The retail price changes at effectiveFrom; sales before that time keep the old price. */
export class ProductPriceChangedV1 extends ProductRef {
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  oldPrice: number;

  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  newPrice: number;

  @IsISO8601({ strict: true })
  effectiveFrom: string;
}
export const ProductPriceChanged = defineEvent({ type: 'catalog.product.price-changed', version: 1, stream: 'catalog', payload: ProductPriceChangedV1, ...byProduct });
