import { dlqTopic } from '@titipan/contracts';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { DLQ_HEADERS } from './dead-letters';

export interface DeadLetterEntry {
  /** Partition and offset in the dead-letter topic: what an operator names to re-drive it. */
  dlqPartition: number;
  dlqOffset: string;
  originalTopic: string;
  originalPartition: string;
  originalOffset: string;
  consumer: string;
  reason: string;
  error: string;
  failedAt: string;
  eventId?: string;
  eventType?: string;
  message: KafkaMessage;
}

const text = (headers: IHeaders | undefined, name: string) => {
  const value = headers?.[name];
  return value === undefined ? '' : Array.isArray(value) ? String(value[0]) : String(value);
};

/** Reads every dead letter of a topic, from the beginning to the current end, without joining a group. */
export async function listDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetterEntry[]> {
  const dlq = dlqTopic(topic);
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(dlq)).map((o) => [o.partition, BigInt(o.high)]));
  await admin.disconnect();
  const entries: DeadLetterEntry[] = [];
  if ([...ends.values()].every((end) => end === 0n)) return entries;
  const seen = new Map<number, bigint>();
  const consumer = kafka.consumer({
    groupId: `dead-letter-reader-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [dlq], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const h = message.headers;
      entries.push({
        dlqPartition: partition,
        dlqOffset: message.offset,
        originalTopic: text(h, DLQ_HEADERS.topic),
        originalPartition: text(h, DLQ_HEADERS.partition),
        originalOffset: text(h, DLQ_HEADERS.offset),
        consumer: text(h, DLQ_HEADERS.consumer),
        reason: text(h, DLQ_HEADERS.reason),
        error: text(h, DLQ_HEADERS.error),
        failedAt: text(h, DLQ_HEADERS.failedAt),
        eventId: text(h, 'event-id') || undefined,
        eventType: text(h, 'event-type') || undefined,
        message,
      });
      seen.set(partition, BigInt(message.offset) + 1n);
    },
  });
  const deadline = Date.now() + 30_000;
  while ([...ends].some(([p, end]) => (seen.get(p) ?? 0n) < end)) {
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await consumer.disconnect();
  return entries.sort((a, b) => a.dlqPartition - b.dlqPartition || Number(BigInt(a.dlqOffset) - BigInt(b.dlqOffset)));
}

/**
 * Sends chosen dead letters back to their original topic, unchanged but for the dead-letter headers, after
 * the cause was fixed. Consumers that applied the event already skip it (inbox); the one that failed retries.
 */
export async function redriveDeadLetters(kafka: Kafka, entries: DeadLetterEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const e of entries) {
      const headers: IHeaders = Object.fromEntries(Object.entries(e.message.headers ?? {}).filter(([k]) => !k.startsWith('dlq-')));
      await producer.send({
        topic: e.originalTopic,
        acks: -1,
        messages: [
          {
            key: e.message.key,
            value: e.message.value,
            headers: { ...headers, 'redriven-from': `${dlqTopic(e.originalTopic)}/${e.dlqPartition}/${e.dlqOffset}` },
          },
        ],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return entries.length;
}
