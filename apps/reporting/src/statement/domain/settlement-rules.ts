import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { StatementStatus } from './statement-record';

/** SIMPONI billing codes are 15 digits. */
export const SIMPONI_BILLING_CODE = /^\d{15}$/;
/** The NTPN on a state revenue receipt: 16 letters or digits. */
export const NTPN = /^[A-Z0-9]{16}$/;

export type SettlementRefusalCode = 'ILLEGAL_TRANSITION' | 'AMOUNT_MISMATCH';

export type SettlementRefusal = Refusal<SettlementRefusalCode>;

/** ILLEGAL_TRANSITION is a conflict with the statement's state; AMOUNT_MISMATCH breaks a rule. */
export const SETTLEMENT_REFUSAL_KIND: Record<SettlementRefusalCode, ErrorKind> = {
  ILLEGAL_TRANSITION: 'conflict',
  AMOUNT_MISMATCH: 'rule',
};

/** The statement a payment or deposit is recorded against. */
export interface SettlementTarget {
  id: string;
  status: StatementStatus;
  proceeds: number;
}

/** A settlement step: the statement it applies to, and what the caller sends. */
export interface SettlementStep<I> {
  statement: SettlementTarget;
  input: I;
}
type SettlementRule<I> = Rule<SettlementStep<I>, SettlementRefusalCode>;

/** ISSUED → PAID → DEPOSITED: a step applies only to a statement in the state before it. */
const mustBe =
  (expected: StatementStatus): SettlementRule<unknown> =>
  ({ statement: s }) =>
    s.status === expected
      ? undefined
      : {
          code: 'ILLEGAL_TRANSITION',
          message: `statement ${s.id} is ${s.status}, not ${expected}`,
          details: { current: s.status, expected },
        };

export const mustBeIssued = mustBe('ISSUED');
export const mustBePaid = mustBe('PAID');

/** The venue pays the proceeds exactly: anything else is refused. */
export function amountIsTheProceeds({ statement: s, input: payment }: SettlementStep<{ amount: number }>): SettlementRefusal | undefined {
  if (payment.amount === s.proceeds) return undefined;
  return {
    code: 'AMOUNT_MISMATCH',
    message: `the statement's proceeds are ${s.proceeds}, not ${payment.amount}`,
    details: { expected: s.proceeds, received: payment.amount },
  };
}

export const PAYMENT_RULES: readonly SettlementRule<{ amount: number }>[] = [mustBeIssued, amountIsTheProceeds];
/** The deposit's billing code and NTPN are checked for form where they enter (SIMPONI_BILLING_CODE, NTPN). */
export const DEPOSIT_RULES: readonly SettlementRule<unknown>[] = [mustBePaid];

/** Why the venue's payment cannot be recorded, or undefined when it can (ISSUED → PAID). */
export const paymentRefusal = (s: SettlementTarget, payment: { amount: number }) =>
  firstRefusal(PAYMENT_RULES, { statement: s, input: payment });

/** Why the UPT's PNBP deposit cannot be recorded, or undefined when it can (PAID → DEPOSITED). */
export const depositRefusal = (s: SettlementTarget) => firstRefusal(DEPOSIT_RULES, { statement: s, input: undefined });
