import type { Admin } from 'kafkajs';

/** Messages on the topics that the group has not committed yet, summed over partitions. */
export async function consumerLag(admin: Admin, groupId: string, topics: string[]): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  let lag = 0;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of ends) {
      const at = mine.find((p) => p.partition === end.partition)?.offset ?? '-1';
      const from = at === '-1' ? BigInt(end.low) : BigInt(at);
      lag += Number(BigInt(end.high) - from);
    }
  }
  return lag;
}
