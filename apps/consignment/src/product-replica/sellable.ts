import type { ReplicaProduct } from './product-replica.store';

export interface Refusal {
  code: string;
  message: string;
}

/** Whether a product may move to or be sold at a venue under an agreement of the given UPT. */
export function productRefusal(product: ReplicaProduct | undefined, productId: string, uptCode: string): Refusal | undefined {
  if (!product) return { code: 'PRODUCT_UNKNOWN', message: `product ${productId} is not an approved catalog product` };
  if (product.uptCode !== uptCode)
    return { code: 'PRODUCT_OF_OTHER_UPT', message: `product ${product.sku} is made by ${product.uptCode}, not ${uptCode}` };
  if (product.status !== 'APPROVED')
    return { code: `PRODUCT_${product.status}`, message: `product ${product.sku} is ${product.status.toLowerCase()}` };
  if (!product.consignable)
    return { code: 'PRODUCT_NOT_CONSIGNABLE', message: `product ${product.sku} keeps a day or less and is not consigned` };
  return undefined;
}
