import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { Actor } from '@titipan/contracts';
import type { Agreement } from '../../agreement/domain/agreement';

/** Every reason a month close is refused. */
export type PeriodCloseRefusalCode = 'OUT_OF_SCOPE' | 'PERIOD_NOT_ENDED' | 'PERIOD_ALREADY_CLOSED';

export const PERIOD_CLOSE_REFUSAL_KIND: Record<PeriodCloseRefusalCode, ErrorKind> = {
  OUT_OF_SCOPE: 'forbidden',
  PERIOD_NOT_ENDED: 'rule',
  PERIOD_ALREADY_CLOSED: 'conflict',
};

/** A request to close a month (YYYY-MM) of an agreement. */
export interface PeriodCloseCandidate {
  actor: Pick<Actor, 'role' | 'scope'>;
  agreement: Pick<Agreement, 'id' | 'venueCode' | 'uptCode'>;
  period: string;
  /** The month it is now at the venue. */
  current: string;
  alreadyClosed: boolean;
}

type PeriodCloseRule = Rule<PeriodCloseCandidate, PeriodCloseRefusalCode>;

/** Who may close an agreement's month: its venue, its UPT, or an admin. */
export const mayClose: PeriodCloseRule = ({ actor, agreement }) => {
  const party =
    (actor.role === 'venue' && actor.scope === agreement.venueCode) || (actor.role === 'upt' && actor.scope === agreement.uptCode);
  return actor.role === 'admin' || party
    ? undefined
    : {
        code: 'OUT_OF_SCOPE',
        message: `${actor.role} of ${actor.scope} is not a party to agreement ${agreement.id}`,
        details: { role: actor.role, scope: actor.scope },
      };
};

/** A month closes once it has ended in the venue's time zone. */
export const periodEnded: PeriodCloseRule = ({ agreement, period, current }) =>
  period >= current
    ? {
        code: 'PERIOD_NOT_ENDED',
        message: `${period} has not ended at ${agreement.venueCode} (it is ${current} there)`,
        details: { period, current },
      }
    : undefined;

export const notClosedYet: PeriodCloseRule = ({ period, alreadyClosed }) =>
  alreadyClosed
    ? { code: 'PERIOD_ALREADY_CLOSED', message: `${period} is already closed for this agreement`, details: { period } }
    : undefined;

/** The rules of a month close, in the order they are applied. */
export const PERIOD_CLOSE_RULES: readonly PeriodCloseRule[] = [mayClose, periodEnded, notClosedYet];

export function periodCloseRefusal(candidate: PeriodCloseCandidate): Refusal<PeriodCloseRefusalCode> | undefined {
  return firstRefusal(PERIOD_CLOSE_RULES, candidate);
}
