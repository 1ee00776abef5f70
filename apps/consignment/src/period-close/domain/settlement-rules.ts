import { firstRefusal, type Refusal, type Rule } from '@titipan/kernel';
import type { SettlementStatus } from './period-close';

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
