import { allTopics } from '@titipan/contracts';
import type { Kafka } from 'kafkajs';

export interface TopicPlan {
  prefix?: string;
  partitions?: number;
}

/**
 * Creates the three stream topics and their dead-letter topics with unlimited retention.
 * Existing topics are left as they are, so running it again is harmless.
 */
export async function provisionTopics(kafka: Kafka, plan: TopicPlan = {}): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = allTopics(plan.prefix ?? '');
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: plan.partitions ?? 6,
          replicationFactor: 1,
          configEntries: [
            { name: 'retention.ms', value: '-1' },
            { name: 'retention.bytes', value: '-1' },
          ],
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(kafka: Kafka, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to delete unprefixed topics');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}
