import type { Stream } from './topics';
import type { EventEnvelope } from './envelope';

/**
 * Everything the platform needs to know about one event type at one version: where it is published,
 * which class validates its payload, and the partition-key rule that keeps related events in order.
 *
 * Partition-key rule (docs/architecture.md, "Topics and keys"): catalog events are keyed by product id (UPT and Kanwil events by
 * their code); consignment and reporting events that move stock or money are keyed by agreement id, so
 * one agreement's history arrives in order on one partition.
 */
export interface EventDefinition<T extends object = object> {
  type: string;
  version: number;
  stream: Stream;
  payload: new () => T;
  /** The aggregate the event is about (envelope `subject`). */
  subject(data: T): string;
  /**
   * What kind of thing the subject names, as the audit trail calls it (`GET /audit?entity=`); by default the
   * middle of the type (`consignment.dispatch.cancelled` → `dispatch`).
   */
  entity?: string;
  /** The Kafka key. */
  partitionKey(data: T): string;
}

export function defineEvent<T extends object>(definition: EventDefinition<T>): EventDefinition<T> {
  return Object.freeze(definition);
}

/** The kind of thing an event's subject names: the definition's `entity`, else the middle of its type. */
export function entityOf(definition: Pick<EventDefinition, 'type' | 'entity'>): string {
  return definition.entity ?? definition.type.split('.').slice(1, -1).join('.');
}

export function definitionKey(type: string, version: number): string {
  return `${type}@v${version}`;
}

/** Narrows an envelope to one event definition's payload: its type and version both match. */
export function isEvent<T extends object>(event: EventEnvelope<unknown>, definition: EventDefinition<T>): event is EventEnvelope<T> {
  return event.type === definition.type && event.version === definition.version;
}
