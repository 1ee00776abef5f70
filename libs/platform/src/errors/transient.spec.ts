import { isTransientError } from './transient';

describe('transient errors', () => {
  it.each([
    [{ code: '08006' }],
    [{ code: '40001' }],
    [{ code: '40P01' }],
    [{ code: '57P01' }],
    [{ code: 'ECONNREFUSED' }],
    [new Error('Connection terminated unexpectedly')],
    [{ message: 'query failed', driverError: { code: '57P01' } }],
    [
      Object.assign(new Error('Database connection provided by a query runner was already released'), {
        name: 'QueryRunnerProviderAlreadyReleasedError',
      }),
    ],
    [Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' })],
    [new Error('Client was closed and is not queryable')],
  ])('retries %p', (error) => expect(isTransientError(error)).toBe(true));

  it.each([[{ code: '23505' }], [new Error('rule broken')], [undefined]])('does not retry %p', (error) =>
    expect(isTransientError(error)).toBe(false),
  );
});
