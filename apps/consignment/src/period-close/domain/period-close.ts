/** Movement totals of one kind in a month. */
export interface MovementTotal {
  kind: string;
  count: number;
  quantity: number;
  amount: number;
}

/** The control totals of an agreement's month: what the close event carries and reconciliation compares. */
export interface ControlTotals {
  movements: MovementTotal[];
  receipts: number;
  shortQuantity: number;
  saleLines: number;
}

/** Where reporting says a closed month's statement is. */
export type SettlementStatus = 'PENDING' | 'ISSUED' | 'PAID' | 'DEPOSITED';

/** A closed month of an agreement, with its control totals and, once reporting says so, settlement. */
export interface ClosedPeriod {
  period: string;
  closedAt: string;
  closedBy: string;
  controlTotals: ControlTotals;
  settlement: SettlementStatus;
  statementId: string | null;
  proceeds: number | null;
  paidAmount: number | null;
}
