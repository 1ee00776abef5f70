import { firstRefusal, type Refusal, type Rule } from '@titipan/kernel';
import type { ReplicaProduct } from './product';

export type ProductRefusalCode =
  'PRODUCT_UNKNOWN' | 'PRODUCT_OF_OTHER_UPT' | 'PRODUCT_SUSPENDED' | 'PRODUCT_DISCONTINUED' | 'PRODUCT_NOT_CONSIGNABLE';

/** A product asked to move to or be sold at a venue under an agreement of the given UPT. */
export interface ProductCandidate {
  productId: string;
  product: ReplicaProduct | undefined;
  uptCode: string;
}

type ProductRule = Rule<ProductCandidate, ProductRefusalCode>;

const productKnown: ProductRule = ({ product, productId }) =>
  product ? undefined : { code: 'PRODUCT_UNKNOWN', message: `product ${productId} is not an approved catalog product` };

const productOfTheUpt: ProductRule = ({ product, uptCode }) =>
  product!.uptCode === uptCode
    ? undefined
    : { code: 'PRODUCT_OF_OTHER_UPT', message: `product ${product!.sku} is made by ${product!.uptCode}, not ${uptCode}` };

const productApproved: ProductRule = ({ product }) => {
  const { status, sku } = product!;
  return status === 'APPROVED' ? undefined : { code: `PRODUCT_${status}`, message: `product ${sku} is ${status.toLowerCase()}` };
};

const productConsignable: ProductRule = ({ product }) =>
  product!.consignable
    ? undefined
    : { code: 'PRODUCT_NOT_CONSIGNABLE', message: `product ${product!.sku} keeps a day or less and is not consigned` };

/** Whether a product may be dispatched or sold, in this order. */
export const PRODUCT_RULES: readonly ProductRule[] = [productKnown, productOfTheUpt, productApproved, productConsignable];

export function productRefusal(candidate: ProductCandidate): Refusal<ProductRefusalCode> | undefined {
  return firstRefusal(PRODUCT_RULES, candidate);
}
