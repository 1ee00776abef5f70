import { newId } from '@titipan/kernel';
import type { Actor } from './actor';
import type { EventEnvelope } from './envelope';
import type { EventDefinition } from './event-definition';

export interface EventContext {
  /** The service that emits the event (envelope `source`). */
  source: string;
  actor: Actor;
  correlationId: string;
  /** The event that caused this one, when a consumer reacts to another event. */
  causationId?: string | null;
  /** Defaults to now; given explicitly by tests and by imports of historical data. */
  time?: Date;
}

/** Formats a time as ISO-8601 with an explicit offset (UTC: +00:00), as the envelope requires. */
export function isoWithOffset(time: Date): string {
  return time.toISOString().replace('Z', '+00:00');
}

/** Stamps a payload into a complete envelope: id (UUIDv7), time, source, correlation and causation, actor. */
export function buildEvent<T extends object>(definition: EventDefinition<T>, data: T, context: EventContext): EventEnvelope<T> {
  return {
    id: newId(),
    type: definition.type,
    version: definition.version,
    source: context.source,
    subject: definition.subject(data),
    partitionKey: definition.partitionKey(data),
    time: isoWithOffset(context.time ?? new Date()),
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    actor: context.actor,
    data,
  };
}
