/**
 * The month-end page's rules, plain TS (unit-tested in month-end.spec.ts): which periods are offered (calendar
 * months at a lounge, the event period at an exhibition: decision 0029), whether one has ended in the venue's zone,
 * what the ledger says of it, and whether a statement is still being put together.
 */
import { formatDayRange, formatMonth, localDay } from './format';

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
 * The days of an event period `YYYY-MM-DD..YYYY-MM-DD` (first and last, inclusive, venue calendar), or undefined
 * for a month. A copy of the parsing in libs/contracts' period-format.ts, which the app cannot load;
 * test/console/console-copies.spec.ts keeps the two agreeing.
 */
export function eventDaysOf(period: string): { first: string; last: string } | undefined {
  const found = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period);
  return found ? { first: found[1], last: found[2] } : undefined;
}

/** The event period string of an agreement's event days (contracts' eventPeriod). */
export const eventPeriodOf = (days: { first: string; last: string }): string => `${days.first}..${days.last}`;

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The first day (YYYY-MM-DD, venue calendar) a period can be closed: the day after its last day. */
export function closesFrom(period: string): string {
  const event = eventDaysOf(period);
  return event ? nextDay(event.last) : `${nextMonth(period)}-01`;
}

/**
 * A period closes once it has ended in the venue's zone (consignment's periodEnded rule, PERIOD_NOT_ENDED): from
 * 00:00 of the day after its last day there. For a month: the month it is now at the venue, and any later one, have
 * not; for an event period: not while it is still its last day (or earlier) at the venue.
 */
export function hasEnded(period: string, now: Date, timeZone: string): boolean {
  return localDay(now, timeZone) >= closesFrom(period);
}

/** A period as people read it: `Oktober 2026` for a month, `27–29 Nov 2026` for an event period. */
export function periodLabel(period: string): string {
  const event = eventDaysOf(period);
  return event ? formatDayRange(event.first, event.last) : formatMonth(period);
}

/** What the page needs of an agreement (consignment's view: an exhibition's carries its event days). */
export interface AgreementPeriods {
  eventPeriod?: { first: string; last: string } | null;
}

/** Whether an agreement settles in a period: an event agreement its own event period only, any other agreement months. */
export function settlesIn(agreement: AgreementPeriods, period: string): boolean {
  return agreement.eventPeriod ? eventPeriodOf(agreement.eventPeriod) === period : !eventDaysOf(period);
}

/**
 * The periods the page offers at a venue, newest first: each event period its agreements settle (an exhibition's),
 * then, when any agreement settles per month (a lounge), the months of `monthsToOffer`.
 */
export function periodsToOffer(agreements: readonly AgreementPeriods[], now: Date, timeZone: string): string[] {
  const events = [...new Set(agreements.flatMap((a) => (a.eventPeriod ? [eventPeriodOf(a.eventPeriod)] : [])))].sort((a, b) =>
    b.localeCompare(a),
  );
  const monthly = agreements.length === 0 || agreements.some((a) => !a.eventPeriod);
  return [...events, ...(monthly ? monthsToOffer(now, timeZone) : [])];
}

/** The period the page opens on: the newest offered that has ended (the one a close is due for), else the newest. */
export function openingPeriod(offered: readonly string[], now: Date, timeZone: string): string | undefined {
  return offered.find((p) => hasEnded(p, now, timeZone)) ?? offered[0];
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
