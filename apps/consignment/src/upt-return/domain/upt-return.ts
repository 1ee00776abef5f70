import type { Bucket } from '../../stock/domain/movement';

export type UptReturnStatus = 'SHIPPED' | 'RECEIVED';

export interface ReturnedLot {
  productId: string;
  lotCode: string;
  expiryDate: string;
  bucket: Bucket;
  quantity: number;
  unitPrice: number;
}

/** Goods going back from a venue to its UPT. */
export interface UptReturn {
  id: string;
  agreementId: string;
  reason: string;
  status: UptReturnStatus;
  shippedAt: string;
  receivedAt: string | null;
  lines: ReturnedLot[];
}
