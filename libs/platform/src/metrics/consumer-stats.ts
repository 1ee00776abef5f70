import type { EventTransport } from '../consumer/event-transport';

/** What the metrics read of each consumer group of the service. */
export interface ConsumerGroupStats {
  group: string;
  topics: string[];
  /** Events applied, duplicate deliveries the inbox absorbed, and events dead-lettered, since the process started. */
  applied: number;
  duplicates: number;
  deadLettered: number;
}

/** The consumers' counters, whatever runs the consumers: provided under CONSUMER_STATS. */
export interface ConsumerStats {
  groups(): ConsumerGroupStats[];
}

export const CONSUMER_STATS = Symbol('CONSUMER_STATS');

/** ConsumerStats of the event transport (one EventConsumer per listener class, each its own group). */
export function eventTransportStats(transport: EventTransport): ConsumerStats {
  return {
    groups: () =>
      transport.groupStatuses().map((c) => ({
        group: c.groupId,
        topics: c.topics,
        applied: c.counters.applied,
        duplicates: c.counters.duplicates,
        deadLettered: c.counters.deadLettered,
      })),
  };
}
