import type { EntityManager } from 'typeorm';

export interface InboxEntry {
  eventId: string;
  eventType: string;
  topic: string;
  partition: number;
  offset: string;
}

/** The only code that knows the inbox table: which events each consumer has already applied. */
export class InboxStore {
  /**
   * Records the events in the caller's transaction and returns the ids that were new. An id already
   * present for this consumer is a duplicate delivery and must not be applied again.
   */
  async claim(manager: EntityManager, consumer: string, entries: InboxEntry[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
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
}
