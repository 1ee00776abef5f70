import { allTopics } from '@titipan/contracts';
import type { Admin, Kafka } from 'kafkajs';

export interface TopicPlan {
  prefix?: string;
  partitions?: number;
  /** How long to keep retrying a broker that is still starting (default 60 s). */
  timeoutMs?: number;
}

/**
 * Broker answers that mean "not yet" while a broker or a new topic is still settling: the metadata of a
 * topic created a moment ago, a partition whose leader is not elected yet, a controller that moved.
 */
const SETTLING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_CONTROLLER', 'NOT_LEADER_FOR_PARTITION']);

/**
 * The broker error type that makes a provisioning attempt worth repeating, or undefined when it is not.
 * kafkajs wraps the broker's answer (retries exceeded, an aggregate of per-topic errors), so the cause chain
 * is searched; an aggregate is repeatable when each of its errors is either settling or "already exists".
 */
export function settlingErrorType(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const visit = (e: unknown): string | undefined => {
    if (!e || typeof e !== 'object' || seen.has(e)) return undefined;
    seen.add(e);
    const { type, errors, cause, originalError } = e as { type?: unknown; errors?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof type === 'string' && SETTLING.has(type)) return type;
    if (Array.isArray(errors) && errors.length > 0) {
      const types = errors.map((inner) =>
        (inner as { type?: unknown })?.type === 'TOPIC_ALREADY_EXISTS' ? 'TOPIC_ALREADY_EXISTS' : visit(inner),
      );
      if (types.every((t) => t !== undefined)) return types.find((t) => t !== 'TOPIC_ALREADY_EXISTS') ?? 'TOPIC_ALREADY_EXISTS';
      return undefined;
    }
    return visit(cause) ?? visit(originalError);
  };
  return visit(error);
}

/** Wait before attempt n+1: 100 ms doubling, at most 2 s. */
export function provisioningBackoffMs(attempt: number): number {
  return Math.min(2_000, 100 * 2 ** Math.max(0, attempt - 1));
}

/** The partitions of the wanted topics that have no leader yet, as `topic/partition` (a missing topic is `topic/*`). */
async function partitionsWithoutLeader(admin: Admin, topics: string[]): Promise<string[]> {
  const metadata = await admin.fetchTopicMetadata({ topics });
  const byName = new Map(metadata.topics.map((t) => [t.name, t.partitions]));
  return topics.flatMap((topic) => {
    const partitions = byName.get(topic);
    if (!partitions || partitions.length === 0) return [`${topic}/*`];
    return partitions.filter((p) => p.partitionErrorCode !== 0 || p.leader < 0).map((p) => `${topic}/${p.partitionId}`);
  });
}

/**
 * Creates the three stream topics and their dead-letter topics with unlimited retention, and returns only
 * once a metadata read shows a leader for every partition of every one of them. A broker that has just
 * started answers "unknown topic", "no leader" or "not controller" for a while: those are retried with
 * bounded backoff until `timeoutMs`. Existing topics are left as they are, so running it again is harmless.
 */
export async function provisionTopics(kafka: Kafka, plan: TopicPlan = {}): Promise<string[]> {
  const wanted = allTopics(plan.prefix ?? '');
  const deadline = Date.now() + (plan.timeoutMs ?? 60_000);
  const created = new Set<string>();
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      let waitingFor: string;
      try {
        const existing = new Set(await admin.listTopics());
        const missing = wanted.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          await admin.createTopics({
            waitForLeaders: false, // kafkajs gives up on the first "unknown topic"; leaders are awaited below
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
          missing.forEach((t) => created.add(t));
        }
        const leaderless = await partitionsWithoutLeader(admin, wanted);
        if (leaderless.length === 0) return [...created];
        waitingFor = `no leader yet for ${leaderless.slice(0, 5).join(', ')}${leaderless.length > 5 ? ` and ${leaderless.length - 5} more` : ''}`;
      } catch (error) {
        const type = settlingErrorType(error);
        if (!type) throw error;
        waitingFor = `broker answered ${type}`;
      }
      const pause = provisioningBackoffMs(attempt);
      if (Date.now() + pause > deadline) {
        throw new Error(`Kafka topics not ready after ${attempt} attempts (${plan.timeoutMs ?? 60_000} ms): ${waitingFor}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
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
