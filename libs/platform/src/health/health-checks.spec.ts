import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { DatabaseError } from 'pg';
import { CachedCheck, CheckTimeout, healthErrorCode } from './health-checks';

const postgresError = (code: string, message: string) =>
  Object.assign(new DatabaseError(message, message.length, 'error'), { code, severity: 'FATAL' });

describe('health failures are shown as codes, never as their text', () => {
  it.each([
    [new CheckTimeout('database'), 'TIMEOUT'],
    [postgresError('28P01', 'password authentication failed for user "titipan_catalog"'), 'SQLSTATE_28P01'],
    [postgresError('3D000', 'database "titipan_secret" does not exist'), 'SQLSTATE_3D000'],
    [Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    [new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 10.1.2.3:9092', { code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    [
      new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('broker kafka-1:9092 closed', { code: 'ECONNRESET' }), {
        retryCount: 5,
        retryTime: 1000,
      }),
      'ECONNRESET',
    ],
    [
      new KafkaJSProtocolError({
        message: 'This server does not host this topic-partition',
        type: 'UNKNOWN_TOPIC_OR_PARTITION',
        code: 3,
      } as never),
      'KAFKA_UNKNOWN_TOPIC_OR_PARTITION',
    ],
    [new KafkaJSNonRetriableError('group titipan.consignment.x is rebalancing'), 'KAFKA_NON_RETRIABLE_ERROR'],
    [new Error('something about host db.internal'), 'UNEXPECTED'],
    ['a string thrown', 'UNEXPECTED'],
    [undefined, 'UNEXPECTED'],
  ])('%p -> %s', (error, code) => expect(healthErrorCode(error)).toBe(code));
});

describe('a cached check', () => {
  it('runs at most once per period however often it is asked, and shares a run in progress', async () => {
    let now = 0;
    let runs = 0;
    const cached = new CachedCheck(
      async () => ++runs,
      2000,
      () => now,
    );
    expect(await Promise.all(Array.from({ length: 100 }, () => cached.get()))).toEqual(Array(100).fill(1));
    now = 1999;
    expect(await cached.get()).toBe(1);
    now = 2000;
    expect(await cached.get()).toBe(2);
    expect(runs).toBe(2);
  });
});
