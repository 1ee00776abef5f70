/**
 * Retur pelanggan: a customer brings back (part of) a line bought at the venue. The receipt's lines as
 * GET /sales?receiptNo= answers them, less what earlier returns (GET /sales/returns) took back; the chosen line,
 * quantity, condition and reason checked before anything is sent; then the body of POST /sales/returns. Plain TS,
 * unit-tested in customer-return-form.spec.ts.
 */

/** Highest quantity of one line (MAX_LINE_QUANTITY in @titipan/contracts). */
export const MAX_LINE_QUANTITY = 1_000_000;

/** A recorded sale line as GET /sales answers it. */
export interface SoldLine {
  receiptNo: string;
  lineNo: number;
  agreementId: string;
  productId: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  soldAt: string;
}

/** A customer return as GET /sales/returns answers it. */
export interface RecordedReturn {
  returnNo: string;
  receiptNo: string;
  lineNo: number;
  quantity: number;
  resellable: boolean;
  amount: number;
  returnedAt: string;
}

export interface ReturnableLine {
  sale: SoldLine;
  returned: number;
  /** What the customer may still bring back of this line. */
  remaining: number;
}

/** The receipt's lines in order, each with what was already returned of it. */
export function returnableLines(sales: SoldLine[], returns: RecordedReturn[]): ReturnableLine[] {
  return [...sales]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((sale) => {
      const returned = returns
        .filter((r) => r.receiptNo === sale.receiptNo && r.lineNo === sale.lineNo)
        .reduce((s, r) => s + r.quantity, 0);
      return { sale, returned, remaining: Math.max(0, sale.quantity - returned) };
    });
}

/** What the cashier filled in; '' and undefined while not chosen. */
export interface ReturnChoice {
  lineNo?: number;
  quantity: string;
  /** true: back on the shelf; false: damaged, quarantined until it goes back to the UPT. */
  resellable?: boolean;
  reason: string;
}

export type ReturnProblem = 'NO_LINE' | 'NOT_A_QUANTITY' | 'EXCEEDS_SALE' | 'NO_CONDITION' | 'NO_REASON';

export interface CustomerReturnRequest {
  returnNo: string;
  receiptNo: string;
  lineNo: number;
  quantity: number;
  resellable: boolean;
  reason: string;
}

export interface ReturnCheck {
  problems: ReturnProblem[];
  line?: ReturnableLine;
  quantity: number | null;
  /** The refund at the sale's unit price, once line and quantity are known. */
  refund: number | null;
}

/** The choice checked the way the service would: a line, a whole quantity within what remains, a condition and a reason. */
export function checkReturn(lines: ReturnableLine[], choice: ReturnChoice): ReturnCheck {
  const problems: ReturnProblem[] = [];
  const line = lines.find((l) => l.sale.lineNo === choice.lineNo);
  if (!line) problems.push('NO_LINE');
  const text = choice.quantity.trim();
  const quantity = /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_LINE_QUANTITY ? Number(text) : null;
  if (quantity === null) problems.push('NOT_A_QUANTITY');
  else if (line && quantity > line.remaining) problems.push('EXCEEDS_SALE');
  if (choice.resellable === undefined) problems.push('NO_CONDITION');
  if (!choice.reason.trim()) problems.push('NO_REASON');
  return { problems, line, quantity, refund: line && quantity !== null ? quantity * line.sale.unitPrice : null };
}

/**
 * The return slip number: made once per return on the device and kept until the service answers, so a resend
 * after a lost answer is recognised as the same return (the service keys returns by it).
 */
export function returnSlipNo(receiptNo: string, at: Date): string {
  return `RT-${receiptNo}-${at.getTime().toString(36).toUpperCase()}`.slice(0, 60);
}

/** The body of POST /sales/returns for a checked choice without problems. No returnedAt: the service's clock. */
export function returnRequest(returnNo: string, check: ReturnCheck, choice: ReturnChoice): CustomerReturnRequest {
  if (check.problems.length) throw new Error(`not ready: ${check.problems.join(', ')}`);
  return {
    returnNo,
    receiptNo: check.line!.sale.receiptNo,
    lineNo: check.line!.sale.lineNo,
    quantity: check.quantity!,
    resellable: choice.resellable!,
    reason: choice.reason.trim(),
  };
}
