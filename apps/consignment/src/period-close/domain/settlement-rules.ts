import { basisPointsOf, firstRefusal, type Refusal, type Rule } from '@titipan/kernel';
import type { ControlTotals, SettlementStatus } from './period-close';

/** Why a reported settlement status does not replace the one recorded (its figures are still kept). */
export type SettlementRefusalCode = 'SETTLEMENT_NOT_FORWARD';

const RANK: Record<SettlementStatus, number> = { PENDING: 0, ISSUED: 1, PAID: 2, DEPOSITED: 3 };

/** A status reporting.events reports for a closed month, against the one recorded. */
export interface SettlementCandidate {
  current: SettlementStatus;
  reported: Exclude<SettlementStatus, 'PENDING'>;
}

type SettlementRule = Rule<SettlementCandidate, SettlementRefusalCode>;

/** A status only moves forward (issued, paid, deposited), whatever order a replay delivers in. */
export const movesForward: SettlementRule = ({ current, reported }) =>
  RANK[reported] > RANK[current]
    ? undefined
    : { code: 'SETTLEMENT_NOT_FORWARD', message: `a ${current} statement does not go back to ${reported}`, details: { current, reported } };

/** The rules of a settlement status change, in order. */
export const SETTLEMENT_RULES: readonly SettlementRule[] = [movesForward];

export function settlementRefusal(candidate: SettlementCandidate): Refusal<SettlementRefusalCode> | undefined {
  return firstRefusal(SETTLEMENT_RULES, candidate);
}

/** The status a month is in once a report arrives: the reported one, unless a rule refuses it. */
export function nextSettlementStatus(candidate: SettlementCandidate): SettlementStatus {
  return settlementRefusal(candidate) ? candidate.current : candidate.reported;
}

/** Why consignment refuses a payment reporting.events reports (the transport dead-letters it with this reason). */
export type PaymentRefusalCode =
  'PAYMENT_MONTH_NOT_CLOSED' | 'PAYMENT_STATEMENT_NOT_ISSUED' | 'PAYMENT_AMOUNT_MISMATCH' | 'PAYMENT_BELOW_CLOSED_SALES';

/** A reported payment, with consignment's own figures of the month: the control totals it closed with and the agreement's commission. */
export interface ReportedPayment {
  statementId: string;
  amount: number;
  /** the control totals of the month's close; null when consignment never closed it */
  closed: ControlTotals | null;
  /** the statement reported issued for the month, with its proceeds */
  issued: { statementId: string; proceeds: number | null } | null;
  commissionBp: number;
}

type PaymentRule = Rule<ReportedPayment, PaymentRefusalCode>;

/** A statement is paid only for a month consignment closed. */
export const paymentForClosedMonth: PaymentRule = ({ closed }) =>
  closed ? undefined : { code: 'PAYMENT_MONTH_NOT_CLOSED', message: 'a payment for a month consignment has not closed', details: {} };

/** The payment names the statement reported issued for the month. */
export const paymentOfIssuedStatement: PaymentRule = ({ statementId, issued }) =>
  issued?.statementId === statementId
    ? undefined
    : {
        code: 'PAYMENT_STATEMENT_NOT_ISSUED',
        message: `statement ${statementId} was never reported issued for this month`,
        details: { statementId, issued: issued?.statementId ?? null },
      };

/** The amount is the issued statement's proceeds, exactly (reporting's own rule: the venue pays the proceeds). */
export const amountIsTheIssuedProceeds: PaymentRule = ({ amount, issued }) =>
  issued?.proceeds === amount
    ? undefined
    : {
        code: 'PAYMENT_AMOUNT_MISMATCH',
        message: `the issued statement's proceeds are ${issued?.proceeds ?? 'unknown'}, not ${amount}`,
        details: { expected: issued?.proceeds ?? null, received: amount },
      };

/**
 * The amount is at least what the closed month's own sales leave after commission: net sales (sold less customer
 * returns, from the control totals) less the commission; a shrinkage charge can only add to it.
 */
export const amountCoversClosedSales: PaymentRule = ({ amount, closed, commissionBp }) => {
  const due = closedProceedsBeforeShrinkage(closed!, commissionBp);
  return amount >= due
    ? undefined
    : {
        code: 'PAYMENT_BELOW_CLOSED_SALES',
        message: `the month closed with proceeds of at least ${due} before any shrinkage charge, not ${amount}`,
        details: { atLeast: due, received: amount },
      };
};

/** The rules of a reported payment, in order. */
export const PAYMENT_RULES: readonly PaymentRule[] = [
  paymentForClosedMonth,
  paymentOfIssuedStatement,
  amountIsTheIssuedProceeds,
  amountCoversClosedSales,
];

export function paymentRefusal(payment: ReportedPayment): Refusal<PaymentRefusalCode> | undefined {
  return firstRefusal(PAYMENT_RULES, payment);
}

/** Net sales of a closed month less commission; sold movements carry negative amounts, customer returns positive. */
export function closedProceedsBeforeShrinkage(closed: ControlTotals, commissionBp: number): number {
  const amountOf = (kind: string) => closed.movements.filter((m) => m.kind === kind).reduce((sum, m) => sum + m.amount, 0);
  const netSales = -amountOf('SOLD') - amountOf('CUSTOMER_RETURN');
  return netSales - basisPointsOf(netSales, commissionBp);
}
