import { dlqTopic, STREAMS, topicName, type Stream } from '@titipan/contracts';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type Admin, type AclEntry } from 'kafkajs';
import { SERVICES, type ServiceName } from '../database/service-identity';

/**
 * The broker's principals (docs/decisions/0024): admin (the super-user that provisions topics and rights), one
 * per service, and tools (dead-letter re-drive). Each has a SCRAM-SHA-512 credential made when the broker's
 * storage is formatted (infra/kafka/kafka.sh).
 */
export const KAFKA_PRINCIPALS = ['admin', ...SERVICES, 'tools'] as const;
export type KafkaPrincipal = (typeof KAFKA_PRINCIPALS)[number];

/** The streams each service's consumer groups read: the `streams` of its listeners. */
export const CONSUMED_STREAMS: Record<ServiceName, readonly Stream[]> = {
  catalog: [],
  consignment: ['catalog', 'reporting'],
  reporting: ['catalog', 'consignment'],
  notification: ['catalog', 'consignment', 'reporting'],
};

/** The stream a service publishes (through its outbox); notification publishes none. */
export const OWN_STREAM: Record<ServiceName, Stream | null> = {
  catalog: 'catalog',
  consignment: 'consignment',
  reporting: 'reporting',
  notification: null,
};

/** Consumer groups of the dead-letter tool (libs/platform/src/consumer/dead-letter-tool.ts): one-off names, not per prefix. */
export const DEAD_LETTER_READER_GROUPS = 'dead-letter-reader-';

/** One right: a principal may read or write a topic, or use (read) the consumer groups named or prefixed so. */
export interface TopicRight {
  principal: KafkaPrincipal;
  resource: 'topic' | 'group';
  /** literal: exactly this name; prefixed: every name that starts with it. */
  pattern: 'literal' | 'prefixed';
  name: string;
  operation: 'read' | 'write';
}

/**
 * Every right of every principal for the topics of one prefix (the topic prefix in use: '' in production, a
 * per-run one in tests). A service writes its own topic (if it has one) and the dead-letter topics of the topics it consumes
 * (its consumers dead-letter there), reads the topics it consumes, and uses only the consumer groups named
 * `<prefix><service>.`; tools read the dead letters and write re-driven ones back to their original topic.
 * Nothing else: with allow.everyone.if.no.acl.found=false, what is not listed is refused.
 */
export function topicRights(prefix: string): TopicRight[] {
  const topic = (principal: KafkaPrincipal, name: string, operation: TopicRight['operation']): TopicRight => ({
    principal,
    resource: 'topic',
    pattern: 'literal',
    name,
    operation,
  });
  const services = SERVICES.flatMap((service): TopicRight[] => {
    const own = OWN_STREAM[service];
    return [
      ...(own ? [topic(service, topicName(own, prefix), 'write')] : []),
      ...CONSUMED_STREAMS[service].flatMap((stream) => [
        topic(service, topicName(stream, prefix), 'read'),
        topic(service, dlqTopic(topicName(stream, prefix)), 'write'),
      ]),
      { principal: service, resource: 'group', pattern: 'prefixed', name: `${prefix}${service}.`, operation: 'read' },
    ];
  });
  const tools = STREAMS.flatMap((stream) => [
    topic('tools', dlqTopic(topicName(stream, prefix)), 'read'),
    topic('tools', topicName(stream, prefix), 'write'),
  ]);
  return [
    ...services,
    ...tools,
    { principal: 'tools', resource: 'group', pattern: 'prefixed', name: DEAD_LETTER_READER_GROUPS, operation: 'read' },
  ];
}

function aclEntry(right: TopicRight): AclEntry {
  return {
    resourceType: right.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: right.name,
    resourcePatternType: right.pattern === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
    principal: `User:${right.principal}`,
    host: '*',
    operation: right.operation === 'read' ? AclOperationTypes.READ : AclOperationTypes.WRITE,
    permissionType: AclPermissionTypes.ALLOW,
  };
}

const aclKey = (e: { resourceType: number; resourceName: string; resourcePatternType: number; principal: string; operation: number }) =>
  `${e.resourceType}|${e.resourcePatternType}|${e.resourceName}|${e.principal}|${e.operation}`;

/**
 * Grants the rights of one prefix (as the admin principal; granting again changes nothing), and returns once the
 * broker answers with all of them: the controller commits ACLs before the brokers apply them, and a client that
 * starts right after provisioning must not meet a broker that does not know its rights yet.
 */
export async function grantTopicRights(admin: Admin, prefix: string, timeoutMs = 30_000): Promise<number> {
  const acl = topicRights(prefix).map(aclEntry);
  await admin.createAcls({ acl });
  const wanted = new Set(acl.map(aclKey));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ALLOW,
    });
    const present = new Set(resources.flatMap((r) => r.acls.map((a) => aclKey({ ...r, ...a }))));
    const missing = [...wanted].filter((k) => !present.has(k));
    if (missing.length === 0) return acl.length;
    if (Date.now() > deadline) throw new Error(`Kafka ACLs not in effect after ${timeoutMs} ms: ${missing.slice(0, 3).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Takes back the rights of one prefix. Only a non-empty prefix's: the production rights are never removed by a clean-up.
 * The dead-letter readers' group right is shared by every prefix and stays.
 */
export async function revokeTopicRights(admin: Admin, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to revoke the unprefixed topic rights');
  const filters = topicRights(prefix)
    .filter((right) => right.name.startsWith(prefix))
    .map((right) => ({ ...aclEntry(right), operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY }));
  await admin.deleteAcls({ filters });
}
