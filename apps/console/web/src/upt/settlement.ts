/**
 * Penyelesaian: the UPT's side of a statement. Its PNBP share (the split's PNBP part, what the UPT deposits to
 * the state), the deposit form checked by reporting's rules before sending (DepositDto: a 15-digit SIMPONI billing
 * code, a 16-character NTPN, a day; the amount being exactly the PNBP share is the service's rule, AMOUNT_MISMATCH),
 * and the year's PNBP against its target. Plain TS, unit-tested in settlement.spec.ts.
 */
import { parseRupiah } from '../month-end';

/** SIMPONI_BILLING_CODE and NTPN of reporting's settlement rules (console-upt-copies.spec.ts keeps them equal). */
export const SIMPONI_BILLING_CODE = /^\d{15}$/;
export const NTPN = /^[A-Z0-9]{16}$/;

export interface SplitPart {
  name: string;
  basisPoints: number;
  legalReference: string;
  amount: number;
}

/** The PNBP part of a statement's split; undefined while no split policy covers the month. */
export function pnbpPart(split: readonly SplitPart[] | null | undefined): SplitPart | undefined {
  return split?.find((part) => part.name === 'PNBP');
}

export interface DepositForm {
  amount: string;
  simponiBillingCode: string;
  ntpn: string;
  depositedOn: string;
}
export type DepositProblem = 'AMOUNT' | 'BILLING_CODE' | 'NTPN' | 'DATE';

/** The billing code as typed on a receipt, spaces and dashes dropped. */
export const normalBillingCode = (text: string): string => text.replace(/[\s-]/g, '');
/** The NTPN as printed (upper case), spaces dropped: `a1b2 c3d4 …` reads as `A1B2C3D4…`. */
export const normalNtpn = (text: string): string => text.replace(/\s/g, '').toUpperCase();

export function depositProblems(form: DepositForm): DepositProblem[] {
  const problems: DepositProblem[] = [];
  if (parseRupiah(form.amount) === undefined) problems.push('AMOUNT');
  if (!SIMPONI_BILLING_CODE.test(normalBillingCode(form.simponiBillingCode))) problems.push('BILLING_CODE');
  if (!NTPN.test(normalNtpn(form.ntpn))) problems.push('NTPN');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.depositedOn)) problems.push('DATE');
  return problems;
}

/** The body of POST /statements/:id/deposits for a form without problems. */
export function depositRequest(form: DepositForm): { amount: number; simponiBillingCode: string; ntpn: string; depositedOn: string } {
  return {
    amount: parseRupiah(form.amount)!,
    simponiBillingCode: normalBillingCode(form.simponiBillingCode),
    ntpn: normalNtpn(form.ntpn),
    depositedOn: form.depositedOn,
  };
}

/** One UPT's row of GET /reports/pnbp-progress. */
export interface PnbpProgressRow {
  uptCode: string;
  target: number;
  issued: number;
  deposited: number;
  progress: number;
}

/** The year in figures: deposited and issued as percent of the target (hundredths, rounded down), and what remains. */
export function progressOf(row: PnbpProgressRow): { depositedPct: number; issuedPct: number; remaining: number; reached: boolean } {
  const pct = (value: number) => (row.target > 0 ? Math.floor((value / row.target) * 10_000) / 100 : 0);
  return {
    depositedPct: pct(row.deposited),
    issuedPct: pct(row.issued),
    remaining: Math.max(0, row.target - row.deposited),
    reached: row.target > 0 && row.deposited >= row.target,
  };
}

/** Statements the UPT acts on first: awaiting its deposit (PAID), then the venue's payment (ISSUED), then the rest; newest month first within each. */
const STATUS_ORDER: Record<string, number> = { PAID: 0, ISSUED: 1, PENDING: 2, DEPOSITED: 3 };
export function byUrgency<T extends { status: string; period: string; venueCode: string }>(statements: readonly T[]): T[] {
  return [...statements].sort(
    (a, b) =>
      (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
      b.period.localeCompare(a.period) ||
      a.venueCode.localeCompare(b.venueCode),
  );
}
