import type { EventDefinition, EventEnvelope } from '@titipan/contracts';

/** Narrows an event to the payload type of its definition (consumers receive only validated payloads). */
export function isEvent<T extends object>(definition: EventDefinition<T>, event: EventEnvelope<unknown>): event is EventEnvelope<T> {
  return event.type === definition.type;
}

/** The agreement an event is about, if it is about one (venue events are not). */
export function agreementIdOf(event: EventEnvelope<unknown>): string | undefined {
  return (event.data as { agreementId?: string }).agreementId;
}
