import type { RecordedSaleLine } from '../../sale/domain/sale-line';
import type { Bucket } from '../../stock/domain/movement';

/** A customer's return of (part of) a sale line, as recorded. */
export interface CustomerReturn {
  status: 'accepted' | 'duplicate';
  returnNo: string;
  receiptNo: string;
  lineNo: number;
  agreementId: string;
  quantity: number;
  resellable: boolean;
  amount: number;
  returnedAt: string;
  period: string;
  lots: RestockedLot[];
}

export interface RestockedLot {
  productId: string;
  lotCode: string;
  expiryDate: string;
  bucket: Bucket;
  quantity: number;
  unitPrice: number;
}

/** A return slip as the venue sends it. */
export interface CustomerReturnInput {
  returnNo: string;
  receiptNo: string;
  lineNo: number;
  quantity: number;
  resellable: boolean;
}

/** Whether a slip is the resend of one already recorded (same content), answered with its original result. */
export function isResentReturn(input: CustomerReturnInput, recorded: CustomerReturn): boolean {
  return (
    recorded.receiptNo === input.receiptNo &&
    recorded.lineNo === input.lineNo &&
    recorded.quantity === input.quantity &&
    recorded.resellable === input.resellable
  );
}

/**
 * Lots a returned quantity goes back to: the lots the sale took from, latest first, less what earlier
 * returns of the same line already took back.
 */
export function lotsToRestock(sale: RecordedSaleLine, alreadyReturned: Map<string, number>, quantity: number) {
  const lots: { lotCode: string; expiryDate: string; quantity: number }[] = [];
  let remaining = quantity;
  for (const a of [...sale.allocations].reverse()) {
    const free = a.quantity - (alreadyReturned.get(a.lotCode) ?? 0);
    const take = Math.min(free, remaining);
    if (take > 0) lots.push({ lotCode: a.lotCode, expiryDate: a.expiryDate, quantity: take });
    remaining -= take;
    if (remaining === 0) break;
  }
  return lots;
}
