import type { EntityManager } from 'typeorm';

export interface InboxEntry {
  eventId: string;
  eventType: string;
  topic: string;
  partition: number;
  offset: string;
}

const INBOX = 'inbox';

/** The only code that knows the inbox table: which events each consumer has already applied. */
export class InboxStore {
  /**
   * Records the events in the caller's transaction and returns the ids that were new. An id already
   * present for this consumer is a duplicate delivery and must not be applied again. `table` is the
   * inbox itself, or a replay's own inbox of the same shape (reporting's replay creates and drops it).
   */
  async claim(manager: EntityManager, consumer: string, entries: InboxEntry[], table: string = INBOX): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO ${table} (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[])
       ON CONFLICT (consumer, event_id) DO NOTHING
       RETURNING event_id`,
      [
        consumer,
        entries.map((e) => e.eventId),
        entries.map((e) => e.eventType),
        entries.map((e) => e.topic),
        entries.map((e) => e.partition),
        entries.map((e) => e.offset),
      ],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  /**
   * Adds the rows of a replay's own inbox (a replay rebuilds a consumer's state elsewhere and claims into it) to
   * the inbox when the rebuilt state takes over; rows the live consumer already wrote stay.
   */
  async mergeReplayInbox(manager: EntityManager, table: string): Promise<void> {
    await manager.query(
      `INSERT INTO ${INBOX} (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
       SELECT consumer, event_id, event_type, topic, kafka_partition, kafka_offset FROM ${table} ON CONFLICT DO NOTHING`,
    );
  }

  /**
   * Holds every consumer of the service at a commit boundary until the caller's transaction ends: each
   * consumer's transaction writes the inbox, so none commits meanwhile.
   */
  async holdConsumers(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE ${INBOX} IN SHARE ROW EXCLUSIVE MODE`);
  }
}
