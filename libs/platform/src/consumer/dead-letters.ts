import { dlqTopic } from '@titipan/contracts';
import type { KafkaMessage, Producer } from 'kafkajs';

/** Headers a dead letter carries, so an operator can find the original and re-drive it. */
export const DLQ_HEADERS = {
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  consumer: 'dlq-consumer',
  error: 'dlq-error',
  reason: 'dlq-reason',
  failedAt: 'dlq-failed-at',
} as const;

export type DeadLetterReason = 'invalid' | 'handler-failed';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumer: string;
  reason: DeadLetterReason;
  error: string;
}

/** Sends a message that cannot be applied to `<topic>.dlq`, unchanged, with where it came from and why. */
export async function sendDeadLetter(producer: Producer, letter: DeadLetter): Promise<void> {
  await producer.send({
    topic: dlqTopic(letter.topic),
    acks: -1,
    messages: [
      {
        key: letter.message.key,
        value: letter.message.value,
        headers: {
          ...letter.message.headers,
          [DLQ_HEADERS.topic]: letter.topic,
          [DLQ_HEADERS.partition]: String(letter.partition),
          [DLQ_HEADERS.offset]: letter.message.offset,
          [DLQ_HEADERS.consumer]: letter.consumer,
          [DLQ_HEADERS.reason]: letter.reason,
          [DLQ_HEADERS.error]: letter.error.slice(0, 4000),
          [DLQ_HEADERS.failedAt]: new Date().toISOString(),
        },
      },
    ],
  });
}
