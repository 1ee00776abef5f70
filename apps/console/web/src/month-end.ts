/**
 * The month-end page's rules, plain TS (unit-tested in month-end.spec.ts): which month is offered, whether it has
 * ended in the venue's zone, what the ledger says of it, and whether a statement is still being put together.
 */
import { localDay } from './format';

/** Control totals as consignment's ledger and reporting's statement both give them. */
export interface ControlTotals {
  movements: { kind: string; count: number; quantity: number; amount: number }[];
  receipts: number;
  shortQuantity: number;
  saleLines: number;
}

export type StatementStatus = 'PENDING' | 'ISSUED' | 'PAID' | 'DEPOSITED';

/** The month (YYYY-MM) it is now in the venue's zone. */
export function currentMonth(now: Date, timeZone: string): string {
  return localDay(now, timeZone).slice(0, 7);
}

export function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The last month that has ended in the venue's zone: what the page opens on (the one a close is due for). */
export function lastEndedMonth(now: Date, timeZone: string): string {
  return previousMonth(currentMonth(now, timeZone));
}

/**
 * A month closes once it has ended in the venue's zone (consignment's periodEnded rule, PERIOD_NOT_ENDED):
 * the month it is now at the venue, and any later one, have not.
 */
export function hasEnded(period: string, now: Date, timeZone: string): boolean {
  return period < currentMonth(now, timeZone);
}

/** The months offered: the current one (to see its figures so far) and the `count` before it, newest first. */
export function monthsToOffer(now: Date, timeZone: string, count = 12): string[] {
  const months = [currentMonth(now, timeZone)];
  while (months.length <= count) months.push(previousMonth(months[months.length - 1]));
  return months;
}

/** The movements of a kind in the ledger's totals (0 when none). */
export function movementOf(totals: ControlTotals | undefined, kind: string): { count: number; quantity: number; amount: number } {
  const found = totals?.movements.find((m) => m.kind === kind);
  return { count: found?.count ?? 0, quantity: found?.quantity ?? 0, amount: found?.amount ?? 0 };
}

/** Whether a month has any movement at all in these totals. */
export function hasMovements(totals: ControlTotals | undefined): boolean {
  return !!totals && (totals.movements.some((m) => m.count > 0) || totals.receipts > 0);
}

/**
 * Whether the statement's figures were computed from the same movements consignment's ledger holds (reporting
 * issues a statement only when they are): counts, units and rupiah of every kind, receipts, short units, sale lines.
 */
export function sameTotals(a: ControlTotals | undefined, b: ControlTotals | undefined): boolean {
  if (!a || !b) return false;
  const kinds = new Set([...a.movements, ...b.movements].map((m) => m.kind));
  for (const kind of kinds) {
    const x = movementOf(a, kind);
    const y = movementOf(b, kind);
    if (x.count !== y.count || x.quantity !== y.quantity || x.amount !== y.amount) return false;
  }
  return a.receipts === b.receipts && a.shortQuantity === b.shortQuantity && a.saleLines === b.saleLines;
}

/**
 * A closed month's statement is computed asynchronously (the close goes to reporting as an event): until it is
 * ISSUED, or when none is there yet, the page says "sedang disusun" and asks again.
 */
export function stillComposing(closed: boolean, status: StatementStatus | undefined): boolean {
  return closed && (status === undefined || status === 'PENDING');
}

export interface PaymentForm {
  amount: string;
  paidOn: string;
  transferReference: string;
}
export type PaymentProblem = 'AMOUNT' | 'DATE' | 'REFERENCE';

/** What the form checks before sending (the amount being exactly the proceeds is the service's rule: AMOUNT_MISMATCH). */
export function paymentProblems(form: PaymentForm): PaymentProblem[] {
  const problems: PaymentProblem[] = [];
  if (parseRupiah(form.amount) === undefined) problems.push('AMOUNT');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.paidOn)) problems.push('DATE');
  if (!form.transferReference.trim() || form.transferReference.trim().length > 100) problems.push('REFERENCE');
  return problems;
}

/** The amount typed, in whole rupiah: `1.234.567`, `Rp 1.234.567` and `1234567` all read as 1234567. */
export function parseRupiah(text: string): number | undefined {
  const digits = text
    .replace(/^\s*Rp\s*/i, '')
    .replace(/\./g, '')
    .trim();
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}
