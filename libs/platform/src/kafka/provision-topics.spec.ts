import { KafkaJSAggregateError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { provisioningBackoffMs, settlingErrorType } from './provision-topics';

const protocolError = (type: string, code: number) => Object.assign(new KafkaJSProtocolError(type), { type, code });

describe('topic provisioning on a broker that is still settling', () => {
  it.each([
    ['UNKNOWN_TOPIC_OR_PARTITION', 3],
    ['LEADER_NOT_AVAILABLE', 5],
    ['NOT_CONTROLLER', 41],
  ])('repeats on %s, bare or wrapped by kafkajs', (type, code) => {
    const error = protocolError(type, code);
    expect(settlingErrorType(error)).toBe(type);
    expect(settlingErrorType(new KafkaJSNumberOfRetriesExceeded(error, { retryCount: 5, retryTime: 100 }))).toBe(type);
    expect(settlingErrorType(Object.assign(new KafkaJSNonRetriableError(error), { cause: error }))).toBe(type);
  });

  it('repeats an aggregate whose errors are settling or "already exists", and names the settling one', () => {
    const aggregate = new KafkaJSAggregateError('create failed', [
      protocolError('TOPIC_ALREADY_EXISTS', 36),
      protocolError('NOT_CONTROLLER', 41),
    ]);
    expect(settlingErrorType(aggregate)).toBe('NOT_CONTROLLER');
  });

  it.each([
    ['an invalid replication factor', protocolError('INVALID_REPLICATION_FACTOR', 38)],
    ['an authorisation failure', protocolError('TOPIC_AUTHORIZATION_FAILED', 29)],
    [
      'an aggregate with one real failure',
      new KafkaJSAggregateError('x', [protocolError('LEADER_NOT_AVAILABLE', 5), protocolError('INVALID_CONFIG', 40)]),
    ],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('gives up at once on %s', (_, error) => expect(settlingErrorType(error)).toBeUndefined());

  it('backs off from 100 ms, doubling, to at most 2 s', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 100].map(provisioningBackoffMs)).toEqual([100, 200, 400, 800, 1600, 2000, 2000, 2000]);
  });
});
