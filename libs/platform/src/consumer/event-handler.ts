import type { EventDefinition, EventEnvelope, Stream } from '@titipan/contracts';
import type { Tx } from '../outbox/unit-of-work';

/**
 * A reaction to events, applied exactly once per event: the platform runs it in the same
 * transaction as the inbox insert. Register handler classes with PlatformModule.forService.
 */
export interface EventHandler {
  /** Names the consumer group and the inbox rows; unique within the service, stable forever. */
  readonly name: string;
  readonly streams: readonly Stream[];
  /** The event types it applies; other events on its topics are acknowledged and skipped. */
  readonly events: readonly EventDefinition[];
  handle(event: EventEnvelope<unknown>, tx: Tx): Promise<void>;
  /** Optional set-based version for throughput; by default events are handled one by one, in order. */
  handleBatch?(events: EventEnvelope<unknown>[], tx: Tx): Promise<void>;
}

export const EVENT_HANDLERS = Symbol('EVENT_HANDLERS');
