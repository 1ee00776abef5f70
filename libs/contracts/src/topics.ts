/** One topic per service stream; dead letters go to `<topic>.dlq`. */
export const STREAMS = ['catalog', 'consignment', 'reporting'] as const;
export type Stream = (typeof STREAMS)[number];

export const TOPICS: Record<Stream, string> = {
  catalog: 'catalog.events',
  consignment: 'consignment.events',
  reporting: 'reporting.events',
};

export const DLQ_SUFFIX = '.dlq';

export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/**
 * The physical topic name. A prefix lets test runs and parallel environments share one broker
 * without seeing each other's events; production uses no prefix.
 */
export function topicName(stream: Stream, prefix = ''): string {
  return `${prefix}${TOPICS[stream]}`;
}

/** Every topic the project provisions: the three streams and their dead-letter topics. */
export function allTopics(prefix = ''): string[] {
  return STREAMS.flatMap((s) => [topicName(s, prefix), dlqTopic(topicName(s, prefix))]);
}
