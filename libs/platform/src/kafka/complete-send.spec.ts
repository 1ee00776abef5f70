import type { Kafka, ProducerBatch, ProducerConfig, RecordMetadata } from 'kafkajs';
import { missingPartitions, withCompleteSends } from './complete-send';

/** A client whose producer partitions like kafkajs (through the configured partitioner) and answers for `answers` only. */
function fakeKafka(answers: (partitions: number[]) => number[]): Kafka {
  return {
    producer: (config: ProducerConfig) => {
      const partitioner = config.createPartitioner!();
      const partitionMetadata = [0, 1, 2].map((partitionId) => ({
        partitionId,
        leader: 1,
        replicas: [1],
        isr: [1],
        partitionErrorCode: 0,
      }));
      return {
        sendBatch: async (batch: ProducerBatch): Promise<RecordMetadata[]> =>
          (batch.topicMessages ?? []).flatMap(({ topic, messages }) => {
            const partitions = [
              ...new Set(messages.map((message) => message.partition ?? partitioner({ topic, partitionMetadata, message }))),
            ];
            return answers(partitions).map((partition) => ({ topicName: topic, partition, errorCode: 0, baseOffset: '0' }));
          }),
      };
    },
  } as unknown as Kafka;
}

const messages = Array.from({ length: 30 }, (_, i) => ({ key: `k-${i}`, value: 'v' }));

describe('sends the brokers acknowledged completely', () => {
  it('names the partitions an answer left out', () => {
    const wanted = new Map([['t', new Set([0, 1, 2])]]);
    expect(missingPartitions(wanted, [{ topicName: 't', partition: 1, errorCode: 0 }])).toEqual(['t/0', 't/2']);
    expect(
      missingPartitions(
        wanted,
        [0, 1, 2].map((partition) => ({ topicName: 't', partition, errorCode: 0 })),
      ),
    ).toEqual([]);
  });

  it('resolves a complete send, and fails (retriably) one whose answer lacks a partition it wrote to', async () => {
    const complete = withCompleteSends(fakeKafka((partitions) => partitions)).producer();
    await expect(complete.send({ topic: 't', messages })).resolves.toHaveLength(3);

    const lossy = withCompleteSends(fakeKafka((partitions) => partitions.slice(1))).producer();
    const error = await lossy.send({ topic: 't', messages }).catch((e: Error & { retriable?: boolean }) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/did not acknowledge t\/\d/);
    expect((error as { retriable?: boolean }).retriable).toBe(true);

    // explicit partitions count too; fire-and-forget sends (acks 0) have no answer to check
    await expect(lossy.send({ topic: 't', messages: [{ value: 'a', partition: 2 }] })).rejects.toThrow(/t\/2/);
    await expect(lossy.sendBatch({ acks: 0, topicMessages: [{ topic: 't', messages }] })).resolves.toBeDefined();
  });
});
