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

/** Product events are about the product and keyed by it, so one product's history stays in order. */
function productEvent<T extends ProductRef>(type: string, payload: new () => T) {
  return defineEvent<T>({ type, version: 1, stream: 'catalog', payload, subject: (d) => d.productId, partitionKey: (d) => d.productId });
}

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
export const ProductSubmitted = productEvent('catalog.product.submitted', ProductSubmittedV1);

/** A curator rejected a submitted product; reasons are the failed rules or the curator's words. */
export class ProductRejectedV1 extends ProductRef {
  @IsUUID()
  reviewId: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  reasons: string[];
}
export const ProductRejected = productEvent('catalog.product.rejected', ProductRejectedV1);

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
export const ProductSuspended = productEvent('catalog.product.suspended', ProductSuspendedV1);

/** A suspended product passed the approval rules again and may be sold. */
export class ProductReinstatedV1 extends ProductRef {}
export const ProductReinstated = productEvent('catalog.product.reinstated', ProductReinstatedV1);

/** The product is withdrawn for good. */
export class ProductDiscontinuedV1 extends ProductRef {
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  reason?: string;
}
export const ProductDiscontinued = productEvent('catalog.product.discontinued', ProductDiscontinuedV1);

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
export const ProductPriceChanged = productEvent('catalog.product.price-changed', ProductPriceChangedV1);
