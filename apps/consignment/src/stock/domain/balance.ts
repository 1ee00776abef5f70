import type { Bucket } from './movement';

/** Units of one lot in one bucket under an agreement. */
export interface LotBalance {
  agreementId: string;
  productId: string;
  lotCode: string;
  expiryDate: string;
  bucket: Bucket;
  quantity: number;
}

/** Key of a balance: product, lot and bucket (within one agreement). */
export const lotKey = (b: { productId: string; lotCode: string; bucket: string }) => `${b.productId}|${b.lotCode}|${b.bucket}`;

/** Key of a lot's dispatch price: product and lot. */
export const lotPriceKey = (l: { productId: string; lotCode: string }) => `${l.productId}|${l.lotCode}`;
