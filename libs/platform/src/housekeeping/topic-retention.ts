import { ConfigResourceTypes, type Admin } from 'kafkajs';

/**
 * How long the broker may still hold (and so redeliver) a record of the topic, in ms, or null when it keeps
 * records forever (retention.ms -1). The broker deletes whole segments, and a segment is rolled only after
 * segment.ms, so a record can outlive retention.ms by up to segment.ms: both count.
 */
export async function redeliveryWindowMs(admin: Admin, topic: string): Promise<number | null> {
  const answer = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms', 'segment.ms'] }],
  });
  const entries = answer.resources[0]?.configEntries ?? [];
  const value = (name: string) => Number(entries.find((e) => e.configName === name)?.configValue);
  const retention = value('retention.ms');
  const segment = value('segment.ms');
  if (!Number.isFinite(retention) || retention < 0) return null;
  return retention + (Number.isFinite(segment) && segment > 0 ? segment : 0);
}
