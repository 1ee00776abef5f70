import { firstRefusal, localDate, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import { eventPeriod, parsePeriod, periodEnd, type Actor } from '@titipan/contracts';
import type { Agreement } from '../../agreement/domain/agreement';

/** Every reason a period close is refused. */
export type PeriodCloseRefusalCode = 'OUT_OF_SCOPE' | 'PERIOD_NOT_OF_AGREEMENT' | 'PERIOD_NOT_ENDED' | 'PERIOD_ALREADY_CLOSED';

export const PERIOD_CLOSE_REFUSAL_KIND: Record<PeriodCloseRefusalCode, ErrorKind> = {
  OUT_OF_SCOPE: 'forbidden',
  PERIOD_NOT_OF_AGREEMENT: 'rule',
  PERIOD_NOT_ENDED: 'rule',
  PERIOD_ALREADY_CLOSED: 'conflict',
};

/** A request to close a period (a month YYYY-MM, or an event period YYYY-MM-DD..YYYY-MM-DD) of an agreement. */
export interface PeriodCloseCandidate {
  actor: Pick<Actor, 'role' | 'scope'>;
  agreement: Pick<Agreement, 'id' | 'venueCode' | 'uptCode' | 'timeZone' | 'eventPeriod'>;
  /** A well-formed period string (the service answers a malformed one with 400 first). */
  period: string;
  now: Date;
  alreadyClosed: boolean;
}

type PeriodCloseRule = Rule<PeriodCloseCandidate, PeriodCloseRefusalCode>;

/** Who may close an agreement's period: its venue, its UPT, an admin, or the system (the automatic close of an event). */
export const mayClose: PeriodCloseRule = ({ actor, agreement }) => {
  const party =
    (actor.role === 'venue' && actor.scope === agreement.venueCode) || (actor.role === 'upt' && actor.scope === agreement.uptCode);
  return actor.role === 'admin' || actor.role === 'system' || party
    ? undefined
    : {
        code: 'OUT_OF_SCOPE',
        message: `${actor.role} of ${actor.scope} is not a party to agreement ${agreement.id}`,
        details: { role: actor.role, scope: actor.scope },
      };
};

/** An exhibition's agreement settles its event period and no month; every other agreement settles months. */
export const periodOfAgreement: PeriodCloseRule = ({ agreement, period }) => {
  const event = agreement.eventPeriod;
  const kind = parsePeriod(period).kind;
  if (event ? period === eventPeriod(event) : kind === 'month') return undefined;
  return {
    code: 'PERIOD_NOT_OF_AGREEMENT',
    message: event
      ? `agreement ${agreement.id} settles the event period ${eventPeriod(event)}, not ${period}`
      : `agreement ${agreement.id} settles calendar months (YYYY-MM), not ${period}`,
    details: { period, settles: event ? eventPeriod(event) : 'MONTHLY' },
  };
};

/** A period closes once it has ended in the venue's time zone: a month after its last day, an event after its last day. */
export const periodEnded: PeriodCloseRule = ({ agreement, period, now }) => {
  const endsAt = periodEnd(period, agreement.timeZone);
  return now.getTime() < endsAt.getTime()
    ? {
        code: 'PERIOD_NOT_ENDED',
        message: `${period} has not ended at ${agreement.venueCode} (it is ${localDate(now, agreement.timeZone)} there)`,
        details: { period, today: localDate(now, agreement.timeZone), endsAt: endsAt.toISOString() },
      }
    : undefined;
};

export const notClosedYet: PeriodCloseRule = ({ period, alreadyClosed }) =>
  alreadyClosed
    ? { code: 'PERIOD_ALREADY_CLOSED', message: `${period} is already closed for this agreement`, details: { period } }
    : undefined;

/** The rules of a period close, in the order they are applied. */
export const PERIOD_CLOSE_RULES: readonly PeriodCloseRule[] = [mayClose, periodOfAgreement, periodEnded, notClosedYet];

export function periodCloseRefusal(candidate: PeriodCloseCandidate): Refusal<PeriodCloseRefusalCode> | undefined {
  return firstRefusal(PERIOD_CLOSE_RULES, candidate);
}
