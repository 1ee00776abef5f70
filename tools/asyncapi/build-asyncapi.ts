import {
  ALL_EVENTS,
  allTopics,
  contractSchemas,
  dlqTopic,
  EVENT_HEADERS,
  STREAMS,
  topicName,
  type EventDefinition,
  type Stream,
} from '@titipan/contracts';

/** Which service publishes each stream, and which services consume it (with the consumer group names they use). */
const PUBLISHER: Record<Stream, string> = { catalog: 'catalog', consignment: 'consignment', reporting: 'reporting' };
const CONSUMERS: Record<Stream, string[]> = {
  catalog: ['consignment', 'reporting'],
  consignment: ['reporting'],
  reporting: ['consignment'],
};

const KEY_RULE: Record<Stream, string> = {
  catalog: 'product id (Kanwil and UPT events: their code)',
  consignment: 'agreement id for everything that moves stock or money (venue events: venue code)',
  reporting: 'agreement id',
};

const messageId = (d: EventDefinition<any>) => `${d.type}.v${d.version}`;
const channelId = (topic: string) => topic.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * The AsyncAPI 3 document of every topic and event type, generated from libs/contracts: the payload
 * schemas are the ones consumers compile to validate what they read (contractSchemas).
 */
export function buildAsyncApi(): Record<string, unknown> {
  // the same schemas consumers compile with ajv (libs/contracts/src/event-schemas.ts)
  const schemas = contractSchemas('#/components/schemas/');
  const messages: Record<string, unknown> = {};
  for (const d of ALL_EVENTS) {
    messages[messageId(d)] = {
      name: d.type,
      title: `${d.type} v${d.version}`,
      summary: `${d.payload.name}, published on ${topicName(d.stream)}`,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          [EVENT_HEADERS.id]: { type: 'string', format: 'uuid' },
          [EVENT_HEADERS.type]: { type: 'string', const: d.type },
          [EVENT_HEADERS.version]: { type: 'string', const: String(d.version) },
          'correlation-id': { type: 'string' },
        },
      },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/EnvelopeShape' },
          {
            type: 'object',
            properties: {
              type: { const: d.type },
              version: { const: d.version },
              data: { $ref: `#/components/schemas/${d.payload.name}` },
            },
          },
        ],
      },
      bindings: { kafka: { key: { type: 'string', description: `partition key: ${KEY_RULE[d.stream]}` }, bindingVersion: '0.5.0' } },
    };
  }
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const stream of STREAMS) {
    const topic = topicName(stream);
    const refs = ALL_EVENTS.filter((d) => d.stream === stream).map((d) => ({ $ref: `#/components/messages/${messageId(d)}` }));
    const messageMap = Object.fromEntries(
      ALL_EVENTS.filter((d) => d.stream === stream).map((d) => [messageId(d), { $ref: `#/components/messages/${messageId(d)}` }]),
    );
    channels[channelId(topic)] = {
      address: topic,
      description: `Events of the ${stream} service; unlimited retention, so read models can be rebuilt by replay.`,
      messages: messageMap,
    };
    channels[channelId(dlqTopic(topic))] = {
      address: dlqTopic(topic),
      description: `Dead letters of ${topic}: the original message with headers dlq-original-topic, dlq-original-partition, dlq-original-offset, dlq-consumer, dlq-reason and dlq-error.`,
      messages: messageMap,
    };
    const channelRef = { $ref: `#/channels/${channelId(topic)}` };
    operations[`${PUBLISHER[stream]}Publishes${stream[0].toUpperCase()}${stream.slice(1)}Events`] = {
      action: 'send',
      channel: channelRef,
      summary: `${PUBLISHER[stream]} publishes through its transactional outbox`,
      messages: refs.map((r) => ({ $ref: `#/channels/${channelId(topic)}/messages/${r.$ref.split('/').pop()}` })),
    };
    for (const consumer of CONSUMERS[stream]) {
      operations[`${consumer}Consumes${stream[0].toUpperCase()}${stream.slice(1)}Events`] = {
        action: 'receive',
        channel: channelRef,
        summary: `${consumer} applies these events once each (inbox), dead-lettering what it cannot apply`,
        messages: refs.map((r) => ({ $ref: `#/channels/${channelId(topic)}/messages/${r.$ref.split('/').pop()}` })),
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Titipan events',
      version: '1.0.0',
      description: `Every topic and event type of Titipan, generated from libs/contracts (npm run asyncapi). Topics: ${allTopics().join(', ')}.`,
    },
    defaultContentType: 'application/json',
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The local broker of npm start' } },
    channels,
    operations,
    components: { messages, schemas },
  };
}
