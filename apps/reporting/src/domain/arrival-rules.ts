import { isEvent, AgreementActivated, type EventEnvelope } from '@titipan/contracts';
import { firstRefusal, type Refusal, type Rule } from '@titipan/kernel';
import { agreementIdOf } from './events';

/** Why reporting refuses an event from consignment.events (the transport dead-letters it with this reason). */
export type ArrivalRefusalCode = 'AGREEMENT_NOT_ACTIVATED';

/** Event types that move money for an agreement: reporting applies them only for an agreement it saw activated. */
const NEEDS_ACTIVATED_AGREEMENT = new Set(['consignment.sales.recorded', 'consignment.sale.reversed', 'consignment.period.closed']);

/** An event as it arrives, with whether reporting has seen its agreement activated (stored, or earlier in the same batch). */
export interface ArrivingEvent {
  id: string;
  type: string;
  agreementId: string | undefined;
  agreementActivated: boolean;
}

type ArrivalRule = Rule<ArrivingEvent, ArrivalRefusalCode>;

/**
 * Sales and period closes only for an agreement reporting saw activated: a forged close for an agreement consignment
 * never made must not become a statement (issue 17's defense in depth; the broker's ACLs are the first line).
 */
export const agreementWasActivated: ArrivalRule = ({ id, type, agreementId, agreementActivated }) =>
  !NEEDS_ACTIVATED_AGREEMENT.has(type) || agreementActivated
    ? undefined
    : {
        code: 'AGREEMENT_NOT_ACTIVATED',
        message: `${type} ${id} names agreement ${agreementId ?? '(none)'}, which reporting has never seen activated`,
        details: { eventId: id, type, agreementId: agreementId ?? null },
      };

/** The rules an arriving event must pass before reporting applies it, in order. */
export const ARRIVAL_RULES: readonly ArrivalRule[] = [agreementWasActivated];

export function arrivalRefusal(event: ArrivingEvent): Refusal<ArrivalRefusalCode> | undefined {
  return firstRefusal(ARRIVAL_RULES, event);
}

/** The events of a batch the arrival rules refuse; an agreement activated earlier in the batch counts as seen. */
export function refusedArrivals(
  events: EventEnvelope<unknown>[],
  stored: (agreementId: string) => boolean,
): { eventId: string; code: ArrivalRefusalCode; message: string; details: Record<string, unknown> }[] {
  const activated = new Set<string>();
  const refused: { eventId: string; code: ArrivalRefusalCode; message: string; details: Record<string, unknown> }[] = [];
  for (const e of events) {
    if (isEvent(e, AgreementActivated)) activated.add(e.data.agreementId);
    const agreementId = agreementIdOf(e);
    const refusal = arrivalRefusal({
      id: e.id,
      type: e.type,
      agreementId,
      agreementActivated: agreementId !== undefined && (activated.has(agreementId) || stored(agreementId)),
    });
    if (refusal) refused.push({ eventId: e.id, code: refusal.code, message: refusal.message, details: refusal.details ?? {} });
  }
  return refused;
}
