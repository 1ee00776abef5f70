import { firstRefusal, type Refusal, type Rule } from '@titipan/kernel';
import type { ReplicaProduct, SuspensionPeriod } from './product';

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

/** Why a product may not move on a document's date, though it may today (dispatches are checked as of their date). */
export type ProductOnDateRefusalCode = 'PRODUCT_NOT_YET_APPROVED' | 'PRODUCT_SUSPENDED';

/** A product, as the replica knows its approval and suspensions, on a document dated `at`. */
export interface ProductOnDate {
  product: Pick<ReplicaProduct, 'sku' | 'approvedAt' | 'suspensions'>;
  at: Date;
}

type ProductOnDateRule = Rule<ProductOnDate, ProductOnDateRefusalCode>;

export const approvedByThen: ProductOnDateRule = ({ product, at }) =>
  at.getTime() >= Date.parse(product.approvedAt)
    ? undefined
    : {
        code: 'PRODUCT_NOT_YET_APPROVED',
        message: `product ${product.sku} was approved at ${product.approvedAt}, after ${at.toISOString()}`,
        details: { approvedAt: product.approvedAt, at: at.toISOString() },
      };

const suspendedAt = (suspension: SuspensionPeriod, at: Date) =>
  at.getTime() >= Date.parse(suspension.from) && (suspension.until === null || at.getTime() < Date.parse(suspension.until));

export const notSuspendedThen: ProductOnDateRule = ({ product, at }) => {
  const suspension = product.suspensions.find((s) => suspendedAt(s, at));
  return suspension
    ? {
        code: 'PRODUCT_SUSPENDED',
        message: `product ${product.sku} was suspended from ${suspension.from} to ${suspension.until ?? 'now'}, which includes ${at.toISOString()}`,
        details: { suspendedFrom: suspension.from, suspendedUntil: suspension.until, at: at.toISOString() },
      }
    : undefined;
};

/** Whether a product could move on a document's date, in this order (after PRODUCT_RULES, which judge it today). */
export const PRODUCT_ON_DATE_RULES: readonly ProductOnDateRule[] = [approvedByThen, notSuspendedThen];

export function productOnDateRefusal(candidate: ProductOnDate): Refusal<ProductOnDateRefusalCode> | undefined {
  return firstRefusal(PRODUCT_ON_DATE_RULES, candidate);
}
