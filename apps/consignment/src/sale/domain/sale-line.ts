import type { DiscountReason } from '@titipan/contracts';
import type { Allocation } from '../../stock/domain/fefo';

/** A sale line as recorded: what the venue sent, the prices it went for and the lots it took. */
export interface RecordedSaleLine {
  venueCode: string;
  receiptNo: string;
  lineNo: number;
  agreementId: string;
  productId: string;
  quantity: number;
  unitPrice: number;
  listPrice: number;
  amount: number;
  /** Why it went below the list price, as the venue said; null when it gave none. */
  discountReason: DiscountReason | null;
  soldAt: string;
  period: string;
  allocations: Allocation[];
  batchId: string;
}

/** A sale line as the venue sends it. */
export interface SaleLineInput {
  receiptNo: string;
  lineNo: number;
  productId: string;
  quantity: number;
  unitPrice?: number;
  discountReason?: DiscountReason;
  lotCode?: string;
  soldAt: string;
}

/** A venue's receipt number and line: how a retried upload is recognised. */
export function saleKey(line: { receiptNo: string; lineNo: number }): string {
  return `${line.receiptNo}#${line.lineNo}`;
}

/** Whether a line is the resend of one the venue already recorded (same content), answered with its original result. */
export function isResentSale(line: SaleLineInput, recorded: RecordedSaleLine, venueCode: string): boolean {
  return (
    recorded.venueCode === venueCode &&
    line.productId === recorded.productId &&
    line.quantity === recorded.quantity &&
    new Date(line.soldAt).getTime() === new Date(recorded.soldAt).getTime() &&
    (line.unitPrice === undefined || line.unitPrice === recorded.unitPrice) &&
    (line.discountReason ?? null) === recorded.discountReason &&
    (line.lotCode === undefined || recorded.allocations.every((a) => a.lotCode === line.lotCode))
  );
}

/** A recorded line as the venue that sent it sees it. */
export function withoutVenue(line: RecordedSaleLine): Omit<RecordedSaleLine, 'venueCode'> {
  const rest: Partial<RecordedSaleLine> = { ...line };
  delete rest.venueCode;
  return rest as Omit<RecordedSaleLine, 'venueCode'>;
}
