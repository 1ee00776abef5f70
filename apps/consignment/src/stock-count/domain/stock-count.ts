import type { Bucket } from '../../stock/domain/movement';

/** One lot as counted: book against shelf. */
export interface CountedLot {
  productId: string;
  lotCode: string;
  expiryDate: string;
  bucket: Bucket;
  book: number;
  counted: number;
  variance: number;
  unitPrice: number;
}

/** A stock count (stock opname) as recorded. */
export interface StockCount {
  id: string;
  agreementId: string;
  countedAt: string;
  period: string;
  reason: string;
  lines: CountedLot[];
}
