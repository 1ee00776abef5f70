import type { EventEnvelope } from '@titipan/contracts';

/** The agreement an event is about, if it is about one (venue events are not). */
export function agreementIdOf(event: EventEnvelope<unknown>): string | undefined {
  return (event.data as { agreementId?: string }).agreementId;
}
