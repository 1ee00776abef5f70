import type { Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages on the partition that the group has not committed yet. */
  lag: number;
}

/** The group's lag on each partition of the topics (an uncommitted partition counts from its low watermark). */
export async function consumerLagByPartition(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  const result: PartitionLag[] = [];
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of ends) {
      const at = mine.find((p) => p.partition === end.partition)?.offset ?? '-1';
      const from = at === '-1' ? BigInt(end.low) : BigInt(at);
      result.push({ topic, partition: end.partition, lag: Number(BigInt(end.high) - from) });
    }
  }
  return result;
}

/** Messages on the topics that the group has not committed yet, summed over partitions. */
export async function consumerLag(admin: Admin, groupId: string, topics: string[]): Promise<number> {
  return (await consumerLagByPartition(admin, groupId, topics)).reduce((sum, p) => sum + p.lag, 0);
}
