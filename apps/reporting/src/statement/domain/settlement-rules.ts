import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { StatementStatus } from './statement-record';

/** SIMPONI billing codes are 15 digits. */
export const SIMPONI_BILLING_CODE = /^\d{15}$/;
/** The NTPN on a state revenue receipt: 16 letters or digits. */
export const NTPN = /^[A-Z0-9]{16}$/;

export type SettlementRefusalCode = 'ILLEGAL_TRANSITION' | 'AMOUNT_MISMATCH' | 'NTPN_ALREADY_USED';

export type SettlementRefusal = Refusal<SettlementRefusalCode>;

/** ILLEGAL_TRANSITION and NTPN_ALREADY_USED conflict with what is recorded; AMOUNT_MISMATCH breaks a rule. */
export const SETTLEMENT_REFUSAL_KIND: Record<SettlementRefusalCode, ErrorKind> = {
  ILLEGAL_TRANSITION: 'conflict',
  AMOUNT_MISMATCH: 'rule',
  NTPN_ALREADY_USED: 'conflict',
};

/** The statement a payment or deposit is recorded against. */
export interface SettlementTarget {
  id: string;
  status: StatementStatus;
  proceeds: number;
  /** The PNBP part of the split: what the UPT deposits to the state (0 while there is no split). */
  pnbp: number;
}

/** A PNBP deposit as the UPT records it, with whether its NTPN already settled another deposit. */
export interface DepositInput {
  amount: number;
  ntpn: string;
  ntpnUsed: boolean;
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

/** An NTPN proves one payment to the state: it settles one deposit, of one statement, only. */
export function ntpnNotUsedBefore({ input: deposit }: SettlementStep<DepositInput>): SettlementRefusal | undefined {
  if (!deposit.ntpnUsed) return undefined;
  return {
    code: 'NTPN_ALREADY_USED',
    message: `NTPN ${deposit.ntpn} already settles another deposit; each state receipt is recorded once`,
    details: { field: 'ntpn', ntpn: deposit.ntpn },
  };
}

/** The UPT deposits the statement's PNBP share exactly: anything else is refused. */
export function amountIsThePnbpShare({ statement: s, input: deposit }: SettlementStep<DepositInput>): SettlementRefusal | undefined {
  if (deposit.amount === s.pnbp) return undefined;
  return {
    code: 'AMOUNT_MISMATCH',
    message: `the statement's PNBP share is ${s.pnbp}, not ${deposit.amount}`,
    details: { field: 'amount', expected: s.pnbp, received: deposit.amount },
  };
}

export const PAYMENT_RULES: readonly SettlementRule<{ amount: number }>[] = [mustBeIssued, amountIsTheProceeds];
/** The deposit's billing code and NTPN are checked for form where they enter (SIMPONI_BILLING_CODE, NTPN). */
export const DEPOSIT_RULES: readonly SettlementRule<DepositInput>[] = [mustBePaid, ntpnNotUsedBefore, amountIsThePnbpShare];

/** Why the venue's payment cannot be recorded, or undefined when it can (ISSUED → PAID). */
export const paymentRefusal = (s: SettlementTarget, payment: { amount: number }) =>
  firstRefusal(PAYMENT_RULES, { statement: s, input: payment });

/** Why the UPT's PNBP deposit cannot be recorded, or undefined when it can (PAID → DEPOSITED). */
export const depositRefusal = (s: SettlementTarget, deposit: DepositInput) => firstRefusal(DEPOSIT_RULES, { statement: s, input: deposit });
