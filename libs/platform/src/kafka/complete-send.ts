import { AsyncLocalStorage } from 'node:async_hooks';
import {
  KafkaJSError,
  Partitioners,
  type Kafka,
  type Producer,
  type ProducerBatch,
  type ProducerConfig,
  type RecordMetadata,
} from 'kafkajs';

/** The partitions one send() call chose, per topic (filled by the partitioner, which runs inside the call). */
const chosen = new AsyncLocalStorage<Map<string, Set<number>>>();

const record = (topic: string, partition: number) => {
  const partitions = chosen.getStore();
  if (!partitions) return;
  partitions.set(topic, (partitions.get(topic) ?? new Set()).add(partition));
};

/**
 * A send that answered without some partition it was to write, as "topic/partition" (empty: complete).
 *
 * kafkajs 2.2.4 loses writes when a partition's leader dies during a send(): it retries only towards brokers that
 * have not answered yet, so a partition whose new leader is a broker that already answered (for other
 * partitions of the same call) is never sent, and send() resolves as if it had been (sendMessages.js,
 * `brokersWithoutResponse`). Found by the three-broker test (docs/decisions/0025): an answer lists every
 * partition written, so a missing one shows the loss.
 */
export function missingPartitions(wanted: Map<string, Set<number>>, answered: RecordMetadata[]): string[] {
  const got = new Set(answered.map((m) => `${m.topicName}/${m.partition}`));
  return [...wanted].flatMap(([topic, partitions]) => [...partitions].map((p) => `${topic}/${p}`).filter((tp) => !got.has(tp)));
}

/**
 * The client's producers, each send checked for completeness (missingPartitions): an incomplete one fails with a
 * retriable error instead of resolving, so the caller (the relay, a dead-letter write, a re-drive) sends again;
 * what did arrive twice is a duplicate, which the consumers' inbox skips.
 */
export function withCompleteSends(kafka: Kafka): Kafka {
  const producer = kafka.producer.bind(kafka);
  kafka.producer = (config: ProducerConfig = {}): Producer => {
    const createPartitioner = config.createPartitioner ?? Partitioners.DefaultPartitioner;
    const inner = producer({
      ...config,
      createPartitioner: () => {
        const partitioner = createPartitioner();
        return (args) => {
          const partition = partitioner(args);
          record(args.topic, partition);
          return partition;
        };
      },
    });
    const checked = async (batch: ProducerBatch): Promise<RecordMetadata[]> => {
      const wanted = new Map<string, Set<number>>();
      return chosen.run(wanted, async () => {
        for (const { topic, messages } of batch.topicMessages ?? [])
          for (const m of messages) if (m.partition !== undefined && m.partition !== null) record(topic, m.partition);
        const answered = await inner.sendBatch(batch);
        if (batch.acks === 0) return answered;
        const missing = missingPartitions(wanted, answered);
        if (missing.length > 0)
          throw new KafkaJSError(`the broker did not acknowledge ${missing.join(', ')} (a leader changed during the send); send again`, {
            retriable: true,
          });
        return answered;
      });
    };
    return Object.assign(Object.create(inner) as Producer, {
      sendBatch: checked,
      send: ({ topic, messages, ...rest }: Parameters<Producer['send']>[0]) => checked({ ...rest, topicMessages: [{ topic, messages }] }),
    });
  };
  return kafka;
}
