import { allTopics } from '@titipan/contracts';
import type { Admin, Kafka } from 'kafkajs';
import { grantTopicRights, revokeTopicRights } from './topic-rights';

export interface TopicPlan {
  prefix?: string;
  partitions?: number;
  /** Copies of each partition: 1 on the single-node default, 3 on the cluster (docs/decisions/0025). */
  replicationFactor?: number;
  /** Copies that must have a write before it is acknowledged (producers send acks=all): 1 single-node, 2 on the cluster. */
  minInsyncReplicas?: number;
  /** Also grant the principals their rights on these topics (default true; needs the admin principal). */
  grantRights?: boolean;
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
 * Settings of every topic. Retention is unlimited (time and size) and nothing is compacted: statements and
 * replay read consignment.events from its first event, and a compacted topic would keep only the last event
 * of each key (docs/decisions/0025). The same holds for the other streams (replicas rebuild from them) and the
 * dead letters (an operator re-drives them).
 */
export function topicConfig(minInsyncReplicas: number): { name: string; value: string }[] {
  return [
    { name: 'retention.ms', value: '-1' },
    { name: 'retention.bytes', value: '-1' },
    { name: 'cleanup.policy', value: 'delete' },
    { name: 'min.insync.replicas', value: String(minInsyncReplicas) },
  ];
}

/**
 * Creates the three stream topics and their dead-letter topics with unlimited retention and the configured
 * replication, grants each principal its rights on them (topic-rights.ts: whoever provisions a prefix's
 * topics, as admin, grants that prefix's rights), and returns only
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
              replicationFactor: plan.replicationFactor ?? 1,
              configEntries: topicConfig(plan.minInsyncReplicas ?? 1),
            })),
          });
          missing.forEach((t) => created.add(t));
        }
        const leaderless = await partitionsWithoutLeader(admin, wanted);
        if (leaderless.length === 0) {
          if (plan.grantRights !== false) await grantTopicRights(admin, plan.prefix ?? '');
          return [...created];
        }
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

/** Deletes the topics of a prefix and takes back the rights granted on them. */
export async function deleteTopics(kafka: Kafka, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to delete unprefixed topics');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 });
    await revokeTopicRights(admin, prefix);
  } finally {
    await admin.disconnect();
  }
}
